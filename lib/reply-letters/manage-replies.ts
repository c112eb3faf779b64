import "server-only";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { recordAuditEvent } from "@/lib/audit/record";
import { clockOf, statusOfClock } from "@/lib/applications/application-clock";
import { replyEditSchema, replyTransitionSchema } from "@/lib/applications/application-schemas";
import { findHandlingSection, isApplicationHandler } from "@/lib/applications/handling-section";
import { lockApplication } from "@/lib/applications/handle-application";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-calendar";
import { isoDateToDateColumn, todayInBeijing } from "@/lib/dates";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import type { ItemState } from "@/lib/generated/prisma/enums";
import { applicationsMessages } from "@/lib/i18n/zh-CN/applications";
import { parseInput } from "@/lib/validation";
import { decideItemTransition, type TransitionActor } from "@/lib/workflow/item-workflow";

/**
 * The reply letter's review reuses the items' workflow table (decideItemTransition): staff of the
 * handling section submit, its section head reviews (not their own letter), a leader approves;
 * approval issues the letter (the workflow's `published`) and closes the application.
 */
export type ReplyAction = "submit" | "approve" | "return";
export const replyActions: readonly ReplyAction[] = ["submit", "approve", "return"];

type ReplySubject = { state: ItemState; authorId: number | null };

function subjectOf(reply: ReplySubject, handlingSectionId: number) {
  // A letter drafted by the system (a lapse) has no author: nobody is excluded as its author.
  const authorId = reply.authorId ?? 0;
  return { state: reply.state, sectionId: handlingSectionId, authorId, revisionAuthorId: authorId };
}

/** The review steps this user could take on the letter now (the server decides again on submit). */
export function availableReplyActions(actor: TransitionActor, reply: ReplySubject, handlingSectionId: number | null): ReplyAction[] {
  if (handlingSectionId === null) return [];
  return replyActions.filter((action) => decideItemTransition({ actor, subject: subjectOf(reply, handlingSectionId), action, comment: "x" }).allowed);
}

export async function updateReplyDraft(actor: ActingUser, applicationId: number, input: unknown): Promise<{ version: number }> {
  assertPermitted(actor, "application.handle");
  const section = await findHandlingSection();
  if (!isApplicationHandler(actor, section?.id)) throw new ForbiddenError(applicationsMessages.console.detail.cannotHandle);
  const { title, body, version } = parseInput(replyEditSchema, input);
  return db.$transaction(async (tx) => {
    const application = await lockApplication(tx, applicationId);
    const reply = application.reply;
    if (!reply) throw new NotFoundError(applicationsMessages.stepErrors.notDecided);
    if (reply.state !== "draft") throw new ConflictError(applicationsMessages.stepErrors.replyUnderReview, "invalid_state");
    if (version !== undefined && version !== reply.version) throw new ConflictError("答复书已被他人修改，请刷新后再保存。", "stale_version");
    const updated = await tx.applicationReply.update({ where: { id: reply.id }, data: { title, body: body.replace(/\r\n/g, "\n"), version: { increment: 1 } } });
    await recordAuditEvent(tx, { actorId: actor.id, action: "application.reply.edit", entityType: "ApplicationReply", entityId: reply.id, details: { applicationId } });
    return { version: updated.version };
  });
}

export async function transitionReply(actor: ActingUser, applicationId: number, input: unknown): Promise<{ state: ItemState; issuedOn: string | null }> {
  assertPermitted(actor, "application.read");
  const { action, comment, version } = parseInput(replyTransitionSchema, input);
  const section = await findHandlingSection();
  if (!section) throw new ForbiddenError();
  const calendar = await loadWorkingDayCalendar();
  const today = todayInBeijing();
  return db.$transaction(async (tx) => {
    const application = await lockApplication(tx, applicationId);
    const reply = application.reply;
    if (!reply) throw new NotFoundError(applicationsMessages.stepErrors.notDecided);
    if (version !== undefined && version !== reply.version) throw new ConflictError("答复书已被他人修改，请刷新后再操作。", "stale_version");
    const decision = decideItemTransition({ actor, subject: subjectOf(reply, section.id), action, comment });
    if (!decision.allowed) {
      if (decision.status === 422) throw new ValidationError({ comment: ["退回时必须填写意见。"] });
      if (decision.status === 409) throw new ConflictError("答复书当前的状态不允许此操作，请刷新后查看。", "invalid_state");
      throw new ForbiddenError("您不能对这份答复书执行此操作。");
    }
    const issued = decision.to === "published";
    await tx.applicationReply.update({
      where: { id: reply.id },
      data: { state: decision.to, version: { increment: 1 }, issuedOn: issued ? isoDateToDateColumn(today) : null },
    });
    let status = application.status;
    if (issued) {
      const step = await tx.applicationStep.create({ data: { applicationId, type: "reply_issued", date: isoDateToDateColumn(today), actorId: actor.id } });
      status = statusOfClock(clockOf(calendar, { receiptMethod: application.receiptMethod, submittedOn: application.submittedOn, steps: [...application.steps, step] }, today));
      await tx.application.update({ where: { id: applicationId }, data: { status, closedOn: isoDateToDateColumn(today), version: { increment: 1 } } });
    }
    await recordAuditEvent(tx, {
      actorId: actor.id, action: `application.reply.${action}`, entityType: "ApplicationReply", entityId: reply.id,
      fromState: reply.state, toState: decision.to, comment: comment ?? null, details: { applicationId, issued },
    });
    return { state: decision.to, issuedOn: issued ? today : null };
  });
}
