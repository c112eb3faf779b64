import "server-only";
import { db } from "@/lib/db";
import { messages } from "@/lib/i18n";

export type RegisterHistoryEntry = {
  id: string;
  occurredAt: string;
  actorName: string;
  action: string;
  fromState: string | null;
  toState: string | null;
  comment: string | null;
};

/** The audit trail of one register entry, oldest first. */
export async function findRegisterHistory(entityType: string, entityId: number | string): Promise<RegisterHistoryEntry[]> {
  const events = await db.auditEvent.findMany({
    where: { entityType, entityId: String(entityId) },
    include: { actor: { select: { displayName: true } } },
    orderBy: { id: "asc" },
    take: 500,
  });
  return events.map((event) => ({
    id: String(event.id),
    occurredAt: event.occurredAt.toISOString(),
    actorName: event.actor?.displayName ?? messages.common.systemActor,
    action: event.action,
    fromState: event.fromState,
    toState: event.toState,
    comment: event.comment,
  }));
}
