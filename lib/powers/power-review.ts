import "server-only";
import type { ActingUser } from "@/lib/auth/acting-user";
import { currentTime } from "@/lib/clock";
import type { Prisma } from "@/lib/db";
import { lockPowerForWrite, powerEntryOf, type RegisterWriteResult } from "@/lib/powers/manage-powers";
import { registerActions, registerNouns, registerSubject, registerWorkflow } from "@/lib/powers/register-review";
import { defineReviewedRecord, takeTransition, transitionRequestSchema } from "@/lib/workflow/engine";

/** The review of power-list entries: publishing freezes the working copy as what the public sees. */
export const powerReview = defineReviewedRecord({
  workflow: registerWorkflow("power"),
  nouns: registerNouns,
  entityType: "Power",
  requestSchema: transitionRequestSchema(registerActions),
  lock: (tx, id, request, _prepared, actor) => lockPowerForWrite(tx, id, request.version, actor),
  subjectOf: (power: { state: RegisterWriteResult["state"]; ownerSectionId: number; authorId: number; lastEditorId: number }) =>
    registerSubject({ state: power.state, sectionId: power.ownerSectionId, authorId: power.authorId, lastEditorId: power.lastEditorId }),
  publish: async ({ row, now }): Promise<Prisma.PowerUpdateInput> => ({
    publishedContent: powerEntryOf(row),
    publishedAt: now,
    withdrawnAt: null,
    withdrawalReason: null,
  }),
  withdraw: async ({ now, comment }) => ({ withdrawnAt: now, withdrawalReason: comment }),
  store: ({ tx, row, to }, fields) => tx.power.update({ where: { id: row.id }, data: { ...fields, state: to, version: { increment: 1 } } }),
  search: { type: "power", ids: (power) => [power.id] },
  audit: ({ row }) => ({ entityId: row.id, details: { code: row.code } }),
  result: (_context, updated): RegisterWriteResult => ({ id: updated.id, state: updated.state, version: updated.version }),
});

/** A review step on an entry of the power list. */
export function transitionPower(actor: ActingUser, powerId: number, request: unknown, now = currentTime()): Promise<RegisterWriteResult> {
  return takeTransition(powerReview, actor, powerId, request, { now });
}
