import "server-only";
import { reachesEveryAgency } from "@/lib/agency/agency-scope";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted, isPermitted } from "@/lib/auth/permissions";
import { dateColumnToIsoDate, todayInBeijing } from "@/lib/dates";
import { db, type Prisma } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { ItemState, ProposalKind, ProposalStatus, ReplyDisclosure, Satisfaction } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { mayActOnProposal } from "@/lib/proposals/proposal-access";
import { canDraftReply } from "@/lib/proposals/proposal-replies";
import { proposalReplyReview, type ProposalReplyAction } from "@/lib/proposals/proposal-reply-review";
import { hasPublicReply } from "@/lib/proposals/reply-disclosure";
import { availableActions } from "@/lib/workflow/engine";

export type ConsoleProposalSummary = {
  id: number;
  year: number;
  session: string;
  number: string;
  kind: ProposalKind;
  title: string;
  proposers: string[];
  leadSectionName: string | null;
  deadline: string | null;
  status: ProposalStatus;
  overdue: boolean;
  latestReplyState: ItemState | null;
};

export type ConsoleProposalFilter = { year?: number; kind?: ProposalKind; status?: ProposalStatus; page?: number; pageSize?: number };

const summaryInclude = { leadSection: true, replies: { orderBy: { round: "desc" }, take: 1 } } satisfies Prisma.ProposalInclude;

function summarise(proposal: Prisma.ProposalGetPayload<{ include: typeof summaryInclude }>, today: string): ConsoleProposalSummary {
  const deadline = dateColumnToIsoDate(proposal.deadline);
  return {
    id: proposal.id,
    year: proposal.year,
    session: proposal.session,
    number: proposal.number,
    kind: proposal.kind,
    title: proposal.title,
    proposers: proposal.proposers,
    leadSectionName: proposal.leadSection?.name ?? null,
    deadline,
    status: proposal.status,
    overdue: proposal.status === "in_progress" && deadline !== null && today > deadline,
    latestReplyState: proposal.replies[0]?.state ?? null,
  };
}

/** The proposals an actor reaches (集约化): those sent to its agency, or every agency's for a platform role. */
export function proposalsInScope(actor: Pick<ActingUser, "role" | "agencyId">): Prisma.ProposalWhereInput {
  return reachesEveryAgency(actor) ? {} : { agencyId: actor.agencyId };
}

export async function listConsoleProposals(
  actor: ActingUser,
  filter: ConsoleProposalFilter = {},
): Promise<{ total: number; page: number; pageSize: number; proposals: ConsoleProposalSummary[] }> {
  assertPermitted(actor, "proposal.read_console");
  const page = Math.max(1, Math.floor(filter.page ?? 1));
  const pageSize = Math.min(200, Math.max(1, Math.floor(filter.pageSize ?? 50)));
  const where: Prisma.ProposalWhereInput = {
    ...proposalsInScope(actor),
    ...(filter.year ? { year: filter.year } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.status ? { status: filter.status } : {}),
  };
  const [total, rows] = await Promise.all([
    db.proposal.count({ where }),
    db.proposal.findMany({
      where,
      include: summaryInclude,
      orderBy: [{ year: "desc" }, { kind: "asc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
  ]);
  const today = todayInBeijing();
  return { total, page, pageSize, proposals: rows.map((row) => summarise(row, today)) };
}

/** Years with registered proposals, newest first (for filters). */
export async function listProposalYears(actor: ActingUser): Promise<number[]> {
  assertPermitted(actor, "proposal.read_console");
  const rows = await db.proposal.findMany({ where: proposalsInScope(actor), distinct: ["year"], select: { year: true }, orderBy: { year: "desc" } });
  return rows.map((row) => row.year);
}

export type ConsoleProposalReply = {
  id: number;
  round: number;
  state: ItemState;
  body: string;
  summary: string | null;
  disclosure: ReplyDisclosure;
  nondisclosureReason: string | null;
  dueOn: string;
  repliedOn: string | null;
  onTime: boolean | null;
  public: boolean;
  withdrawalReason: string | null;
  satisfaction: Satisfaction | null;
  feedbackOn: string | null;
  feedbackNote: string | null;
  authorName: string;
  version: number;
  attachments: { attachmentId: number; fileId: number; name: string }[];
  /** Screening findings acknowledged when the reply was submitted, with the notes. */
  findings: { kind: string; source: string; match: string; note: string; by: string }[];
  actions: ProposalReplyAction[];
};

export type ConsoleProposalDetail = ConsoleProposalSummary & {
  receivedOn: string;
  leadSectionId: number | null;
  assistingSections: { id: number; name: string }[];
  assignedOn: string | null;
  deadlineNote: string | null;
  closedOn: string | null;
  version: number;
  replies: ConsoleProposalReply[];
  /** May this user save the current round's reply now (draft it, or start the next round)? */
  canDraftReply: boolean;
  /**
   * What this user may do with the proposal now, by the rules of lib/proposals/proposal-access.ts
   * (its lead section, the user's role) and its status. The server decides again on every write.
   */
  can: { edit: boolean; assign: boolean; recordFeedback: boolean; reopen: boolean; close: boolean };
  /** A reply is public: the fields the public sees (lib/proposals/reply-disclosure.ts) change only through the review. */
  publicFieldsLocked: boolean;
  history: { id: string; occurredAt: Date; actorName: string; action: string; fromState: string | null; toState: string | null; comment: string | null }[];
};

export async function findConsoleProposal(actor: ActingUser, proposalId: number): Promise<ConsoleProposalDetail> {
  assertPermitted(actor, "proposal.read_console");
  const proposal = await db.proposal.findFirst({
    where: { id: proposalId, ...proposalsInScope(actor) },
    include: {
      leadSection: true,
      assistingSections: { include: { section: true } },
      replies: {
        orderBy: { round: "asc" },
        include: {
          author: true,
          attachments: { orderBy: { sortOrder: "asc" } },
          screeningFindings: { orderBy: { id: "asc" }, include: { acknowledgedBy: { select: { displayName: true } } } },
        },
      },
    },
  });
  if (!proposal) throw new NotFoundError(messages.common.notFound.proposal);
  const fileIds = proposal.replies.flatMap((reply) => reply.attachments.map((attachment) => attachment.fileId));
  const files = new Map(
    (await db.storedFile.findMany({ where: { id: { in: fileIds } }, select: { id: true, originalName: true } })).map((file) => [file.id, file.originalName]),
  );
  const replyIds = proposal.replies.map((reply) => String(reply.id));
  const events = await db.auditEvent.findMany({
    where: {
      OR: [
        { entityType: "Proposal", entityId: String(proposal.id) },
        { entityType: "ProposalReply", entityId: { in: replyIds } },
      ],
    },
    include: { actor: true },
    orderBy: { occurredAt: "asc" },
  });
  const latest = proposal.replies.at(-1) ?? null;
  const latestIssued = [...proposal.replies].reverse().find((reply) => reply.repliedOn !== null) ?? null;
  const draftable =
    canDraftReply(actor, proposal.leadSectionId) &&
    isPermitted(actor.role, "proposal.reply") &&
    ((latest === null && proposal.status === "in_progress") ||
      latest?.state === "draft" ||
      (latest?.state === "published" && proposal.status === "in_progress"));
  const today = todayInBeijing();
  return {
    ...summarise({ ...proposal, replies: latest ? [latest] : [] }, today),
    receivedOn: dateColumnToIsoDate(proposal.receivedOn),
    leadSectionId: proposal.leadSectionId,
    assistingSections: proposal.assistingSections.map((row) => ({ id: row.section.id, name: row.section.name })),
    assignedOn: dateColumnToIsoDate(proposal.assignedOn),
    deadlineNote: proposal.deadlineNote,
    closedOn: dateColumnToIsoDate(proposal.closedOn),
    version: proposal.version,
    replies: proposal.replies.map((reply) => ({
      id: reply.id,
      round: reply.round,
      state: reply.state,
      body: reply.body,
      summary: reply.summary,
      disclosure: reply.disclosure,
      nondisclosureReason: reply.nondisclosureReason,
      dueOn: dateColumnToIsoDate(reply.dueOn),
      repliedOn: dateColumnToIsoDate(reply.repliedOn),
      onTime: reply.onTime,
      public: reply.state === "published" && reply.withdrawnAt === null && reply.disclosure !== "none",
      withdrawalReason: reply.withdrawalReason,
      satisfaction: reply.satisfaction,
      feedbackOn: dateColumnToIsoDate(reply.feedbackOn),
      feedbackNote: reply.feedbackNote,
      authorName: reply.author.displayName,
      version: reply.version,
      attachments: reply.attachments.map((attachment) => ({
        attachmentId: attachment.id,
        fileId: attachment.fileId,
        name: files.get(attachment.fileId) ?? messages.proposals.rules.attachmentName(attachment.fileId),
      })),
      findings: reply.screeningFindings.map((finding) => ({
        kind: finding.kind,
        source: finding.source,
        match: finding.match,
        note: finding.acknowledgedNote,
        by: finding.acknowledgedBy.displayName,
      })),
      actions: availableActions(proposalReplyReview, actor, { proposal, reply }),
    })),
    canDraftReply: draftable,
    can: {
      edit: mayActOnProposal(actor, "edit", proposal),
      assign: mayActOnProposal(actor, "assign", proposal) && (proposal.status === "pending_assignment" || proposal.status === "in_progress"),
      recordFeedback: mayActOnProposal(actor, "record_feedback", proposal) && proposal.status === "replied" && latestIssued !== null,
      reopen: mayActOnProposal(actor, "reopen", proposal) && proposal.status === "replied" && latestIssued?.satisfaction === "unsatisfied",
      close: mayActOnProposal(actor, "close", proposal) && proposal.status === "replied",
    },
    publicFieldsLocked: hasPublicReply(proposal.replies),
    history: events.map((event) => ({
      id: String(event.id),
      occurredAt: event.occurredAt,
      actorName: event.actor?.displayName ?? messages.common.systemActor,
      action: event.action,
      fromState: event.fromState,
      toState: event.toState,
      comment: event.comment,
    })),
  };
}

/** A reply attachment for console users (any state). */
export async function findConsoleReplyAttachment(actor: ActingUser, attachmentId: number) {
  assertPermitted(actor, "proposal.read_console");
  const attachment = await db.proposalReplyAttachment.findFirst({ where: { id: attachmentId, reply: { proposal: proposalsInScope(actor) } } });
  if (!attachment) throw new NotFoundError(messages.common.notFound.attachment);
  const file = await db.storedFile.findUnique({ where: { id: attachment.fileId } });
  if (!file) throw new NotFoundError(messages.common.notFound.attachment);
  return { storagePath: file.storagePath, originalName: file.originalName, mimeType: file.mimeType, sizeBytes: file.sizeBytes };
}
