import "server-only";
import type { ActingUser } from "@/lib/auth/acting-user";
import { currentTime } from "@/lib/clock";
import type { Prisma } from "@/lib/db";
import type { RegisterWriteResult } from "@/lib/powers/manage-powers";
import { registerActions, registerNouns, registerSubject, registerWorkflow } from "@/lib/powers/register-review";
import { lockServiceForWrite, serviceGuideOf } from "@/lib/services/manage-services";
import { defineReviewedRecord, takeTransition, transitionRequestSchema } from "@/lib/workflow/engine";

/** The review of service guides: publishing freezes the working copy (with its forms) as the public guide. */
export const serviceReview = defineReviewedRecord({
  workflow: registerWorkflow("service"),
  nouns: registerNouns,
  entityType: "Service",
  requestSchema: transitionRequestSchema(registerActions),
  lock: (tx, id, request, _prepared, actor) => lockServiceForWrite(tx, id, request.version, actor),
  subjectOf: (service: { state: RegisterWriteResult["state"]; ownerSectionId: number; authorId: number; lastEditorId: number }) =>
    registerSubject({ state: service.state, sectionId: service.ownerSectionId, authorId: service.authorId, lastEditorId: service.lastEditorId }),
  publish: async ({ row, now }): Promise<Prisma.ServiceUpdateInput> => ({
    publishedContent: serviceGuideOf(row),
    publishedAt: now,
    withdrawnAt: null,
    withdrawalReason: null,
  }),
  withdraw: async ({ now, comment }) => ({ withdrawnAt: now, withdrawalReason: comment }),
  store: ({ tx, row, to }, fields) => tx.service.update({ where: { id: row.id }, data: { ...fields, state: to, version: { increment: 1 } } }),
  search: { type: "service", ids: (service) => [service.id] },
  audit: ({ row }) => ({ entityId: row.id, details: { code: row.code } }),
  result: (_context, updated): RegisterWriteResult => ({ id: updated.id, state: updated.state, version: updated.version }),
});

/** A review step on a service guide. */
export function transitionService(actor: ActingUser, serviceId: number, request: unknown, now = currentTime()): Promise<RegisterWriteResult> {
  return takeTransition(serviceReview, actor, serviceId, request, { now });
}
