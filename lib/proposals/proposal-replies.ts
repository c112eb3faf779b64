import "server-only";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { recordAuditEvent } from "@/lib/audit/record";
import { dateColumnToIsoDate, isoDateToDateColumn, todayInBeijing } from "@/lib/dates";
import { db, type DatabaseTransaction } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import type { ItemState } from "@/lib/generated/prisma/enums";
import type { ReceivedUpload } from "@/lib/items/received-uploads";
import { lockProposalForWrite } from "@/lib/proposals/manage-proposals";
import { mayActOnProposal, proposalAccessRefusal } from "@/lib/proposals/proposal-access";
import { replyInputSchema, replyTransitionSchema } from "@/lib/proposals/proposal-schemas";
import { isReplyPublic } from "@/lib/proposals/reply-disclosure";
import { bumpPublicContentVersion } from "@/lib/public-content/content-version";
import { parseInput } from "@/lib/validation";
import { decideItemTransition, type TransitionActor } from "@/lib/workflow/item-workflow";
import { currentTime } from "@/lib/clock";

export type ReplyWriteResult = { id: number; proposalId: number; round: number; state: ItemState; version: number };

/** Only staff and section heads of the lead section (主办) draft the reply (lib/proposals/proposal-access.ts). */
export function canDraftReply(actor: TransitionActor, leadSectionId: number | null): boolean {
  return mayActOnProposal(actor, "draft_reply", { leadSectionId });
}

function checkDisclosureDecision(data: { disclosure: string; summary: string | null; nondisclosureReason: string | null }): void {
  if (data.disclosure === "summary" && !data.summary) throw new ValidationError({ summary: ["选择“摘要公开”时请填写公开摘要。"] });
  if (data.disclosure === "none" && !data.nondisclosureReason) throw new ValidationError({ nondisclosureReason: ["选择“不公开”时请填写不公开理由。"] });
}

async function recordUploads(tx: DatabaseTransaction, actorId: number, uploads: ReceivedUpload[]): Promise<number[]> {
  const ids: number[] = [];
  for (const upload of uploads) {
    const file = await tx.storedFile.create({
      data: {
        storagePath: upload.storagePath, originalName: upload.originalName, mimeType: upload.mimeType, kind: upload.kind,
        sizeBytes: upload.sizeBytes, sha256: upload.sha256, extractedText: upload.extractedText, uploadedById: actorId,
      },
    });
    ids.push(file.id);
  }
  return ids;
}

/**
 * Saves the reply of the current round: creates it (round 1, or the next round after the proposal was
 * reopened) or edits the draft. Attachments listed in `attachmentFileIds` are kept, new uploads added.
 */
export async function saveProposalReply(actor: ActingUser, proposalId: number, input: unknown, uploads: ReceivedUpload[] = []): Promise<ReplyWriteResult> {
  assertPermitted(actor, "proposal.reply");
  const data = parseInput(replyInputSchema, input);
  checkDisclosureDecision(data);
  return db.$transaction(async (tx) => {
    const proposal = await lockProposalForWrite(tx, proposalId, null);
    if (!canDraftReply(actor, proposal.leadSectionId)) throw new ForbiddenError(proposalAccessRefusal("draft_reply"));
    const latest = proposal.replies.at(-1) ?? null;
    const startsNewRound = !latest || (latest.repliedOn !== null && latest.state === "published" && proposal.status === "in_progress");
    if (!startsNewRound) {
      if (latest.state === "section_review" || latest.state === "leader_review") throw new ConflictError("答复正在审核中，不能修改：请先退回。", "invalid_state");
      if (latest.state !== "draft") throw new ConflictError(latest.state === "withdrawn" ? "答复已撤回，请先恢复为草稿。" : "答复已签发，不能修改。", "invalid_state");
      if (data.version != null && data.version !== latest.version) throw new ConflictError("该答复已被他人修改，请刷新后查看最新内容再操作。", "stale_version");
    } else if (proposal.status !== "in_progress") {
      throw new ConflictError("只有办理中的建议提案可以起草答复。", "invalid_state");
    }
    const keep = data.attachmentFileIds ?? [];
    if (keep.length) {
      const allowed = new Set((latest && !startsNewRound ? await tx.proposalReplyAttachment.findMany({ where: { replyId: latest.id } }) : []).map((row) => row.fileId));
      if (keep.some((id) => !allowed.has(id))) throw new ValidationError({ attachmentFileIds: ["附件不存在。"] });
    }
    const fileIds = [...keep, ...(await recordUploads(tx, actor.id, uploads))];
    const content = { body: data.body, disclosure: data.disclosure, summary: data.summary, nondisclosureReason: data.disclosure === "none" ? data.nondisclosureReason : null };
    let reply;
    if (startsNewRound) {
      reply = await tx.proposalReply.create({
        data: {
          proposalId: proposal.id, round: (latest?.round ?? 0) + 1, ...content, dueOn: proposal.deadline ?? proposal.receivedOn,
          authorId: actor.id, lastEditedById: actor.id,
          attachments: { create: fileIds.map((fileId, sortOrder) => ({ fileId, sortOrder })) },
        },
      });
    } else {
      await tx.proposalReplyAttachment.deleteMany({ where: { replyId: latest.id } });
      reply = await tx.proposalReply.update({
        where: { id: latest.id },
        data: { ...content, lastEditedById: actor.id, version: { increment: 1 }, attachments: { create: fileIds.map((fileId, sortOrder) => ({ fileId, sortOrder })) } },
      });
    }
    await tx.proposal.update({ where: { id: proposal.id }, data: { version: { increment: 1 } } });
    await recordAuditEvent(tx, {
      actorId: actor.id, action: "proposal_reply.save", entityType: "ProposalReply", entityId: reply.id, toState: reply.state,
      details: { proposalId: proposal.id, round: reply.round, disclosure: reply.disclosure, attachments: fileIds },
    });
    return { id: reply.id, proposalId: proposal.id, round: reply.round, state: reply.state, version: reply.version };
  });
}

/**
 * A review step on a reply, decided by the item workflow table (drafted by the lead section,
 * approved by its head, then by a leader). The leader's approval issues the reply: the proposal is
 * 已答复, the reply date and whether it was on time are recorded, and — unless 不公开 — it is public.
 */
export async function transitionProposalReply(actor: ActingUser, replyId: number, request: unknown, now = currentTime()): Promise<ReplyWriteResult> {
  const { action, comment, version } = parseInput(replyTransitionSchema, request);
  return db.$transaction(async (tx) => {
    const found = await tx.proposalReply.findUnique({ where: { id: replyId }, select: { proposalId: true } });
    if (!found) throw new NotFoundError("答复不存在。");
    const proposal = await lockProposalForWrite(tx, found.proposalId, null);
    const reply = proposal.replies.find((candidate) => candidate.id === replyId)!;
    if (version != null && version !== reply.version) throw new ConflictError("该答复已被他人修改，请刷新后查看最新内容再操作。", "stale_version");
    const decision = decideItemTransition({
      actor,
      subject: { state: reply.state, sectionId: proposal.leadSectionId ?? -1, authorId: reply.authorId, revisionAuthorId: reply.lastEditedById },
      action,
      comment,
    });
    if (!decision.allowed) {
      if (decision.status === 422) throw new ValidationError({ comment: [action === "withdraw" ? "撤回时必须填写理由。" : "退回时必须填写意见。"] });
      if (decision.status === 403) throw new ForbiddenError("您不能对该答复执行此操作。");
      throw new ConflictError("该答复当前的状态不允许此操作，请刷新后查看。", "invalid_state");
    }
    const to = decision.to;
    const data: Parameters<typeof tx.proposalReply.update>[0]["data"] = { state: to, version: { increment: 1 } };
    let proposalStatus = proposal.status;
    if (to === "published") {
      const today = todayInBeijing(now);
      const repliedOn = reply.repliedOn ? dateColumnToIsoDate(reply.repliedOn) : today;
      const dueOn = reply.repliedOn ? dateColumnToIsoDate(reply.dueOn) : dateColumnToIsoDate(proposal.deadline ?? reply.dueOn);
      Object.assign(data, {
        repliedOn: isoDateToDateColumn(repliedOn),
        dueOn: isoDateToDateColumn(dueOn),
        onTime: reply.onTime ?? repliedOn <= dueOn,
        publishedAt: isReplyPublic({ state: "published", disclosure: reply.disclosure, withdrawnAt: null }) ? (reply.publishedAt ?? now) : null,
        withdrawnAt: null,
        withdrawalReason: null,
      });
      if (proposal.status === "in_progress") proposalStatus = "replied";
    }
    if (to === "withdrawn") Object.assign(data, { withdrawnAt: now, withdrawalReason: comment });
    const updated = await tx.proposalReply.update({ where: { id: reply.id }, data });
    await tx.proposal.update({ where: { id: proposal.id }, data: { status: proposalStatus, version: { increment: 1 } } });
    if (to === "published" || to === "withdrawn" || reply.state === "published") await bumpPublicContentVersion(tx);
    await recordAuditEvent(tx, {
      actorId: actor.id, action: `proposal_reply.${action}`, entityType: "ProposalReply", entityId: reply.id, fromState: reply.state, toState: to,
      comment: comment ?? null, details: { proposalId: proposal.id, round: reply.round, disclosure: reply.disclosure },
    });
    return { id: updated.id, proposalId: proposal.id, round: updated.round, state: updated.state, version: updated.version };
  });
}
