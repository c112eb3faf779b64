import type { ItemState, ReplyDisclosure } from "@/lib/generated/prisma/enums";

/**
 * What of a proposal reply the public may see. One function decides it for pages, the JSON API
 * and search, so a reply marked 不公开 cannot leak through any of them.
 */
export type ReplyDisclosureSubject<Attachment> = {
  state: ItemState;
  disclosure: ReplyDisclosure;
  body: string;
  summary: string | null;
  withdrawnAt: Date | string | null;
  attachments: Attachment[];
};

export type PublicReplyContent<Attachment> = { mode: "full" | "summary"; text: string; attachments: Attachment[] };

/** Issued (approved by the leader), not withdrawn, and not marked 不公开. */
export function isReplyPublic(reply: Pick<ReplyDisclosureSubject<unknown>, "state" | "disclosure" | "withdrawnAt">): boolean {
  return reply.state === "published" && reply.withdrawnAt === null && reply.disclosure !== "none";
}

/** The public text of a reply: the whole text and attachments, only the summary, or nothing. */
export function publicReplyContent<Attachment>(reply: ReplyDisclosureSubject<Attachment>): PublicReplyContent<Attachment> | null {
  if (!isReplyPublic(reply)) return null;
  if (reply.disclosure === "summary") return { mode: "summary", text: reply.summary ?? "", attachments: [] };
  return { mode: "full", text: reply.body, attachments: reply.attachments };
}

/** The Prisma filter of the same rule, for queries that must never load a hidden reply. */
export const publicReplyWhere = { state: "published", withdrawnAt: null, disclosure: { not: "none" } } as const;

/**
 * The proposal's own data the public page, the public list, the JSON API and search show next to a
 * public reply (lib/proposals/public-proposals.ts `toSummary`, lib/search/sources/proposal-reply.ts).
 * Once a reply is public they change only through the review again: the reply is withdrawn by a
 * leader (with a recorded reason), the data corrected, the reply restored and approved anew — what a
 * disclosure office expects of anything it has published (the same as an item's correction).
 */
export const publicProposalFields = ["year", "kind", "session", "number", "title", "proposers"] as const;
export type PublicProposalField = (typeof publicProposalFields)[number];

/** Does the proposal have a reply the public sees now? */
export function hasPublicReply(replies: Pick<ReplyDisclosureSubject<unknown>, "state" | "disclosure" | "withdrawnAt">[]): boolean {
  return replies.some((reply) => isReplyPublic(reply));
}
