import "server-only";
import { z } from "zod";
import type { ActingUser } from "@/lib/auth/acting-user";
import { todayInBeijing } from "@/lib/dates";
import { db, type Prisma } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { ItemState } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { checkReport, computeReportFigures } from "@/lib/reports/compute-report";
import type { ReportFigureSources } from "@/lib/reports/figure-sources";
import { liveFigureSources } from "@/lib/reports/live-figure-sources";
import { lockReport, publishReportItem, toEdition, type ReportEdition } from "@/lib/reports/manage-reports";
import { reportTitle, type ReportSnapshot } from "@/lib/reports/report-document";
import { syncSearchDocuments } from "@/lib/search/search-index";
import { defineReviewedRecord, takeTransition, transitionRequestSchema } from "@/lib/workflow/engine";
import { defineWorkflow, reviewActions } from "@/lib/workflow/workflow";

/**
 * The review of the annual report, as of an item: staff submit, the section head reviews, a leader
 * approves — which freezes the figures and publishes the report as an item of the 政府信息公开年报
 * category. Submitting and approving need every blocking check to pass. A published report is never
 * withdrawn: a correction is published as a new edition.
 */
export const reportWorkflow = defineWorkflow<ItemState, ReportAction>({
  recordType: "report",
  states: ["draft", "section_review", "leader_review", "published"],
  publishedState: "published",
  transitions: [
    { action: "submit", from: ["draft"], to: "section_review", permission: "report.submit", relation: "same_section" },
    { action: "approve", from: ["section_review"], to: "leader_review", permission: "report.approve_section", relation: "same_section_not_author" },
    { action: "approve", from: ["leader_review"], to: "published", permission: "report.approve_leader", relation: "not_author" },
    {
      action: "return",
      from: ["section_review"],
      to: "draft",
      permission: "report.return_section",
      relation: "same_section_not_author",
      comment: "review_comment",
    },
    { action: "return", from: ["leader_review"], to: "draft", permission: "report.return_leader", relation: "not_author", comment: "review_comment" },
  ],
});

export type ReportAction = "submit" | "approve" | "return";

const g = messages.workflow.guards;
const f = messages.reports.filing;

/**
 * A review step on the report. The leader's approval, which publishes, also carries the report's
 * publication date (its 落款, default the day of approval) and the tick confirming publication.
 */
export const reportTransitionRequestSchema = transitionRequestSchema(reviewActions).extend({
  publicationDate: z
    .string()
    .trim()
    .nullish()
    .transform((value) => value || null)
    .refine(
      (value) =>
        value === null ||
        (/^\d{4}-\d{2}-\d{2}$/.test(value) &&
          !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
          new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)),
      {
        error: f.publicationDateInvalid,
      },
    ),
  confirm: z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean()).optional(),
});

/**
 * The publication date of a report of `year` approved on `today`: the one the approver chose, or
 * today. Never before 1 January of the next year (the year reported on must be over) nor after today.
 */
export function settleReportPublicationDate(year: number, today: string, chosen: string | null | undefined): string {
  const date = chosen || today;
  if (date < `${year + 1}-01-01`) throw new ValidationError({ publicationDate: [f.publicationDateTooEarly(year)] });
  if (date > today) throw new ValidationError({ publicationDate: [f.publicationDateInFuture] });
  return date;
}

export const reportReview = defineReviewedRecord({
  workflow: reportWorkflow,
  nouns: messages.workflow.nouns.report,
  // Withdrawing (or restoring) is refused as impossible from any state, saying what to do instead.
  refusalMessage: (refusal, action) =>
    refusal.reason === "invalid_state" && !(reportWorkflow.actions as readonly string[]).includes(action) ? g.reportNeverWithdrawn : undefined,
  entityType: "AnnualReport",
  requestSchema: reportTransitionRequestSchema,
  // The figures come from the live data (or, in tests, other sources), computed before the lock.
  prepare: async ({ id, options }: { id: number; options: Partial<{ sources: ReportFigureSources }> }) => {
    const current = await db.annualReport.findUnique({ where: { id } });
    if (!current) throw new NotFoundError(messages.common.notFound.report);
    const scope = { agencyId: current.agencyId };
    const figures = await computeReportFigures(current.year, options.sources ?? liveFigureSources, scope);
    const checks = await checkReport(figures, { overview: current.overview, problems: current.problems, otherMatters: current.otherMatters }, scope);
    return { figures, checks };
  },
  lock: (tx, id, request, _prepared, actor) => lockReport(tx, id, request.version, actor),
  subjectOf: (report: { state: ItemState; sectionId: number; authorId: number }) => ({
    state: report.state,
    sectionId: report.sectionId,
    authorId: report.authorId,
    revisionAuthorId: report.authorId,
  }),
  guard: async ({ action, to, row, request, now, prepared: { checks } }) => {
    if ((action === "submit" || action === "approve") && !checks.passed) {
      const error = new ValidationError({ checks: checks.blocking.map((check) => check.message) }, g.reportChecksFailed);
      error.details = { checks };
      throw error;
    }
    // Publishing asks for a confirmation and settles the date the report bears.
    if (to === "published") {
      const publicationDate = settleReportPublicationDate(row.year, todayInBeijing(now), request.publicationDate);
      if (!request.confirm) throw new ValidationError({ confirm: [f.confirmRequired] });
      return { publicationDate };
    }
  },
  publish: async ({ tx, row: report, actorId, now, guardFacts, prepared: { figures, checks } }): Promise<Prisma.AnnualReportUpdateInput> => {
    const publicationDate = guardFacts.publicationDate as string;
    // Issued in the name of the agency whose section keeps the report (集约化).
    const { agency } = await tx.section.findUniqueOrThrow({ where: { id: report.sectionId }, include: { agency: true } });
    const snapshot: ReportSnapshot = {
      year: report.year,
      edition: report.edition,
      agencyName: agency.name,
      title: reportTitle(agency.name, report.year, report.edition),
      texts: { overview: report.overview, problems: report.problems, otherMatters: report.otherMatters },
      correctionNotice: report.correctionNotice,
      figures,
      checks,
      publishedAt: now.toISOString(),
      publicationDate,
    };
    const itemId = await publishReportItem(tx, snapshot, report.authorId, report.sectionId, actorId!, agency.code, now);
    await syncSearchDocuments(tx, "item", [itemId]);
    return {
      snapshot: snapshot as unknown as Prisma.InputJsonValue,
      publishedAt: now,
      publicationDate: new Date(`${publicationDate}T00:00:00Z`),
      item: { connect: { id: itemId } },
    };
  },
  store: ({ tx, row, to, actorId }, fields) =>
    tx.annualReport.update({ where: { id: row.id }, data: { ...fields, state: to, version: { increment: 1 }, lastActor: { connect: { id: actorId! } } } }),
  audit: ({ row, guardFacts }) => ({ entityId: row.id, ...(guardFacts.publicationDate ? { details: { publicationDate: guardFacts.publicationDate } } : {}) }),
  result: (_context, updated): ReportEdition => toEdition(updated),
});

/** A review step on the year's report; `sources` of the figures are the live data but in tests. */
export function transitionReport(
  actor: ActingUser,
  reportId: number,
  input: unknown,
  sources: ReportFigureSources = liveFigureSources,
): Promise<ReportEdition> {
  return takeTransition(reportReview, actor, reportId, input, { sources });
}
