import "server-only";
import type { ActingUser } from "@/lib/auth/acting-user";
import { currentTime } from "@/lib/clock";
import { beijingDayOf, dateColumnToIsoDate } from "@/lib/dates";
import type { DatabaseTransaction, Prisma } from "@/lib/db";
import { lockDecisionForWrite } from "@/lib/decisions/manage-decisions";
import { NotFoundError } from "@/lib/errors";
import type { ItemState } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import type { RegisterWriteResult } from "@/lib/powers/manage-powers";
import { registerActions, registerNouns, registerSubject, registerWorkflow, type RegisterSubject } from "@/lib/powers/register-review";
import { defineReviewedBatch, defineReviewedRecord, takeBatchTransition, takeTransition, transitionRequestSchema } from "@/lib/workflow/engine";

const m = messages.registers;

/** Publication data: the first publication is kept (and whether it met the 7-working-day deadline). */
function publicationData(decision: { publishedAt: Date | null; disclosureDueOn: Date }, now: Date) {
  if (decision.publishedAt) return { withdrawnAt: null, withdrawalReason: null };
  return { publishedAt: now, publishedOnTime: beijingDayOf(now) <= dateColumnToIsoDate(decision.disclosureDueOn), withdrawnAt: null, withdrawalReason: null };
}

/** The review of 双公示 decisions, one by one. */
export const decisionReview = defineReviewedRecord({
  workflow: registerWorkflow("decision"),
  nouns: registerNouns,
  entityType: "AdministrativeDecision",
  requestSchema: transitionRequestSchema(registerActions),
  lock: (tx, id, request, _prepared, actor) => lockDecisionForWrite(tx, id, request.version, actor),
  subjectOf: (decision: RegisterSubject) => registerSubject(decision),
  publish: async ({ row, now }): Promise<Prisma.AdministrativeDecisionUpdateInput> => publicationData(row, now),
  withdraw: async ({ now, comment }) => ({ withdrawnAt: now, withdrawalReason: comment }),
  store: ({ tx, row, to }, fields) => tx.administrativeDecision.update({ where: { id: row.id }, data: { ...fields, state: to, version: { increment: 1 } } }),
  search: { type: "decision", ids: (decision) => [decision.id] },
  audit: ({ row }) => ({ entityId: row.id, details: { kind: row.kind, documentNumber: row.documentNumber } }),
  result: (_context, updated): RegisterWriteResult => ({ id: updated.id, state: updated.state, version: updated.version }),
});

/** A review step on one decision. */
export function transitionDecision(actor: ActingUser, decisionId: number, request: unknown, now = currentTime()): Promise<RegisterWriteResult> {
  return takeTransition(decisionReview, actor, decisionId, request, { now });
}

/** Review steps an import batch can take as a whole. */
export const decisionBatchActions = ["submit", "approve", "return"] as const;

const UPDATE_CHUNK = 5000;

type BatchMember = RegisterSubject & { id: number; publishedAt: Date | null; disclosureDueOn: Date };

async function storeBatchMembers(tx: DatabaseTransaction, taken: { member: BatchMember }[], to: ItemState, now: Date): Promise<void> {
  const today = beijingDayOf(now);
  for (let start = 0; start < taken.length; start += UPDATE_CHUNK) {
    const group = taken.slice(start, start + UPDATE_CHUNK).map((entry) => entry.member);
    const ids = group.map((member) => member.id);
    await tx.administrativeDecision.updateMany({ where: { id: { in: ids } }, data: { state: to, version: { increment: 1 } } });
    if (to !== "published") continue;
    // The batch form of the decision's publish hook: first publications are stamped, on time or late.
    await tx.administrativeDecision.updateMany({ where: { id: { in: ids } }, data: { withdrawnAt: null, withdrawalReason: null } });
    const first = group.filter((member) => !member.publishedAt);
    const onTime = first.filter((member) => today <= dateColumnToIsoDate(member.disclosureDueOn)).map((member) => member.id);
    const late = first.filter((member) => today > dateColumnToIsoDate(member.disclosureDueOn)).map((member) => member.id);
    if (onTime.length) await tx.administrativeDecision.updateMany({ where: { id: { in: onTime } }, data: { publishedAt: now, publishedOnTime: true } });
    if (late.length) await tx.administrativeDecision.updateMany({ where: { id: { in: late } }, data: { publishedAt: now, publishedOnTime: false } });
  }
}

/**
 * An import batch's review step moves every decision of the batch that this person may take it on
 * now (e.g. a section head approves the batch's decisions waiting for section review). Each
 * decision is decided by `decisionReview`'s workflow as if it were taken alone, and gets its own
 * audit row (`decision.approve`, …); the batch gets one more (`decision_batch.approve`).
 */
export const decisionBatchReview = defineReviewedBatch({
  member: decisionReview,
  recordType: "decision_batch",
  entityType: "DecisionImportBatch",
  requestSchema: transitionRequestSchema(decisionBatchActions),
  lock: async (tx, batchId) => {
    const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "DecisionImportBatch" WHERE id = ${batchId} FOR UPDATE`;
    if (!locked.length) throw new NotFoundError(m.decisions.notFound);
  },
  members: (tx, batchId) =>
    tx.administrativeDecision.findMany({
      where: { importBatchId: batchId },
      select: { id: true, state: true, sectionId: true, authorId: true, lastEditorId: true, publishedAt: true, disclosureDueOn: true },
    }),
  memberId: (member) => member.id,
  nothingToDo: m.decisions.console.batchNothing,
  noun: m.decisions.batchNoun,
  consoleUrl: (batchId) => `/admin/decisions/batches/${batchId}`,
  store: (tx, taken, to, { now }) => storeBatchMembers(tx, taken, to, now),
  transactionOptions: { timeout: 120_000, maxWait: 10_000 },
});

/** A review step on every decision of an import batch that this person may take it on now. */
export function transitionDecisionBatch(actor: ActingUser, batchId: number, request: unknown, now = currentTime()): Promise<{ count: number; to: ItemState }> {
  return takeBatchTransition(decisionBatchReview, actor, batchId, request, { now });
}
