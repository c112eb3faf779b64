import "server-only";
import { isInAgencyScope } from "@/lib/agency/agency-scope";
import type { ActingUser } from "@/lib/auth/acting-user";
import { currentTime } from "@/lib/clock";
import { dateColumnToIsoDate, isoDateToDateColumn, todayInBeijing } from "@/lib/dates";
import type { Prisma } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { ItemState } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { lockProposalForWrite } from "@/lib/proposals/manage-proposals";
import type { ReplyWriteResult } from "@/lib/proposals/proposal-replies";
import { isReplyPublic } from "@/lib/proposals/reply-disclosure";
import { screenProposalReply } from "@/lib/proposals/reply-screening";
import { acknowledgementsSchema, notesForFindings } from "@/lib/screening/acknowledgements";
import { defineReviewedRecord, takeTransition, transitionRequestSchema } from "@/lib/workflow/engine";
import { defineWorkflow } from "@/lib/workflow/workflow";

/**
 * The review of a reply to a deputy's suggestion or proposal: drafted by the lead section (主办),
 * approved by its head, then by a leader. The leader's approval issues the reply: the proposal is
 * 已答复, the reply date and whether it was on time are recorded, and — unless 不公开 — it is public.
 * A leader may withdraw an issued reply (to correct the proposal's public data, then approve again).
 */
export const proposalReplyWorkflow = defineWorkflow<ItemState, ProposalReplyAction>({
  recordType: "proposal_reply",
  states: ["draft", "section_review", "leader_review", "published", "withdrawn"],
  publishedState: "published",
  transitions: [
    { action: "submit", from: ["draft"], to: "section_review", permission: "proposal_reply.submit", relation: "same_section" },
    { action: "approve", from: ["section_review"], to: "leader_review", permission: "proposal_reply.approve_section", relation: "same_section_not_author" },
    { action: "approve", from: ["leader_review"], to: "published", permission: "proposal_reply.approve_leader", relation: "not_author" },
    {
      action: "return",
      from: ["section_review"],
      to: "draft",
      permission: "proposal_reply.return_section",
      relation: "same_section_not_author",
      comment: "review_comment",
    },
    { action: "return", from: ["leader_review"], to: "draft", permission: "proposal_reply.return_leader", relation: "not_author", comment: "review_comment" },
    { action: "withdraw", from: ["published"], to: "withdrawn", permission: "proposal_reply.withdraw", relation: "any", comment: "withdrawal_reason" },
    { action: "restore", from: ["withdrawn"], to: "draft", permission: "proposal_reply.restore", relation: "same_section" },
    { action: "restore", from: ["withdrawn"], to: "draft", permission: "proposal_reply.restore_any_section", relation: "any" },
  ],
});

export type ProposalReplyAction = "submit" | "approve" | "return" | "withdraw" | "restore";
const proposalReplyActions = ["submit", "approve", "return", "withdraw", "restore"] as const satisfies readonly ProposalReplyAction[];

const g = messages.workflow.guards;

/** The reply's section is the proposal's lead section: none while the proposal is unassigned. */
type ReplySource = { proposal: { leadSectionId: number | null }; reply: { state: ItemState; authorId: number; lastEditedById: number } };

export const proposalReplyReview = defineReviewedRecord({
  workflow: proposalReplyWorkflow,
  nouns: messages.workflow.nouns.proposalReply,
  entityType: "ProposalReply",
  requestSchema: transitionRequestSchema(proposalReplyActions).extend({ acknowledgements: acknowledgementsSchema }),
  // The proposal is locked with its replies: a reply's publication changes the proposal's status.
  lock: async (tx, replyId, request, _prepared, actor) => {
    const found = await tx.proposalReply.findUnique({ where: { id: replyId }, select: { proposalId: true } });
    if (!found) throw new NotFoundError(g.proposalReplyMissing);
    const proposal = await lockProposalForWrite(tx, found.proposalId, null);
    // Another agency's reply is "not found" before its version is compared (集约化).
    if (actor !== "system" && !isInAgencyScope(actor, proposal.agencyId)) throw new NotFoundError(g.proposalReplyMissing);
    const reply = proposal.replies.find((candidate) => candidate.id === replyId)!;
    if (request.version != null && request.version !== reply.version) throw new ConflictError(g.proposalReplyStale, "stale_version");
    return { proposal, reply };
  },
  subjectOf: ({ proposal, reply }: ReplySource) => ({
    state: reply.state,
    sectionId: proposal.leadSectionId,
    authorId: reply.authorId,
    revisionAuthorId: reply.lastEditedById,
  }),
  // What the public will see is screened when the reply is submitted: every finding needs a note.
  guard: async ({ tx, action, row: { reply }, actorId, request, now }) => {
    if (action !== "submit") return;
    const findings = await screenProposalReply(tx, reply.id);
    if (!findings.length) return;
    const notes = notesForFindings(findings, request.acknowledgements ?? []);
    await tx.proposalReplyScreeningFinding.createMany({
      data: findings.map((finding) => ({
        replyId: reply.id,
        source: finding.source,
        kind: finding.kind,
        match: finding.match,
        context: finding.context,
        acknowledgedNote: notes.get(finding.key)!,
        acknowledgedById: actorId!,
        acknowledgedAt: now,
      })),
    });
    return { findingsAcknowledged: findings.length };
  },
  publish: async ({ row: { proposal, reply }, now }): Promise<Prisma.ProposalReplyUpdateInput> => {
    const today = todayInBeijing(now);
    const repliedOn = reply.repliedOn ? dateColumnToIsoDate(reply.repliedOn) : today;
    const dueOn = reply.repliedOn ? dateColumnToIsoDate(reply.dueOn) : dateColumnToIsoDate(proposal.deadline ?? reply.dueOn);
    return {
      repliedOn: isoDateToDateColumn(repliedOn),
      dueOn: isoDateToDateColumn(dueOn),
      onTime: reply.onTime ?? repliedOn <= dueOn,
      publishedAt: isReplyPublic({ state: "published", disclosure: reply.disclosure, withdrawnAt: null }) ? (reply.publishedAt ?? now) : null,
      withdrawnAt: null,
      withdrawalReason: null,
    };
  },
  withdraw: async ({ now, comment }) => ({ withdrawnAt: now, withdrawalReason: comment }),
  store: async ({ tx, row: { proposal, reply }, to }, fields) => {
    const updated = await tx.proposalReply.update({ where: { id: reply.id }, data: { ...fields, state: to, version: { increment: 1 } } });
    const status = to === "published" && proposal.status === "in_progress" ? "replied" : proposal.status;
    await tx.proposal.update({ where: { id: proposal.id }, data: { status, version: { increment: 1 } } });
    return updated;
  },
  // One search document per proposal, holding its public replies.
  search: { type: "proposal_reply", ids: ({ proposal }) => [proposal.id] },
  audit: ({ row: { proposal, reply } }) => ({ entityId: reply.id, details: { proposalId: proposal.id, round: reply.round, disclosure: reply.disclosure } }),
  result: ({ row: { proposal } }, updated): ReplyWriteResult => ({
    id: updated.id,
    proposalId: proposal.id,
    round: updated.round,
    state: updated.state,
    version: updated.version,
  }),
});

/** A review step on a reply to a proposal. */
export function transitionProposalReply(actor: ActingUser, replyId: number, request: unknown, now = currentTime()): Promise<ReplyWriteResult> {
  return takeTransition(proposalReplyReview, actor, replyId, request, { now });
}
