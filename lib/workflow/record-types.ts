import "server-only";
import { decisionBatchReview, decisionReview } from "@/lib/decisions/decision-review";
import { feedbackReplyReview } from "@/lib/feedback/feedback-reply-review";
import { inspectionPlanReview, inspectionResultsReview } from "@/lib/inspections/inspection-review";
import { itemReview } from "@/lib/items/item-review";
import { powerReview } from "@/lib/powers/power-review";
import { proposalReplyReview } from "@/lib/proposals/proposal-reply-review";
import { replyLetterReview } from "@/lib/reply-letters/reply-letter-review";
import { reportReview } from "@/lib/reports/report-review";
import { serviceReview } from "@/lib/services/service-review";

/**
 * Every reviewed record type, by its workflow's name (the prefix of its permissions and audit
 * actions). The engine does not need this list — each data-layer function passes its own record
 * type — but the tests enumerate it (tests/unit/workflow-declarations.test.ts), so a new record
 * type is added here too.
 */
export const reviewedRecordTypes = {
  item: itemReview,
  power: powerReview,
  service: serviceReview,
  decision: decisionReview,
  "inspection.plan": inspectionPlanReview,
  "inspection.results": inspectionResultsReview,
  proposal_reply: proposalReplyReview,
  feedback_reply: feedbackReplyReview,
  "application.reply": replyLetterReview,
  report: reportReview,
} as const;

export type ReviewedRecordTypeName = keyof typeof reviewedRecordTypes;

/** Batches moved by one review step, each through its members' record type. */
export const reviewedBatchTypes = {
  decision_batch: decisionBatchReview,
} as const;
