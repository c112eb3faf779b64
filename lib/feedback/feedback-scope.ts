import "server-only";
import { reachesEveryAgency } from "@/lib/agency/agency-scope";
import type { ActingUser } from "@/lib/auth/acting-user";
import { isPermitted } from "@/lib/auth/permissions";
import { db, type DatabaseTransaction, type Prisma } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";

/**
 * Who sees which messages in the console (they hold visitors' names and contacts): leaders and
 * administrators all; others those of their section and the unassigned ones; moderators also the
 * moderation queue. Staff never see messages held or rejected by moderation.
 */
export function consoleFeedbackScope(actor: ActingUser): Prisma.FeedbackWhereInput {
  // Only the messages left for the actor's agency (集约化), or every agency's for a platform role.
  const agency: Prisma.FeedbackWhereInput = reachesEveryAgency(actor) ? {} : { agencyId: actor.agencyId };
  return { AND: [agency, withinAgencyScope(actor)] };
}

function withinAgencyScope(actor: ActingUser): Prisma.FeedbackWhereInput {
  if (actor.role === "leader" || actor.role === "admin" || reachesEveryAgency(actor)) return {};
  const mine: Prisma.FeedbackWhereInput = { OR: [{ sectionId: actor.sectionId }, { sectionId: null }] };
  if (isPermitted(actor.role, "feedback.moderate")) return { OR: [mine, { status: { in: ["moderation", "rejected"] } }] };
  return { AND: [mine, { status: { notIn: ["moderation", "rejected"] } }] };
}

/** A message outside the user's scope does not exist for them (404). */
export async function assertFeedbackVisible(actor: ActingUser, feedbackId: number): Promise<void> {
  const visible = await db.feedback.count({ where: { AND: [{ id: feedbackId }, consoleFeedbackScope(actor)] } });
  if (!visible) throw new NotFoundError(messages.common.notFound.feedback);
}

/** Locks a message (with its reply) for a write and checks the version the user last saw. */
export async function lockFeedbackForWrite(tx: DatabaseTransaction, feedbackId: number, expectedVersion: number) {
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "Feedback" WHERE id = ${feedbackId} FOR UPDATE`;
  if (!rows.length) throw new NotFoundError(messages.common.notFound.feedback);
  const feedback = await tx.feedback.findUniqueOrThrow({ where: { id: feedbackId }, include: { reply: true } });
  if (expectedVersion !== feedback.version) throw new ConflictError(messages.proposals.feedbackRules.stale, "stale_version");
  return feedback;
}
