import "server-only";
import { z } from "zod";
import type { ActingUser } from "@/lib/auth/acting-user";
import { currentTime } from "@/lib/clock";
import type { Prisma } from "@/lib/db";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { checkbox } from "@/lib/feedback/feedback-schemas";
import { assertFeedbackVisible, lockFeedbackForWrite } from "@/lib/feedback/feedback-scope";
import { loadSensitiveWords, publishedPairTexts, requireAcknowledgements, screenFeedbackTexts } from "@/lib/feedback/feedback-screening";
import type { FeedbackWriteResult } from "@/lib/feedback/manage-feedback";
import type { FeedbackReplyState, FeedbackStatus } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { acknowledgementsSchemaWith } from "@/lib/screening/acknowledgements";
import { defineReviewedRecord, takeTransition, transitionRequestSchema } from "@/lib/workflow/engine";
import { defineWorkflow } from "@/lib/workflow/workflow";

/**
 * The review of a reply to a visitor's message: staff of the responsible section draft it, the
 * section head approves it (no leader step). On approval the message is 已答复; it is published with
 * its reply only when the visitor allowed it and the head chose to, and — like an item — only
 * after the head acknowledged each screening finding in the topic, the content and the reply with a
 * note (422 with `details.findings` otherwise).
 */
export const feedbackReplyWorkflow = defineWorkflow<FeedbackReplyState, FeedbackReplyAction>({
  recordType: "feedback_reply",
  states: ["draft", "section_review", "approved"],
  publishedState: "approved",
  transitions: [
    { action: "submit", from: ["draft"], to: "section_review", permission: "feedback_reply.submit", relation: "section_member" },
    { action: "approve", from: ["section_review"], to: "approved", permission: "feedback_reply.approve", relation: "same_section_not_author" },
    {
      action: "return",
      from: ["section_review"],
      to: "draft",
      permission: "feedback_reply.return",
      relation: "same_section_not_author",
      comment: "review_comment",
    },
  ],
});

export type FeedbackReplyAction = "submit" | "approve" | "return";
const feedbackReplyActions = ["submit", "approve", "return"] as const satisfies readonly FeedbackReplyAction[];

export const feedbackReplyTransitionSchema = transitionRequestSchema(feedbackReplyActions).extend({
  publish: checkbox.optional().default(false),
  /** Publishing a pair with screening findings: one note per finding key (as items' submissions take them). */
  acknowledgements: acknowledgementsSchemaWith({
    noteRequired: messages.proposals.feedbackRules.acknowledgementNoteRequired,
    noteTooLong: messages.proposals.feedbackRules.noteTooLong,
    invalid: messages.proposals.feedbackRules.acknowledgementsInvalid,
  }),
  version: z.coerce.number({ error: messages.common.validation.versionMissing }).int().positive({ error: messages.common.validation.versionMissing }),
});

const g = messages.workflow.guards;

/** The reply belongs to the message's section (none while unassigned: nobody may move it). */
type FeedbackSource = { sectionId: number | null; reply: { state: FeedbackReplyState; authorId: number; lastEditedById: number } | null };

/** The message's status that goes with the reply's state. */
const statusOf = (state: FeedbackReplyState): FeedbackStatus => (state === "approved" ? "answered" : state === "section_review" ? "reply_review" : "received");

export const feedbackReplyReview = defineReviewedRecord({
  workflow: feedbackReplyWorkflow,
  nouns: messages.workflow.nouns.feedbackReply,
  entityType: "Feedback",
  requestSchema: feedbackReplyTransitionSchema,
  prepare: async ({ actor, id }) => {
    if (actor === "system") throw new ForbiddenError();
    await assertFeedbackVisible(actor, id);
  },
  lock: (tx, id, request) => lockFeedbackForWrite(tx, id, request.version),
  subjectOf: ({ sectionId, reply }: FeedbackSource) => ({ state: reply!.state, sectionId, authorId: reply!.authorId, revisionAuthorId: reply!.lastEditedById }),
  unavailable: ({ reply }) => (reply ? null : new ConflictError(g.feedbackWithoutReply, "invalid_state")),
  guard: async ({ tx, row: feedback, request, action, actorId, now }) => {
    if (!(action === "approve" && request.publish)) return;
    if (!feedback.mayPublish) throw new ValidationError({ publish: [g.feedbackNotPublishable] });
    const findings = screenFeedbackTexts(publishedPairTexts(feedback, feedback.reply!.body), await loadSensitiveWords(tx));
    const notes = requireAcknowledgements(findings, request.acknowledgements ?? []);
    if (!findings.length) return { acknowledgedFindings: 0 };
    await tx.feedbackScreeningFinding.createMany({
      data: findings.map((finding) => ({
        feedbackId: feedback.id,
        stage: "publication" as const,
        source: finding.source,
        kind: finding.kind,
        match: finding.match,
        context: finding.context,
        acknowledgedNote: notes.get(finding.key)!,
        acknowledgedById: actorId,
        acknowledgedAt: now,
      })),
    });
    return { acknowledgedFindings: findings.length };
  },
  fields: ({ to }): Prisma.FeedbackUpdateInput => ({ status: statusOf(to) }),
  publish: async ({ request, now }) => ({ answeredAt: now, publishedAt: request.publish ? now : null }),
  // Approved without publishing, the pair stays in the console.
  changesPublicContent: ({ request }) => request.publish,
  store: async ({ tx, row: feedback, to }, fields) => {
    await tx.feedbackReply.update({ where: { id: feedback.reply!.id }, data: { state: to } });
    return tx.feedback.update({ where: { id: feedback.id }, data: { ...fields, version: { increment: 1 } } });
  },
  // The message's history reads in its statuses (答复审核中, 已答复, …), as the console shows it.
  audit: ({ row: feedback, action, request, guardFacts }, updated) => ({
    entityId: feedback.id,
    fromState: feedback.status,
    toState: updated.status,
    details: action === "approve" ? { published: request.publish, acknowledgedFindings: Number(guardFacts.acknowledgedFindings ?? 0) } : undefined,
  }),
  result: ({ to }, updated): FeedbackWriteResult => ({
    id: updated.id,
    status: updated.status,
    version: updated.version,
    replyState: to,
    published: updated.publishedAt !== null,
  }),
});

/** Submit, approve (and publish) or return the reply to a visitor's message. */
export function transitionFeedbackReply(actor: ActingUser, feedbackId: number, input: unknown, now = currentTime()): Promise<FeedbackWriteResult> {
  return takeTransition(feedbackReplyReview, actor, feedbackId, input, { now });
}
