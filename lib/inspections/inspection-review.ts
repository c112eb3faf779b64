import "server-only";
import { z } from "zod";
import type { ActingUser } from "@/lib/auth/acting-user";
import type { Action } from "@/lib/auth/permissions";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-calendar";
import { currentTime } from "@/lib/clock";
import { beijingDayOf, dateColumnToIsoDate, todayInBeijing } from "@/lib/dates";
import type { DatabaseTransaction, Prisma } from "@/lib/db";
import { ConflictError, ValidationError } from "@/lib/errors";
import type { ItemState } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { lockInspectionForWrite, type InspectionWriteResult } from "@/lib/inspections/manage-inspections";
import { describeResultsTimeliness } from "@/lib/inspections/results-deadline";
import { parseInput } from "@/lib/validation";
import { defineReviewedRecord, takeTransition, transitionRequestSchema } from "@/lib/workflow/engine";
import { defineWorkflow, reviewActions } from "@/lib/workflow/workflow";

/**
 * An inspection task (抽查任务) carries two reviews on one row: the plan with its draw (`state`),
 * then — once the plan is public — the results per target (`resultsState`), due 20 working days
 * after the inspection ends. Both take the items' review (科员 → 科室负责人 → 主管领导), each with
 * its own permissions, and both may be withdrawn with a public reason.
 */
function inspectionWorkflow<const RecordType extends "inspection.plan" | "inspection.results">(recordType: RecordType) {
  const permission = (step: string) => `${recordType}.${step}` as Action;
  return defineWorkflow<ItemState, InspectionAction>({
    recordType,
    states: ["draft", "section_review", "leader_review", "published", "withdrawn"],
    publishedState: "published",
    transitions: [
      { action: "submit", from: ["draft"], to: "section_review", permission: permission("submit"), relation: "same_section" },
      { action: "approve", from: ["section_review"], to: "leader_review", permission: permission("approve_section"), relation: "same_section_not_author" },
      { action: "approve", from: ["leader_review"], to: "published", permission: permission("approve_leader"), relation: "not_author" },
      {
        action: "return",
        from: ["section_review"],
        to: "draft",
        permission: permission("return_section"),
        relation: "same_section_not_author",
        comment: "review_comment",
      },
      { action: "return", from: ["leader_review"], to: "draft", permission: permission("return_leader"), relation: "not_author", comment: "review_comment" },
      { action: "withdraw", from: ["published"], to: "withdrawn", permission: permission("withdraw"), relation: "any", comment: "public_withdrawal_reason" },
      { action: "restore", from: ["withdrawn"], to: "draft", permission: permission("restore"), relation: "same_section" },
      { action: "restore", from: ["withdrawn"], to: "draft", permission: permission("restore_any_section"), relation: "any" },
    ],
  });
}

export type InspectionAction = "submit" | "approve" | "return" | "withdraw" | "restore";

const g = messages.workflow.guards;

/** `{subject: "plan" | "results", action, comment?, version?}`; an action no review of a task has is refused as impossible (409). */
export const inspectionTransitionRequestSchema = transitionRequestSchema(reviewActions).extend({
  subject: z.enum(["plan", "results"], { error: messages.inspections.validation.subjectRequired }),
});

type InspectionSource = {
  state: ItemState;
  resultsState: ItemState;
  sectionId: number;
  authorId: number;
  lastEditorId: number;
  resultsEditorId: number | null;
};

const shared = {
  nouns: messages.workflow.nouns.inspection,
  entityType: "Inspection",
  requestSchema: inspectionTransitionRequestSchema,
  lock: (tx: DatabaseTransaction, id: number, request: { version?: number | null }, _prepared: unknown, actor: ActingUser | "system") =>
    lockInspectionForWrite(tx, id, request.version, actor),
  store: ({ tx, row }: { tx: DatabaseTransaction; row: { id: number } }, fields: Prisma.InspectionUpdateInput) =>
    tx.inspection.update({ where: { id: row.id }, data: { ...fields, version: { increment: 1 } } }),
  result: (_context: unknown, updated: InspectionWriteResult): InspectionWriteResult => ({
    id: updated.id,
    state: updated.state,
    resultsState: updated.resultsState,
    version: updated.version,
  }),
};

/** The plan with its draw: published, the public sees the task and the drawn targets. */
export const inspectionPlanReview = defineReviewedRecord({
  ...shared,
  workflow: inspectionWorkflow("inspection.plan"),
  subjectOf: (inspection: InspectionSource) => ({
    state: inspection.state,
    sectionId: inspection.sectionId,
    authorId: inspection.authorId,
    revisionAuthorId: inspection.lastEditorId,
  }),
  guard: async ({ action, row }) => {
    if (action === "submit" && !row.draw) throw new ValidationError({ draw: [g.drawFirst] }, g.drawFirst);
  },
  fields: ({ to }): Prisma.InspectionUpdateInput => ({ state: to }),
  publish: async ({ row, now }) => ({ publishedAt: row.publishedAt ?? now, withdrawnAt: null, withdrawalReason: null }),
  withdraw: async ({ now, comment }) => ({ withdrawnAt: now, withdrawalReason: comment }),
  audit: ({ row }) => ({ entityId: row.id, details: { subject: "plan" } }),
});

/** The results per target, reviewed once the plan is public; their publication records whether it was on time. */
export const inspectionResultsReview = defineReviewedRecord({
  ...shared,
  workflow: inspectionWorkflow("inspection.results"),
  prepare: async () => ({ calendar: await loadWorkingDayCalendar() }),
  subjectOf: (inspection: InspectionSource) => ({
    state: inspection.resultsState,
    sectionId: inspection.sectionId,
    authorId: inspection.authorId,
    revisionAuthorId: inspection.resultsEditorId ?? inspection.authorId,
  }),
  unavailable: (inspection) => (inspection.state !== "published" ? new ConflictError(g.resultsAfterPlan, "invalid_state") : null),
  guard: async ({ tx, action, row }) => {
    if (action !== "submit") return;
    const missing = await tx.inspectionAssignment.count({ where: { inspectionId: row.id, OR: [{ outcome: null }, { inspectedOn: null }] } });
    if (missing) throw new ValidationError({ results: [g.resultsIncomplete(missing)] }, g.resultsIncompleteTitle);
  },
  fields: ({ to }): Prisma.InspectionUpdateInput => ({ resultsState: to }),
  publish: async ({ row, now, prepared }) => {
    const timeliness = describeResultsTimeliness(prepared.calendar, dateColumnToIsoDate(row.endOn), beijingDayOf(now), todayInBeijing(now));
    return {
      resultsPublishedAt: row.resultsPublishedAt ?? now,
      resultsPublishedOnTime: row.resultsPublishedOnTime ?? timeliness.status === "on_time",
      resultsWithdrawnAt: null,
      resultsWithdrawalReason: null,
    };
  },
  withdraw: async ({ now, comment }) => ({ resultsWithdrawnAt: now, resultsWithdrawalReason: comment }),
  audit: ({ row }) => ({ entityId: row.id, details: { subject: "results" } }),
});

/** A review step on the plan or on the results, as the request's `subject` says. */
export function transitionInspection(actor: ActingUser, inspectionId: number, request: unknown, now = currentTime()): Promise<InspectionWriteResult> {
  const { subject } = parseInput(inspectionTransitionRequestSchema, request);
  if (subject === "results") return takeTransition(inspectionResultsReview, actor, inspectionId, request, { now });
  return takeTransition(inspectionPlanReview, actor, inspectionId, request, { now });
}
