import "server-only";
import { clockOf, statusOfClock } from "@/lib/applications/application-clock";
import { lockApplication } from "@/lib/applications/handle-application";
import { findHandlingSection } from "@/lib/applications/handling-section";
import type { ActingUser } from "@/lib/auth/acting-user";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-calendar";
import { currentTime } from "@/lib/clock";
import { isoDateToDateColumn, todayInBeijing } from "@/lib/dates";
import type { Prisma } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { ItemState } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { defineReviewedRecord, takeTransition, transitionRequestSchema } from "@/lib/workflow/engine";
import { defineWorkflow } from "@/lib/workflow/workflow";

/**
 * The review of a reply letter (答复书) to an application: staff of the handling section submit, its
 * section head reviews (not their own letter), a leader approves. Approval issues the letter (the
 * workflow's `published`: sent to the applicant, not shown to the public) and closes the application.
 */
export const replyLetterWorkflow = defineWorkflow<ItemState, ReplyAction>({
  recordType: "application.reply",
  states: ["draft", "section_review", "leader_review", "published"],
  publishedState: "published",
  transitions: [
    { action: "submit", from: ["draft"], to: "section_review", permission: "application.reply.submit", relation: "same_section" },
    { action: "approve", from: ["section_review"], to: "leader_review", permission: "application.reply.approve_section", relation: "same_section_not_author" },
    { action: "approve", from: ["leader_review"], to: "published", permission: "application.reply.approve_leader", relation: "not_author" },
    {
      action: "return",
      from: ["section_review"],
      to: "draft",
      permission: "application.reply.return_section",
      relation: "same_section_not_author",
      comment: "review_comment",
    },
    {
      action: "return",
      from: ["leader_review"],
      to: "draft",
      permission: "application.reply.return_leader",
      relation: "not_author",
      comment: "review_comment",
    },
  ],
});

export type ReplyAction = "submit" | "approve" | "return";
export const replyActions = ["submit", "approve", "return"] as const satisfies readonly ReplyAction[];

/** The letter belongs to the section that handles applications; a letter drafted by the system (a lapse) has no author. */
type ReplyLetterSource = { reply: { state: ItemState; authorId: number | null }; handlingSectionId: number | null };

export const replyLetterReview = defineReviewedRecord({
  workflow: replyLetterWorkflow,
  nouns: messages.workflow.nouns.replyLetter,
  entityType: "ApplicationReply",
  requestSchema: transitionRequestSchema(replyActions),
  prepare: async ({ actor, now }) => ({ actor, calendar: await loadWorkingDayCalendar(), today: todayInBeijing(now) }),
  lock: async (tx, applicationId, request, { actor }) => {
    // Another agency's application is "not found" (集约化); the letter's section is the handling section
    // of the application's agency: none for another agency than the default one (then nobody reviews it).
    const application = await lockApplication(tx, applicationId, actor);
    const handlingSectionId = (await findHandlingSection(tx, application.agencyId))?.id ?? null;
    const reply = application.reply;
    if (!reply) throw new NotFoundError(messages.applications.stepErrors.notDecided);
    if (request.version != null && request.version !== reply.version) throw new ConflictError(messages.workflow.guards.replyLetterStale, "stale_version");
    return { application, reply, handlingSectionId };
  },
  subjectOf: ({ reply, handlingSectionId }: ReplyLetterSource) => {
    const authorId = reply.authorId ?? 0;
    return { state: reply.state, sectionId: handlingSectionId, authorId, revisionAuthorId: authorId };
  },
  unavailable: ({ handlingSectionId }) => (handlingSectionId === null ? new ForbiddenError() : null),
  fields: (): Prisma.ApplicationReplyUpdateInput => ({ issuedOn: null }),
  // Issuing: the letter's date, the application's 已答复 step, and its status recomputed (closed).
  publish: async ({ tx, row: { application }, actorId, prepared: { calendar, today } }) => {
    const step = await tx.applicationStep.create({ data: { applicationId: application.id, type: "reply_issued", date: isoDateToDateColumn(today), actorId } });
    const status = statusOfClock(
      clockOf(
        calendar,
        {
          receiptMethod: application.receiptMethod,
          submittedOn: application.submittedOn,
          receivedOn: application.receivedOn,
          steps: [...application.steps, step],
        },
        today,
      ),
    );
    await tx.application.update({ where: { id: application.id }, data: { status, closedOn: isoDateToDateColumn(today), version: { increment: 1 } } });
    return { issuedOn: isoDateToDateColumn(today) };
  },
  // An issued letter is sent to the applicant, not published: the public content does not change.
  changesPublicContent: () => false,
  store: ({ tx, row: { reply }, to }, fields) =>
    tx.applicationReply.update({ where: { id: reply.id }, data: { ...fields, state: to, version: { increment: 1 } } }),
  audit: ({ row: { application, reply }, to }) => ({ entityId: reply.id, details: { applicationId: application.id, issued: to === "published" } }),
  result: ({ to, prepared: { today } }): { state: ItemState; issuedOn: string | null } => ({ state: to, issuedOn: to === "published" ? today : null }),
});

/** A review step on an application's reply letter. */
export function transitionReply(
  actor: ActingUser,
  applicationId: number,
  input: unknown,
  now = currentTime(),
): Promise<{ state: ItemState; issuedOn: string | null }> {
  return takeTransition(replyLetterReview, actor, applicationId, input, { now });
}
