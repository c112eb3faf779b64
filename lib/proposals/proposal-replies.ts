import "server-only";
import { isInAgencyScope } from "@/lib/agency/agency-scope";
import { recordAuditEvent } from "@/lib/audit/record";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { db, type DatabaseTransaction } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import type { ItemState } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import type { ReceivedUpload } from "@/lib/items/received-uploads";
import { lockProposalForWrite } from "@/lib/proposals/manage-proposals";
import { mayActOnProposal, proposalAccessRefusal } from "@/lib/proposals/proposal-access";
import { replyInputSchema } from "@/lib/proposals/proposal-schemas";
import { parseInput } from "@/lib/validation";
import type { WorkflowActor } from "@/lib/workflow/workflow";

export type ReplyWriteResult = { id: number; proposalId: number; round: number; state: ItemState; version: number };

/** Only staff and section heads of the lead section (主办) draft the reply (lib/proposals/proposal-access.ts). */
export function canDraftReply(actor: WorkflowActor, leadSectionId: number | null): boolean {
  return mayActOnProposal(actor, "draft_reply", { leadSectionId });
}

function checkDisclosureDecision(data: { disclosure: string; summary: string | null; nondisclosureReason: string | null }): void {
  if (data.disclosure === "summary" && !data.summary) throw new ValidationError({ summary: [messages.proposals.rules.summaryRequired] });
  if (data.disclosure === "none" && !data.nondisclosureReason)
    throw new ValidationError({ nondisclosureReason: [messages.proposals.rules.nondisclosureReasonRequired] });
}

async function recordUploads(tx: DatabaseTransaction, actorId: number, uploads: ReceivedUpload[]): Promise<number[]> {
  const ids: number[] = [];
  for (const upload of uploads) {
    const file = await tx.storedFile.create({
      data: {
        storagePath: upload.storagePath,
        originalName: upload.originalName,
        mimeType: upload.mimeType,
        kind: upload.kind,
        sizeBytes: upload.sizeBytes,
        sha256: upload.sha256,
        extractedText: upload.extractedText,
        uploadedById: actorId,
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
    // Another agency's proposal is "not found" (集约化).
    if (!isInAgencyScope(actor, proposal.agencyId)) throw new NotFoundError(messages.common.notFound.proposal);
    if (!canDraftReply(actor, proposal.leadSectionId)) throw new ForbiddenError(proposalAccessRefusal("draft_reply"));
    const latest = proposal.replies.at(-1) ?? null;
    const startsNewRound = !latest || (latest.repliedOn !== null && latest.state === "published" && proposal.status === "in_progress");
    if (!startsNewRound) {
      if (latest.state === "section_review" || latest.state === "leader_review")
        throw new ConflictError(messages.proposals.rules.replyInReview, "invalid_state");
      if (latest.state !== "draft")
        throw new ConflictError(latest.state === "withdrawn" ? messages.proposals.rules.replyWithdrawn : messages.proposals.rules.replyIssued, "invalid_state");
      if (data.version != null && data.version !== latest.version) throw new ConflictError(messages.proposals.rules.replyStale, "stale_version");
    } else if (proposal.status !== "in_progress") {
      throw new ConflictError(messages.proposals.rules.replyNeedsInProgress, "invalid_state");
    }
    const keep = data.attachmentFileIds ?? [];
    if (keep.length) {
      const allowed = new Set(
        (latest && !startsNewRound ? await tx.proposalReplyAttachment.findMany({ where: { replyId: latest.id } }) : []).map((row) => row.fileId),
      );
      if (keep.some((id) => !allowed.has(id))) throw new ValidationError({ attachmentFileIds: [messages.common.notFound.attachment] });
    }
    const fileIds = [...keep, ...(await recordUploads(tx, actor.id, uploads))];
    const content = {
      body: data.body,
      disclosure: data.disclosure,
      summary: data.summary,
      nondisclosureReason: data.disclosure === "none" ? data.nondisclosureReason : null,
    };
    let reply;
    if (startsNewRound) {
      reply = await tx.proposalReply.create({
        data: {
          proposalId: proposal.id,
          round: (latest?.round ?? 0) + 1,
          ...content,
          dueOn: proposal.deadline ?? proposal.receivedOn,
          authorId: actor.id,
          lastEditedById: actor.id,
          attachments: { create: fileIds.map((fileId, sortOrder) => ({ fileId, sortOrder })) },
        },
      });
    } else {
      await tx.proposalReplyAttachment.deleteMany({ where: { replyId: latest.id } });
      reply = await tx.proposalReply.update({
        where: { id: latest.id },
        data: {
          ...content,
          lastEditedById: actor.id,
          version: { increment: 1 },
          attachments: { create: fileIds.map((fileId, sortOrder) => ({ fileId, sortOrder })) },
        },
      });
    }
    await tx.proposal.update({ where: { id: proposal.id }, data: { version: { increment: 1 } } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "proposal_reply.save",
      entityType: "ProposalReply",
      entityId: reply.id,
      toState: reply.state,
      details: { proposalId: proposal.id, round: reply.round, disclosure: reply.disclosure, attachments: fileIds },
    });
    return { id: reply.id, proposalId: proposal.id, round: reply.round, state: reply.state, version: reply.version };
  });
}
