import "server-only";
import { resolvePublicAgency } from "@/lib/agency/public-agency";
import type { ActingUser } from "@/lib/auth/acting-user";
import { isPermitted } from "@/lib/auth/permissions";
import { dateColumnToIsoDate } from "@/lib/dates";
import { db, type Prisma } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { ProposalKind } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { publicReplyContent, publicReplyWhere } from "@/lib/proposals/reply-disclosure";
import { readThroughPublicCache } from "@/lib/public-content/cached";

/**
 * What the public sees of proposals: only those with at least one issued reply that is not 不公开,
 * and of each reply only what its disclosure allows. Every public read goes through
 * `publicReplyWhere` / `publicReplyContent` (lib/proposals/reply-disclosure.ts).
 */
export type PublishedProposalReply = {
  /** The proposal's id: its public page is /proposals/{id}. */
  id: number;
  year: number;
  session: string;
  number: string;
  kind: ProposalKind;
  title: string;
  proposers: string[];
  leadSection: string | null;
  /** The latest public reply's date and mode. */
  repliedOn: string;
  disclosure: "full" | "summary";
};

export type PublicProposalDetail = PublishedProposalReply & {
  replies: {
    round: number;
    repliedOn: string;
    mode: "full" | "summary";
    text: string;
    attachments: { id: number; name: string; sizeBytes: number; mimeType: string }[];
  }[];
};

export type PublishedProposalFilter = { year?: number; kind?: ProposalKind };

const visibleProposal = { replies: { some: publicReplyWhere } } satisfies Prisma.ProposalWhereInput;

const listInclude = {
  leadSection: true,
  replies: { where: publicReplyWhere, orderBy: { round: "asc" } },
} satisfies Prisma.ProposalInclude;

type ListedProposal = Prisma.ProposalGetPayload<{ include: typeof listInclude }>;

function toSummary(proposal: ListedProposal): PublishedProposalReply {
  const latest = proposal.replies.at(-1)!;
  return {
    id: proposal.id,
    year: proposal.year,
    session: proposal.session,
    number: proposal.number,
    kind: proposal.kind,
    title: proposal.title,
    proposers: proposal.proposers,
    leadSection: proposal.leadSection?.name ?? null,
    repliedOn: dateColumnToIsoDate(latest.repliedOn!),
    disclosure: latest.disclosure === "summary" ? "summary" : "full",
  };
}

const kindOrder: Record<ProposalKind, number> = { suggestion: 0, proposal: 1 };

/** Newest year first; 人大代表建议 before 政协提案; then by number (第2号 before 第10号). */
const byNumber = (first: PublishedProposalReply, second: PublishedProposalReply) =>
  second.year - first.year || kindOrder[first.kind] - kindOrder[second.kind] || first.number.localeCompare(second.number, "zh-CN", { numeric: true });

/**
 * The published replies, optionally of one year and kind: for /proposals, the 建议提案办理 catalogue
 * category (/catalogue/proposals) and the JSON API.
 */
export async function findPublishedProposalReplies(filter: PublishedProposalFilter & { agencyCode?: string } = {}): Promise<PublishedProposalReply[]> {
  // The proposals sent to the agency named by `agency=` (集约化), the default agency's without one.
  const { id: agencyId } = await resolvePublicAgency(filter.agencyCode);
  const args = { year: filter.year ?? null, kind: filter.kind ?? null, agencyId };
  return readThroughPublicCache("published-proposal-replies", [args], async () => {
    const rows = await db.proposal.findMany({
      where: { ...visibleProposal, agencyId, ...(filter.year ? { year: filter.year } : {}), ...(filter.kind ? { kind: filter.kind } : {}) },
      include: listInclude,
    });
    return rows.map(toSummary).sort(byNumber);
  });
}

/** One proposal with its public replies; null when it has none (never published, 不公开, or withdrawn). */
export async function findPublicProposal(proposalId: number): Promise<PublicProposalDetail | null> {
  if (!Number.isSafeInteger(proposalId) || proposalId <= 0) return null;
  return readThroughPublicCache("public-proposal", [proposalId], async () => {
    const proposal = await db.proposal.findFirst({
      where: { id: proposalId, ...visibleProposal },
      include: {
        leadSection: true,
        replies: { where: publicReplyWhere, orderBy: { round: "asc" }, include: { attachments: { orderBy: { sortOrder: "asc" } } } },
      },
    });
    if (!proposal) return null;
    const fileIds = proposal.replies.flatMap((reply) => (reply.disclosure === "full" ? reply.attachments.map((attachment) => attachment.fileId) : []));
    const files = new Map((await db.storedFile.findMany({ where: { id: { in: fileIds } } })).map((file) => [file.id, file]));
    const replies = proposal.replies.flatMap((reply) => {
      const attachments = reply.attachments.flatMap((attachment) => {
        const file = files.get(attachment.fileId);
        return file ? [{ id: attachment.id, name: file.originalName, sizeBytes: file.sizeBytes, mimeType: file.mimeType }] : [];
      });
      const content = publicReplyContent({ ...reply, attachments });
      return content
        ? [{ round: reply.round, repliedOn: dateColumnToIsoDate(reply.repliedOn!), mode: content.mode, text: content.text, attachments: content.attachments }]
        : [];
    });
    return { ...toSummary(proposal), replies };
  });
}

/**
 * Years that have registered proposals sent to the agency named by `agencyCode` (the default
 * agency's without one; the statistics are public for them), newest first.
 */
export async function findProposalYears(agencyCode?: string): Promise<number[]> {
  const { id: agencyId } = await resolvePublicAgency(agencyCode);
  return readThroughPublicCache("proposal-years", [agencyId], async () => {
    const rows = await db.proposal.findMany({ where: { agencyId }, distinct: ["year"], select: { year: true }, orderBy: { year: "desc" } });
    return rows.map((row) => row.year);
  });
}

/**
 * Published replies whose title, number or public text contain every space-separated term. A reply
 * in 摘要公开 is searched by its summary only, a 不公开 one not at all.
 */
export async function searchPublishedProposalReplies(query: string, limit = 20): Promise<PublishedProposalReply[]> {
  const terms = query.trim().split(/\s+/).filter(Boolean).slice(0, 8);
  if (!terms.length) return [];
  return readThroughPublicCache("search-proposal-replies", [terms, limit], async () => {
    const rows = await db.proposal.findMany({
      where: {
        AND: [
          visibleProposal,
          ...terms.map((term): Prisma.ProposalWhereInput => ({
            OR: [
              { title: { contains: term, mode: "insensitive" } },
              { number: { contains: term, mode: "insensitive" } },
              { replies: { some: { ...publicReplyWhere, disclosure: "full", body: { contains: term, mode: "insensitive" } } } },
              { replies: { some: { ...publicReplyWhere, disclosure: "summary", summary: { contains: term, mode: "insensitive" } } } },
            ],
          })),
        ],
      },
      include: listInclude,
      orderBy: [{ year: "desc" }, { id: "desc" }],
      take: Math.min(100, Math.max(1, limit)),
    });
    return rows.map(toSummary);
  });
}

export type DownloadableReplyAttachment = { storagePath: string; originalName: string; mimeType: string; sizeBytes: number; public: boolean };

/** An attachment of a reply in 全文公开 for anyone; any attachment for console users; otherwise "not found". */
export async function findDownloadableReplyAttachment(attachmentId: number, viewer: ActingUser | null): Promise<DownloadableReplyAttachment> {
  const attachment = await db.proposalReplyAttachment.findUnique({ where: { id: attachmentId }, include: { reply: true } });
  if (!attachment) throw new NotFoundError(messages.common.notFound.attachment);
  const isPublic = publicReplyContent({ ...attachment.reply, attachments: [attachment] })?.mode === "full";
  if (!isPublic && !(viewer && isPermitted(viewer.role, "proposal.read_console"))) throw new NotFoundError(messages.common.notFound.attachment);
  const file = await db.storedFile.findUnique({ where: { id: attachment.fileId } });
  if (!file) throw new NotFoundError(messages.common.notFound.attachment);
  return { storagePath: file.storagePath, originalName: file.originalName, mimeType: file.mimeType, sizeBytes: file.sizeBytes, public: isPublic };
}
