import "server-only";
import { currentTime } from "@/lib/clock";
import type { DatabaseTransaction } from "@/lib/db";
import { nextDigestTime } from "@/lib/notifications/digest-schedule";
import type { NotificationEventInput } from "@/lib/notifications/kinds";
import { emailConfigured } from "@/lib/notifications/send-email";

/**
 * Writes one event to the outbox, in the caller's transaction (so a change that is rolled back
 * leaves no event): the event, an inbox row per recipient, and the deliveries its recipients and
 * its section asked for — an e-mail now or with the day's digest, a post to each of the section's
 * group robots. The job (lib/notifications/deliver-notifications.ts) sends the deliveries.
 *
 * An event whose `dedupeKey` was written before is not written again: returns false.
 */
export async function emitNotification(tx: DatabaseTransaction, event: NotificationEventInput): Promise<boolean> {
  const now = currentTime();
  const recipientIds = [...new Set(event.recipientIds)];
  const active = recipientIds.length
    ? (await tx.user.findMany({ where: { id: { in: recipientIds }, disabledAt: null }, select: { id: true } })).map((user) => user.id)
    : [];
  const webhooks = event.sectionId ? await tx.sectionWebhook.findMany({ where: { sectionId: event.sectionId }, select: { id: true } }) : [];
  if (!active.length && !webhooks.length) return false;
  const inserted = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO "NotificationEvent" ("kind", "recordType", "recordId", "title", "url", "detail", "sectionId", "recipientIds", "dedupeKey", "createdAt")
    VALUES (${event.kind}, ${event.recordType}, ${String(event.recordId)}, ${event.title}, ${event.url}, ${event.detail ?? null},
            ${event.sectionId ?? null}, ${active}::integer[], ${event.dedupeKey}, ${now})
    ON CONFLICT ("dedupeKey") DO NOTHING
    RETURNING "id"`;
  const eventId = inserted[0]?.id;
  if (eventId === undefined) return false;
  if (active.length) await tx.notification.createMany({ data: active.map((userId) => ({ eventId, userId, createdAt: now })) });

  const preferences =
    active.length && emailConfigured()
      ? await tx.notificationPreference.findMany({ where: { userId: { in: active }, email: { not: null }, emailMode: { not: "off" } } })
      : [];
  const deliveries = [
    ...preferences.map((preference) =>
      preference.emailMode === "digest"
        ? { eventId, channel: "email_digest", userId: preference.userId, nextAttemptAt: nextDigestTime(now, preference.digestHour), createdAt: now }
        : { eventId, channel: "email", userId: preference.userId, nextAttemptAt: now, createdAt: now },
    ),
    ...webhooks.map((webhook) => ({ eventId, channel: "webhook", webhookId: webhook.id, nextAttemptAt: now, createdAt: now })),
  ];
  if (deliveries.length) await tx.notificationDelivery.createMany({ data: deliveries });
  return true;
}

/** Today's date in Beijing (YYYY-MM-DD) of an instant: the day part of a scheduled event's dedupe key. */
export function beijingDay(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
