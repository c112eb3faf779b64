import "server-only";
import type pg from "pg";
import { currentTime } from "@/lib/clock";
import { readConfig } from "@/lib/config";
import { databasePool } from "@/lib/database/pool";
import { composeDigestMail, composeEventMail, type EventText } from "@/lib/notifications/compose-messages";
import { maximumAttempts, retryDelayMs } from "@/lib/notifications/digest-schedule";
import { sendEmail } from "@/lib/notifications/send-email";
import { sendWebhook } from "@/lib/notifications/send-webhook";

/** How long a process holds the deliveries it claimed: one that died is taken again after this. */
export const deliveryLeaseMs = 2 * 60_000;
const batchSize = 50;

type Claimed = { id: number; eventId: number; channel: string; userId: number | null; webhookId: number | null; attempts: number; leaseUntil: Date };

/**
 * Claims due deliveries for this process: pending ones whose time has come, and ones another process
 * claimed but did not finish within its lease (it died). `FOR UPDATE SKIP LOCKED`: two processes
 * claiming at once never take the same row.
 */
async function claimDueDeliveries(pool: pg.Pool, now: Date, limit: number): Promise<Claimed[]> {
  const leaseUntil = new Date(now.getTime() + deliveryLeaseMs);
  const { rows } = await pool.query<Claimed>(
    `UPDATE "NotificationDelivery" AS delivery
        SET "status" = 'sending', "leaseUntil" = $2, "attempts" = delivery."attempts" + 1
      WHERE delivery."id" IN (
        SELECT "id" FROM "NotificationDelivery"
         WHERE ("status" = 'pending' AND "nextAttemptAt" <= $1) OR ("status" = 'sending' AND "leaseUntil" <= $1)
         ORDER BY "id" LIMIT $3
         FOR UPDATE SKIP LOCKED)
      RETURNING delivery."id", delivery."eventId", delivery."channel", delivery."userId", delivery."webhookId", delivery."attempts", delivery."leaseUntil"`,
    [now, leaseUntil, limit],
  );
  return rows;
}

/** Marks claimed deliveries sent — only while this process still holds them (its lease not taken over). */
async function markSent(pool: pg.Pool, claimed: Claimed[], now: Date): Promise<void> {
  for (const delivery of claimed) {
    await pool.query(
      `UPDATE "NotificationDelivery" SET "status" = 'sent', "sentAt" = $2, "leaseUntil" = NULL, "lastError" = NULL
        WHERE "id" = $1 AND "status" = 'sending' AND "leaseUntil" = $3`,
      [delivery.id, now, delivery.leaseUntil],
    );
  }
}

/** A failed attempt: tried again after a growing pause, given up after `maximumAttempts`. */
async function markFailed(pool: pg.Pool, claimed: Claimed[], now: Date, error: unknown): Promise<void> {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
  for (const delivery of claimed) {
    const gaveUp = delivery.attempts >= maximumAttempts;
    await pool.query(
      `UPDATE "NotificationDelivery" SET "status" = $2, "nextAttemptAt" = $3, "leaseUntil" = NULL, "lastError" = $4
        WHERE "id" = $1 AND "status" = 'sending' AND "leaseUntil" = $5`,
      [delivery.id, gaveUp ? "failed" : "pending", new Date(now.getTime() + retryDelayMs(delivery.attempts)), message, delivery.leaseUntil],
    );
  }
}

async function loadEvents(pool: pg.Pool, ids: number[]): Promise<Map<number, EventText>> {
  const { rows } = await pool.query<EventText & { id: number }>(
    `SELECT "id", "kind", "title", "url", "detail", "createdAt" FROM "NotificationEvent" WHERE "id" = ANY($1::integer[])`,
    [ids],
  );
  return new Map(rows.map((row) => [row.id, row]));
}

export type DeliveryRound = { sent: number; failed: number };

/**
 * Sends every due delivery: each e-mail at once, each user's due digest as one mail, each robot
 * post. Runs in every process (lib/jobs/scheduled-jobs.ts); the claim keeps them from sending one
 * delivery twice. `pool` for tests that play two processes.
 */
export async function deliverDueNotifications(options: { pool?: pg.Pool; limit?: number } = {}): Promise<DeliveryRound> {
  const pool = options.pool ?? databasePool();
  const baseUrl = readConfig().PUBLIC_BASE_URL ?? readConfig().AUTH_URL;
  const round: DeliveryRound = { sent: 0, failed: 0 };
  for (;;) {
    const claimed = await claimDueDeliveries(pool, currentTime(), options.limit ?? batchSize);
    if (!claimed.length) return round;
    const events = await loadEvents(pool, [...new Set(claimed.map((delivery) => delivery.eventId))]);
    const userIds = [...new Set(claimed.flatMap((delivery) => (delivery.userId ? [delivery.userId] : [])))];
    const webhookIds = [...new Set(claimed.flatMap((delivery) => (delivery.webhookId ? [delivery.webhookId] : [])))];
    const emails = new Map(
      (
        await pool.query<{ userId: number; email: string | null }>(
          `SELECT "userId", "email" FROM "NotificationPreference" WHERE "userId" = ANY($1::integer[])`,
          [userIds],
        )
      ).rows.map((row) => [row.userId, row.email]),
    );
    const webhooks = new Map(
      (
        await pool.query<{ id: number; kind: string; url: string; secret: string | null }>(
          `SELECT "id", "kind", "url", "secret" FROM "SectionWebhook" WHERE "id" = ANY($1::integer[])`,
          [webhookIds],
        )
      ).rows.map((row) => [row.id, row]),
    );

    // One mail per user for the digests claimed together; every other delivery on its own.
    const groups = new Map<string, Claimed[]>();
    for (const delivery of claimed) {
      const key = delivery.channel === "email_digest" ? `digest:${delivery.userId}` : `one:${delivery.id}`;
      groups.set(key, [...(groups.get(key) ?? []), delivery]);
    }
    for (const group of groups.values()) {
      const first = group[0];
      try {
        const groupEvents = group.map((delivery) => events.get(delivery.eventId)!);
        if (first.channel === "webhook") {
          const webhook = webhooks.get(first.webhookId!);
          if (!webhook) throw new Error("the group robot was removed");
          await sendWebhook(webhook, groupEvents[0], baseUrl);
        } else {
          const to = emails.get(first.userId!);
          if (!to) throw new Error("no e-mail address");
          const mail = first.channel === "email_digest" ? composeDigestMail(groupEvents, baseUrl) : composeEventMail(groupEvents[0], baseUrl);
          await sendEmail({ to, ...mail });
        }
        await markSent(pool, group, currentTime());
        round.sent += group.length;
      } catch (error) {
        await markFailed(pool, group, currentTime(), error);
        round.failed += group.length;
      }
    }
  }
}
