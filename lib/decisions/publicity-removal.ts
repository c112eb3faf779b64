import "server-only";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted, isPermitted } from "@/lib/auth/permissions";
import { currentTime } from "@/lib/clock";
import { dateColumnToIsoDate, isoDateToDateColumn } from "@/lib/dates";
import { db } from "@/lib/db";
import { addCalendarDays, isIsoDate } from "@/lib/deadlines/iso-date";
import { lockDecisionForWrite } from "@/lib/decisions/manage-decisions";
import { earliestRemovalDate, isPublishedOnline } from "@/lib/decisions/publicity-rules";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import type { PublicityRemovalState } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { bumpPublicContentVersion } from "@/lib/public-content/content-version";
import { syncSearchDocuments } from "@/lib/search/search-index";
import { parseInput } from "@/lib/validation";

const r = messages.registers.decisions.removal;

export type PublicityRemovalEntry = {
  id: number;
  removeOn: string;
  reason: string;
  state: PublicityRemovalState;
  proposedById: number;
  proposedBy: string;
  proposedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  comment: string | null;
};

const proposalSchema = z.object({
  removeOn: z.string({ error: r.dateInvalid }).trim().refine(isIsoDate, { error: r.dateInvalid }),
  reason: z.string({ error: r.reasonRequired }).trim().min(1, { error: r.reasonRequired }).max(1000, { error: r.reasonRequired }),
});

const decisionSchema = z
  .object({
    action: z.enum(["approve", "reject"], { error: r.actionInvalid }),
    comment: z
      .string()
      .trim()
      .max(1000)
      .optional()
      .transform((value) => value || null),
  })
  .refine((input) => input.action === "approve" || input.comment, { error: r.commentRequired, path: ["comment"] });

/** The section keeps its decisions: staff and the head of another section cannot act on them. */
function assertSameSection(actor: ActingUser, decision: { sectionId: number }): void {
  if (actor.sectionId !== decision.sectionId) throw new ForbiddenError(r.otherSection);
}

/**
 * 信用修复, step one: staff propose ending a published penalty's publicity on `removeOn`, with the
 * reason. The date may not come before the minimum period is up (国家发展改革委令第58号: a year for
 * 严重失信行为; a 一般失信行为 penalty's 3 months are both minimum and end, so it simply expires) and
 * must fall within the period — after its end the decision is off the list anyway.
 */
export async function proposePublicityRemoval(actor: ActingUser, decisionId: number, input: unknown, now = currentTime()): Promise<{ id: number }> {
  assertPermitted(actor, "decision.propose_publicity_removal");
  const { removeOn, reason } = parseInput(proposalSchema, input);
  return db.$transaction(async (tx) => {
    const decision = await lockDecisionForWrite(tx, decisionId, null, actor);
    assertSameSection(actor, decision);
    const publicUntil = dateColumnToIsoDate(decision.publicUntil);
    if (decision.kind !== "penalty" || decision.state !== "published" || !isPublishedOnline(decision) || decision.publicityRemovedOn)
      throw new ConflictError(r.onlyPublishedPenalties, "invalid_state");
    const earliest = earliestRemovalDate(dateColumnToIsoDate(decision.decisionDate), decision.penaltySeverity);
    if (removeOn < earliest) throw new ValidationError({ removeOn: [r.tooEarly(earliest)] });
    if (publicUntil !== null && removeOn > publicUntil) throw new ValidationError({ removeOn: [r.afterEnd(publicUntil)] });
    if (await tx.publicityRemoval.count({ where: { decisionId, state: "proposed" } })) throw new ConflictError(r.alreadyOpen, "duplicate");
    const removal = await tx.publicityRemoval.create({
      data: { decisionId, removeOn: isoDateToDateColumn(removeOn), reason, proposedById: actor.id, proposedAt: now },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "decision.propose_publicity_removal",
      entityType: "AdministrativeDecision",
      entityId: decisionId,
      details: { removalId: removal.id, removeOn, reason },
    });
    return { id: removal.id };
  });
}

/**
 * 信用修复, step two: the section head of the decision's section approves or rejects a proposal
 * someone else made. Approval keeps the date and the reason on the decision and ends its public
 * period the day before `removeOn`: the public list, the detail page, the search and the open-data
 * export all follow publicUntil.
 */
export async function decidePublicityRemoval(
  actor: ActingUser,
  removalId: number,
  input: unknown,
  now = currentTime(),
): Promise<{ state: PublicityRemovalState }> {
  assertPermitted(actor, "decision.decide_publicity_removal");
  const { action, comment } = parseInput(decisionSchema, input);
  return db.$transaction(async (tx) => {
    const found = await tx.publicityRemoval.findUnique({ where: { id: removalId }, select: { decisionId: true } });
    if (!found) throw new NotFoundError(r.notFound);
    const decision = await lockDecisionForWrite(tx, found.decisionId, null, actor);
    const removal = await tx.publicityRemoval.findUniqueOrThrow({ where: { id: removalId } });
    assertSameSection(actor, decision);
    if (removal.state !== "proposed") throw new ConflictError(r.alreadyDecided, "invalid_state");
    if (removal.proposedById === actor.id) throw new ForbiddenError(r.ownProposal);
    const state: PublicityRemovalState = action === "approve" ? "approved" : "rejected";
    const removeOn = dateColumnToIsoDate(removal.removeOn);
    if (state === "approved") {
      if (decision.state !== "published" || decision.publicityRemovedOn) throw new ConflictError(r.onlyPublishedPenalties, "invalid_state");
      const publicUntil = dateColumnToIsoDate(decision.publicUntil);
      const lastPublicDay = addCalendarDays(removeOn, -1);
      await tx.administrativeDecision.update({
        where: { id: decision.id },
        data: {
          publicityRemovedOn: removal.removeOn,
          removalReason: removal.reason,
          publicUntil: isoDateToDateColumn(publicUntil !== null && publicUntil < lastPublicDay ? publicUntil : lastPublicDay),
          version: { increment: 1 },
        },
      });
      await syncSearchDocuments(tx, "decision", [decision.id]);
      await bumpPublicContentVersion(tx);
    }
    await tx.publicityRemoval.update({ where: { id: removalId }, data: { state, decidedById: actor.id, decidedAt: now, comment } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: state === "approved" ? "decision.approve_publicity_removal" : "decision.reject_publicity_removal",
      entityType: "AdministrativeDecision",
      entityId: decision.id,
      details: { removalId, removeOn, comment },
    });
    return { state };
  });
}

/** The proposals of a decision, newest first, for the console. */
export async function listPublicityRemovals(decisionId: number): Promise<PublicityRemovalEntry[]> {
  const rows = await db.publicityRemoval.findMany({
    where: { decisionId },
    orderBy: { id: "desc" },
    include: { proposedBy: { select: { displayName: true } }, decidedBy: { select: { displayName: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    removeOn: dateColumnToIsoDate(row.removeOn),
    reason: row.reason,
    state: row.state,
    proposedById: row.proposedById,
    proposedBy: row.proposedBy.displayName,
    proposedAt: row.proposedAt.toISOString(),
    decidedBy: row.decidedBy?.displayName ?? null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    comment: row.comment,
  }));
}

/** What this person may do about a decision's publicity on the console page. */
export function publicityRemovalAbilities(
  actor: ActingUser,
  decision: { kind: string; state: string; sectionId: number; penaltyProcedure: string | null; publicityRemovedOn: Date | null },
  removals: PublicityRemovalEntry[],
): { canPropose: boolean; decidable: number[] } {
  const open = removals.filter((removal) => removal.state === "proposed");
  const sameSection = actor.sectionId === decision.sectionId;
  const removable = decision.kind === "penalty" && decision.state === "published" && decision.penaltyProcedure !== "simple" && !decision.publicityRemovedOn;
  return {
    canPropose: removable && sameSection && !open.length && isPermitted(actor.role, "decision.propose_publicity_removal"),
    decidable:
      sameSection && isPermitted(actor.role, "decision.decide_publicity_removal")
        ? open.filter((removal) => removal.proposedById !== actor.id).map((removal) => removal.id)
        : [],
  };
}
