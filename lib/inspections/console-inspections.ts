import "server-only";
import { sectionsInScope } from "@/lib/agency/agency-scope";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted, isPermitted } from "@/lib/auth/permissions";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-calendar";
import { beijingDayOf, dateColumnToIsoDate, todayInBeijing } from "@/lib/dates";
import { db, type Prisma } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { ItemState } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { inspectionPlanReview, inspectionResultsReview, type InspectionAction } from "@/lib/inspections/inspection-review";
import { inspectionDetailInclude, toInspectionView, type InspectionView } from "@/lib/inspections/inspection-views";
import { worksOnInspection } from "@/lib/inspections/manage-inspections";
import { describeResultsTimeliness, type ResultsTimeliness } from "@/lib/inspections/results-deadline";
import { availableActions } from "@/lib/workflow/engine";

export type ConsoleInspectionSummary = {
  id: number;
  year: number;
  title: string;
  sectionName: string;
  state: ItemState;
  resultsState: ItemState;
  drawn: boolean;
  startOn: string;
  endOn: string;
  targetCount: number;
  resultsDeadline: ResultsTimeliness;
  updatedAt: Date;
};

export async function listConsoleInspections(actor: ActingUser, options: { year?: number; page?: number; pageSize?: number } = {}) {
  assertPermitted(actor, "inspection.read_console");
  const page = Math.max(1, options.page ?? 1);
  const pageSize = Math.min(100, options.pageSize ?? 30);
  // Only the actor's agency's tasks (集约化), or every agency's for a platform role.
  const inScope: Prisma.InspectionWhereInput = { section: sectionsInScope(actor) };
  const where: Prisma.InspectionWhereInput = options.year ? { ...inScope, year: options.year } : inScope;
  const [total, rows, calendar, years] = await Promise.all([
    db.inspection.count({ where }),
    db.inspection.findMany({
      where,
      orderBy: [{ startOn: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      include: { section: true, draw: { select: { id: true } } },
    }),
    loadWorkingDayCalendar(),
    db.inspection.groupBy({ by: ["year"], where: inScope, orderBy: { year: "desc" } }),
  ]);
  const today = todayInBeijing();
  return {
    total,
    page,
    pageSize,
    years: years.map((row) => row.year),
    items: rows.map((row): ConsoleInspectionSummary => ({
      id: row.id,
      year: row.year,
      title: row.title,
      sectionName: row.section.name,
      state: row.state,
      resultsState: row.resultsState,
      drawn: row.draw !== null,
      startOn: dateColumnToIsoDate(row.startOn),
      endOn: dateColumnToIsoDate(row.endOn),
      targetCount: row.targetCount,
      resultsDeadline: describeResultsTimeliness(
        calendar,
        dateColumnToIsoDate(row.endOn),
        row.resultsPublishedAt ? beijingDayOf(row.resultsPublishedAt) : null,
        today,
      ),
      updatedAt: row.updatedAt,
    })),
  };
}

export type ConsoleInspection = InspectionView & {
  authorName: string;
  planActions: InspectionAction[];
  resultsActions: InspectionAction[];
  canEdit: boolean;
  canDraw: boolean;
  canRecordResults: boolean;
  history: { id: string; occurredAt: Date; actorName: string; action: string; fromState: string | null; toState: string | null; comment: string | null }[];
};

export async function findConsoleInspection(actor: ActingUser, inspectionId: number): Promise<ConsoleInspection> {
  assertPermitted(actor, "inspection.read_console");
  const inspection = await db.inspection.findFirst({
    where: { id: inspectionId, section: sectionsInScope(actor) },
    include: { ...inspectionDetailInclude, author: true },
  });
  if (!inspection) throw new NotFoundError(messages.common.notFound.inspection);
  const [calendar, events] = await Promise.all([
    loadWorkingDayCalendar(),
    db.auditEvent.findMany({ where: { entityType: "Inspection", entityId: String(inspectionId) }, orderBy: { id: "asc" }, include: { actor: true } }),
  ]);
  const view = toInspectionView(inspection, calendar, todayInBeijing(), { withResults: true });
  const works = worksOnInspection(actor, inspection);
  // Review steps a person can take here (the server decides again on every request).
  const planActions = availableActions(inspectionPlanReview, actor, inspection);
  const resultsActions = availableActions(inspectionResultsReview, actor, inspection);
  return {
    ...view,
    authorName: inspection.author.displayName,
    planActions,
    resultsActions,
    canEdit: works && isPermitted(actor.role, "inspection.edit") && inspection.state === "draft",
    canDraw: works && isPermitted(actor.role, "inspection.draw") && inspection.state === "draft" && !inspection.draw,
    canRecordResults: works && isPermitted(actor.role, "inspection.record_results") && inspection.state === "published" && inspection.resultsState === "draft",
    history: events.map((event) => ({
      id: String(event.id),
      occurredAt: event.occurredAt,
      actorName: event.actor?.displayName ?? messages.common.systemActor,
      action: event.action,
      fromState: event.fromState,
      toState: event.toState,
      comment: event.comment,
    })),
  };
}
