import "server-only";
import { currentTime } from "@/lib/clock";
import type { DatabaseTransaction } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditEntry = {
  actorId: number | null;
  action: string;
  entityType: string;
  entityId?: string | number | null;
  fromState?: string | null;
  toState?: string | null;
  comment?: string | null;
  details?: Prisma.InputJsonValue;
};

/**
 * Writes one audit row; call it inside the transaction of the change it records.
 *
 * Every section head reads the log and leaders and administrators export it, so `comment` and
 * `details` must not carry what only some of them may see: an applicant's or a visitor's personal
 * data, or free text that may hold it (step or decision notes, a third party's name). Keep such
 * text on the record itself and put a reference here (its id), as lib/applications does.
 */
export async function recordAuditEvent(tx: DatabaseTransaction, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      // Stamped by the product's clock, like every date the record's own row holds (lib/clock.ts).
      occurredAt: currentTime(),
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId == null ? null : String(entry.entityId),
      fromState: entry.fromState ?? null,
      toState: entry.toState ?? null,
      comment: entry.comment ?? null,
      details: entry.details,
    },
  });
}
