import "server-only";
import { MAX_ID } from "@/lib/api/route-params";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { feedbackRatingSchema } from "@/lib/feedback/feedback-schemas";
import { messages } from "@/lib/i18n";
import { countSatisfaction, type SatisfactionCounts } from "@/lib/proposals/satisfaction";
import { readThroughPublicCache } from "@/lib/public-content/cached";
import { bumpPublicContentVersion } from "@/lib/public-content/content-version";
import { enforceRateLimit } from "@/lib/rate-limit/rate-limit";
import { parseInput } from "@/lib/validation";

/**
 * A published message and its reply, as the public sees it. The visitor's name and contact are not
 * even read from the database here. Everything is plain text: pages render it as text, never HTML.
 */
export type PublishedFeedbackEntry = {
  id: number;
  topic: string;
  content: string;
  item: { id: number; title: string } | null;
  submittedAt: string;
  reply: string;
  replier: string | null;
  answeredAt: string;
  ratings: SatisfactionCounts;
};

export type PublishedFeedbackPage = { total: number; page: number; pageSize: number; entries: PublishedFeedbackEntry[] };

const publishedWhere = { publishedAt: { not: null }, status: "answered", reply: { state: "approved" } } as const;

export async function findPublishedFeedback(options: { page?: number; pageSize?: number } = {}): Promise<PublishedFeedbackPage> {
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const pageSize = Math.min(100, Math.max(1, Math.floor(options.pageSize ?? 20)));
  return readThroughPublicCache("published-feedback", [page, pageSize], async () => {
    const [total, rows] = await Promise.all([
      db.feedback.count({ where: publishedWhere }),
      db.feedback.findMany({
        where: publishedWhere,
        select: {
          id: true,
          topic: true,
          content: true,
          itemId: true,
          itemTitle: true,
          submittedAt: true,
          answeredAt: true,
          section: { select: { name: true } },
          reply: { select: { body: true } },
          ratings: { select: { rating: true } },
        },
        orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
        skip: (page - 1) * pageSize,
        take: pageSize,
      }),
    ]);
    return {
      total,
      page,
      pageSize,
      entries: rows.map((row) => ({
        id: row.id,
        topic: row.topic,
        content: row.content,
        item: row.itemId && row.itemTitle ? { id: row.itemId, title: row.itemTitle } : null,
        submittedAt: row.submittedAt.toISOString(),
        reply: row.reply!.body,
        replier: row.section?.name ?? null,
        answeredAt: row.answeredAt!.toISOString(),
        ratings: countSatisfaction(row.ratings.map((rating) => rating.rating)),
      })),
    };
  });
}

/** Ratings one client may give: enough for a person rating several replies, not for stuffing. */
export const feedbackRatingLimit = { limit: 10, windowSeconds: 600 } as const;

/** A visitor's rating (满意 / 基本满意 / 不满意) of a published reply. */
export async function rateFeedbackReply(feedbackId: number, input: unknown, context: { clientKey: string }): Promise<{ id: number }> {
  // The public form sends the message's id as the browser has it: anything but an id names no message.
  if (!Number.isSafeInteger(feedbackId) || feedbackId <= 0 || feedbackId > MAX_ID) throw new NotFoundError(messages.common.notFound.feedbackNotPublic);
  const { rating } = parseInput(feedbackRatingSchema, input);
  const published = await db.feedback.count({ where: { id: feedbackId, ...publishedWhere } });
  if (!published) throw new NotFoundError(messages.common.notFound.feedbackNotPublic);
  await enforceRateLimit({ key: `feedback-rating:${context.clientKey}`, ...feedbackRatingLimit });
  return db.$transaction(async (tx) => {
    const created = await tx.feedbackRating.create({ data: { feedbackId, rating } });
    await bumpPublicContentVersion(tx);
    return { id: created.id };
  });
}
