import "server-only";
import { reachesEveryAgency } from "@/lib/agency/agency-scope";
import { maskEmail, maskPersonName, maskPhone } from "@/lib/applications/masking";
import { recordAuditEvent } from "@/lib/audit/record";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted, isPermitted } from "@/lib/auth/permissions";
import { db, type Prisma } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { feedbackReplyReview, type FeedbackReplyAction } from "@/lib/feedback/feedback-reply-review";
import { assignFeedbackSchema, feedbackReplyInputSchema, moderationSchema, unpublishFeedbackSchema } from "@/lib/feedback/feedback-schemas";
import { assertFeedbackVisible as assertVisible, consoleFeedbackScope, lockFeedbackForWrite } from "@/lib/feedback/feedback-scope";
import type { FeedbackReplyState, FeedbackScreeningStage, FeedbackStatus } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { notifyMessageAssigned } from "@/lib/notifications/record-notifications";
import { countSatisfaction, type SatisfactionCounts } from "@/lib/proposals/satisfaction";
import { bumpPublicContentVersion } from "@/lib/public-content/content-version";
import { parseInput } from "@/lib/validation";
import { availableActions } from "@/lib/workflow/engine";

export type FeedbackWriteResult = { id: number; status: FeedbackStatus; version: number; replyState: FeedbackReplyState | null; published: boolean };

export type ConsoleFeedbackSummary = {
  id: number;
  topic: string;
  submittedAt: Date;
  sectionName: string | null;
  status: FeedbackStatus;
  replyState: FeedbackReplyState | null;
  itemTitle: string | null;
  published: boolean;
};

export async function listConsoleFeedback(actor: ActingUser, filter: { status?: FeedbackStatus; page?: number; pageSize?: number } = {}) {
  assertPermitted(actor, "feedback.read_console");
  const page = Math.max(1, Math.floor(filter.page ?? 1));
  const pageSize = Math.min(200, Math.max(1, Math.floor(filter.pageSize ?? 30)));
  const where: Prisma.FeedbackWhereInput = { AND: [consoleFeedbackScope(actor), filter.status ? { status: filter.status } : {}] };
  const [total, rows] = await Promise.all([
    db.feedback.count({ where }),
    db.feedback.findMany({
      where,
      include: { section: true, reply: true },
      orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
  ]);
  const entries: ConsoleFeedbackSummary[] = rows.map((row) => ({
    id: row.id,
    topic: row.topic,
    submittedAt: row.submittedAt,
    sectionName: row.section?.name ?? null,
    status: row.status,
    replyState: row.reply?.state ?? null,
    itemTitle: row.itemTitle,
    published: row.publishedAt !== null,
  }));
  return { total, page, pageSize, entries };
}

/** How many messages wait for this user, by status (for the console's tabs). */
export async function countConsoleFeedbackByStatus(actor: ActingUser): Promise<Record<FeedbackStatus, number>> {
  assertPermitted(actor, "feedback.read_console");
  const groups = await db.feedback.groupBy({ by: ["status"], where: consoleFeedbackScope(actor), _count: { _all: true } });
  const counts: Record<FeedbackStatus, number> = { moderation: 0, received: 0, reply_review: 0, answered: 0, rejected: 0 };
  for (const group of groups) counts[group.status] = group._count._all;
  return counts;
}

export type ConsoleFeedbackDetail = ConsoleFeedbackSummary & {
  content: string;
  name: string | null;
  contact: string | null;
  /** The visitor's name and contact are masked: a platform role reading another agency's message (集约化). */
  masked: boolean;
  mayPublish: boolean;
  itemId: number | null;
  sectionId: number | null;
  moderationMatches: string[];
  moderationNote: string | null;
  answeredAt: Date | null;
  publishedAt: Date | null;
  version: number;
  reply: { body: string; state: FeedbackReplyState; authorName: string } | null;
  /**
   * 保密审查提示: found in the message at submission (why it waited for moderation) and acknowledged
   * by the section head when the pair was published (lib/feedback/feedback-screening.ts).
   */
  screeningFindings: {
    stage: FeedbackScreeningStage;
    source: string;
    kind: string;
    match: string;
    context: string;
    acknowledgedNote: string | null;
    acknowledgedBy: string | null;
  }[];
  ratings: SatisfactionCounts;
  can: { moderate: boolean; assign: boolean; saveReply: boolean; unpublish: boolean; replyActions: FeedbackReplyAction[] };
  history: { id: string; occurredAt: Date; actorName: string; action: string; comment: string | null }[];
};

function canSaveReply(actor: ActingUser, feedback: { status: FeedbackStatus; sectionId: number | null; reply: { state: FeedbackReplyState } | null }): boolean {
  if (!isPermitted(actor.role, "feedback.reply")) return false;
  if (feedback.status !== "received") return false;
  if (feedback.sectionId !== null && feedback.sectionId !== actor.sectionId) return false;
  return !feedback.reply || feedback.reply.state === "draft";
}

/** A visitor's contact as masked lists show it: an e-mail address or a telephone number. */
function maskContact(contact: string): string {
  return contact.includes("@") ? maskEmail(contact) : maskPhone(contact);
}

export async function findConsoleFeedback(actor: ActingUser, feedbackId: number): Promise<ConsoleFeedbackDetail> {
  assertPermitted(actor, "feedback.read_console");
  const feedback = await db.feedback.findFirst({
    where: { AND: [{ id: feedbackId }, consoleFeedbackScope(actor)] },
    include: {
      section: true,
      reply: { include: { author: true } },
      ratings: { select: { rating: true } },
      screeningFindings: { include: { acknowledgedBy: true }, orderBy: { id: "asc" } },
    },
  });
  if (!feedback) throw new NotFoundError(messages.common.notFound.feedback);
  const events = await db.auditEvent.findMany({
    where: { entityType: "Feedback", entityId: String(feedback.id) },
    include: { actor: true },
    orderBy: { occurredAt: "asc" },
  });
  const moderator = isPermitted(actor.role, "feedback.moderate");
  // The 政务公开办 reads every agency's messages for oversight, not the visitors' personal data.
  const masked = reachesEveryAgency(actor) && feedback.agencyId !== actor.agencyId;
  return {
    id: feedback.id,
    topic: feedback.topic,
    submittedAt: feedback.submittedAt,
    sectionName: feedback.section?.name ?? null,
    status: feedback.status,
    replyState: feedback.reply?.state ?? null,
    itemTitle: feedback.itemTitle,
    published: feedback.publishedAt !== null,
    content: feedback.content,
    name: feedback.name && masked ? maskPersonName(feedback.name) : feedback.name,
    contact: feedback.contact && masked ? maskContact(feedback.contact) : feedback.contact,
    masked,
    mayPublish: feedback.mayPublish,
    itemId: feedback.itemId,
    sectionId: feedback.sectionId,
    moderationMatches: feedback.moderationMatches,
    moderationNote: feedback.moderationNote,
    answeredAt: feedback.answeredAt,
    publishedAt: feedback.publishedAt,
    version: feedback.version,
    reply: feedback.reply ? { body: feedback.reply.body, state: feedback.reply.state, authorName: feedback.reply.author.displayName } : null,
    screeningFindings: feedback.screeningFindings.map((finding) => ({
      stage: finding.stage,
      source: finding.source,
      kind: finding.kind,
      match: finding.match,
      context: finding.context,
      acknowledgedNote: finding.acknowledgedNote,
      acknowledgedBy: finding.acknowledgedBy?.displayName ?? null,
    })),
    ratings: countSatisfaction(feedback.ratings.map((rating) => rating.rating)),
    can: {
      moderate: moderator && (feedback.status === "moderation" || feedback.status === "received"),
      assign:
        isPermitted(actor.role, "feedback.assign") &&
        (feedback.status === "moderation" || feedback.status === "received") &&
        (!feedback.reply || feedback.reply.state === "draft"),
      saveReply: canSaveReply(actor, feedback),
      unpublish: moderator && feedback.publishedAt !== null,
      replyActions: availableActions(feedbackReplyReview, actor, feedback),
    },
    history: events.map((event) => ({
      id: String(event.id),
      occurredAt: event.occurredAt,
      actorName: event.actor?.displayName ?? messages.proposals.feedbackRules.publicActor,
      action: event.action,
      comment: event.comment,
    })),
  };
}

function resultOf(
  feedback: { id: number; status: FeedbackStatus; version: number; publishedAt: Date | null },
  replyState: FeedbackReplyState | null,
): FeedbackWriteResult {
  return { id: feedback.id, status: feedback.status, version: feedback.version, replyState, published: feedback.publishedAt !== null };
}

/** The moderation queue: release a held message to the section, or refuse it (不予处理, with a note). Spam that got through may be refused too. */
export async function moderateFeedback(actor: ActingUser, feedbackId: number, input: unknown): Promise<FeedbackWriteResult> {
  assertPermitted(actor, "feedback.moderate");
  const data = parseInput(moderationSchema, input);
  if (data.decision === "reject" && !data.note) throw new ValidationError({ note: [messages.proposals.feedbackRules.rejectNeedsNote] });
  await assertVisible(actor, feedbackId);
  return db.$transaction(async (tx) => {
    const feedback = await lockFeedbackForWrite(tx, feedbackId, data.version);
    const allowedFrom: FeedbackStatus[] = data.decision === "release" ? ["moderation"] : ["moderation", "received"];
    if (!allowedFrom.includes(feedback.status)) throw new ConflictError(messages.proposals.feedbackRules.invalidState, "invalid_state");
    const to: FeedbackStatus = data.decision === "release" ? "received" : "rejected";
    const updated = await tx.feedback.update({
      where: { id: feedback.id },
      data: { status: to, moderationNote: data.note ?? null, version: { increment: 1 } },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: `feedback.${data.decision}`,
      entityType: "Feedback",
      entityId: feedback.id,
      fromState: feedback.status,
      toState: to,
      comment: data.note ?? null,
    });
    return resultOf(updated, feedback.reply?.state ?? null);
  });
}

/** 分办: gives the message to a section (before its reply is under review). */
export async function assignFeedback(actor: ActingUser, feedbackId: number, input: unknown): Promise<FeedbackWriteResult> {
  assertPermitted(actor, "feedback.assign");
  const data = parseInput(assignFeedbackSchema, input);
  await assertVisible(actor, feedbackId);
  return db.$transaction(async (tx) => {
    const feedback = await lockFeedbackForWrite(tx, feedbackId, data.version);
    if (feedback.status !== "moderation" && feedback.status !== "received")
      throw new ConflictError(messages.proposals.feedbackRules.assignAfterReply, "invalid_state");
    // The section must be one of the agency the message was left for (集约化): another agency's counts as missing.
    if (!(await tx.section.findFirst({ where: { id: data.sectionId, agencyId: feedback.agencyId } })))
      throw new ValidationError({ sectionId: [messages.proposals.feedbackRules.sectionMissing] });
    const updated = await tx.feedback.update({ where: { id: feedback.id }, data: { sectionId: data.sectionId, version: { increment: 1 } } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "feedback.assign",
      entityType: "Feedback",
      entityId: feedback.id,
      details: { from: feedback.sectionId, to: data.sectionId },
    });
    if (feedback.sectionId !== data.sectionId) await notifyMessageAssigned(tx, { id: feedback.id, sectionId: data.sectionId }, actor.id);
    return resultOf(updated, feedback.reply?.state ?? null);
  });
}

/**
 * Staff of the responsible section save the reply draft. A message not yet assigned is taken by the
 * section of the first person who answers it.
 */
export async function saveFeedbackReply(actor: ActingUser, feedbackId: number, input: unknown): Promise<FeedbackWriteResult> {
  assertPermitted(actor, "feedback.reply");
  const data = parseInput(feedbackReplyInputSchema, input);
  await assertVisible(actor, feedbackId);
  return db.$transaction(async (tx) => {
    const feedback = await lockFeedbackForWrite(tx, feedbackId, data.version);
    if (feedback.sectionId !== null && feedback.sectionId !== actor.sectionId) throw new ForbiddenError(messages.proposals.feedbackRules.replyOwnSection);
    if (feedback.status !== "received" || (feedback.reply && feedback.reply.state !== "draft")) {
      throw new ConflictError(messages.proposals.feedbackRules.replyInvalidState, "invalid_state");
    }
    const reply = feedback.reply
      ? await tx.feedbackReply.update({ where: { id: feedback.reply.id }, data: { body: data.body, lastEditedById: actor.id } })
      : await tx.feedbackReply.create({ data: { feedbackId: feedback.id, body: data.body, authorId: actor.id, lastEditedById: actor.id } });
    const updated = await tx.feedback.update({ where: { id: feedback.id }, data: { sectionId: actor.sectionId, version: { increment: 1 } } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "feedback_reply.save",
      entityType: "Feedback",
      entityId: feedback.id,
      details: { claimedForSection: feedback.sectionId === null ? actor.sectionId : undefined },
    });
    return resultOf(updated, reply.state);
  });
}

/** Takes a published message and reply off the public page (the reason stays in the audit log). */
export async function unpublishFeedback(actor: ActingUser, feedbackId: number, input: unknown): Promise<FeedbackWriteResult> {
  assertPermitted(actor, "feedback.moderate");
  const data = parseInput(unpublishFeedbackSchema, input);
  await assertVisible(actor, feedbackId);
  return db.$transaction(async (tx) => {
    const feedback = await lockFeedbackForWrite(tx, feedbackId, data.version);
    if (!feedback.publishedAt) throw new ConflictError(messages.proposals.feedbackRules.notPublished, "invalid_state");
    const updated = await tx.feedback.update({ where: { id: feedback.id }, data: { publishedAt: null, version: { increment: 1 } } });
    await bumpPublicContentVersion(tx);
    await recordAuditEvent(tx, { actorId: actor.id, action: "feedback.unpublish", entityType: "Feedback", entityId: feedback.id, comment: data.reason });
    return resultOf(updated, feedback.reply?.state ?? null);
  });
}
