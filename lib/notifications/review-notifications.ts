import "server-only";
import { isPermitted } from "@/lib/auth/permissions";
import type { DatabaseTransaction } from "@/lib/db";
import { messages } from "@/lib/i18n";
import { emitNotification } from "@/lib/notifications/emit-notification";
import { describeReviewedRecord } from "@/lib/notifications/record-links";
import { mayTake, type Workflow, type WorkflowSubject } from "@/lib/workflow/workflow";

const t = messages.notifications.titles;

/** The steps that move a record on towards publication: whoever may take one is waited for. */
const forwardActions = new Set(["approve"]);

/**
 * The users who may take the next review step on a record in its new state, by the record type's
 * own workflow (the same decision the engine takes): the section head of its section, a leader, …
 */
export async function usersWhoMayReview(tx: DatabaseTransaction, workflow: Workflow, subject: WorkflowSubject): Promise<number[]> {
  const next = workflow.transitions.filter((rule) => forwardActions.has(rule.action) && rule.permission !== null && rule.from.includes(subject.state));
  if (!next.length) return [];
  const roles = [
    ...new Set(next.flatMap((rule) => (["staff", "section_head", "leader", "admin"] as const).filter((role) => isPermitted(role, rule.permission!)))),
  ];
  if (!roles.length) return [];
  const candidates = await tx.user.findMany({ where: { role: { in: roles }, disabledAt: null }, select: { id: true, role: true, sectionId: true } });
  return candidates.filter((user) => next.some((rule) => mayTake(rule, user, subject))).map((user) => user.id);
}

/**
 * The notifications of one review step, written in the engine's transaction
 * (lib/workflow/engine.ts calls it after storing the new state): `review_waiting` to those who may
 * take the next step, `returned` (with the reviewer's comment) to the author, `published` /
 * `withdrawn` to the author.
 */
export async function notifyReviewStep(
  tx: DatabaseTransaction,
  step: {
    workflow: Workflow;
    /** The record's facts before the step (its author, its section). */
    subject: WorkflowSubject;
    action: string;
    from: string;
    to: string;
    row: unknown;
    entityId: string;
    noun: string;
    comment: string | null;
    actorId: number | null;
    /** The audit row's id-to-be: the step's own identity, so that its events are unique. */
    stepKey: string;
    /** How to name and link the record when it is not one row (a batch); else from `row`. */
    record?: { title: string; url: string; recordType: string };
  },
): Promise<void> {
  const { workflow, subject, to } = step;
  const recordType = workflow.recordType;
  const record = step.record ?? describeReviewedRecord(recordType, step.row, step.entityId, step.noun);
  const base = { recordType: step.record?.recordType ?? recordType, recordId: step.entityId, url: record.url, sectionId: subject.sectionId };
  const authors = [...new Set([subject.authorId, subject.revisionAuthorId])].filter((id) => id !== step.actorId);
  const publishedState = workflow.publishedState;

  if (step.action === "return") {
    await emitNotification(tx, {
      ...base,
      kind: "returned",
      title: t.returned(record.title),
      detail: step.comment ? messages.notifications.returnedComment(step.comment) : null,
      recipientIds: authors,
      dedupeKey: `returned:${step.stepKey}`,
    });
  } else if (to === publishedState && step.from !== publishedState) {
    await emitNotification(tx, { ...base, kind: "published", title: t.published(record.title), recipientIds: authors, dedupeKey: `published:${step.stepKey}` });
  } else if (step.from === publishedState && to !== publishedState) {
    await emitNotification(tx, {
      ...base,
      kind: "withdrawn",
      title: t.withdrawn(record.title),
      detail: step.comment,
      recipientIds: authors,
      dedupeKey: `withdrawn:${step.stepKey}`,
    });
  }
  const reviewers = (await usersWhoMayReview(tx, workflow, { ...subject, state: to })).filter((id) => id !== step.actorId);
  if (reviewers.length) {
    await emitNotification(tx, {
      ...base,
      kind: "review_waiting",
      title: t.reviewWaiting(record.title),
      recipientIds: reviewers,
      dedupeKey: `review_waiting:${step.stepKey}`,
    });
  }
}
