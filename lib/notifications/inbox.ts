import "server-only";
import { z } from "zod";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { parseInput } from "@/lib/validation";

/** One inbox entry, as the console and `GET /api/v1/me/notifications` show it. */
export type InboxEntry = { id: number; kind: string; title: string; detail: string | null; url: string; createdAt: Date; readAt: Date | null };

export const inboxPageSize = 50;

/** The signed-in user's own notifications, newest first, and how many are unread. */
export async function listMyNotifications(actor: ActingUser, options: { limit?: number } = {}): Promise<{ items: InboxEntry[]; unread: number }> {
  assertPermitted(actor, "console.access");
  const [rows, unread] = await Promise.all([
    db.notification.findMany({
      where: { userId: actor.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: Math.min(Math.max(options.limit ?? inboxPageSize, 1), 200),
      include: { event: { select: { kind: true, title: true, detail: true, url: true } } },
    }),
    countMyUnreadNotifications(actor),
  ]);
  return {
    items: rows.map((row) => ({ id: row.id, ...row.event, createdAt: row.createdAt, readAt: row.readAt })),
    unread,
  };
}

export async function countMyUnreadNotifications(actor: ActingUser): Promise<number> {
  return db.notification.count({ where: { userId: actor.id, readAt: null } });
}

const notificationIdSchema = z.coerce.number({ error: messages.notifications.notFound }).int().positive().max(2_147_483_647);

/** Marks one of the user's own notifications read; anyone else's (or none) is 404, never 403: its existence is not told. */
export async function markNotificationRead(actor: ActingUser, id: unknown): Promise<InboxEntry> {
  assertPermitted(actor, "console.access");
  const parsed = notificationIdSchema.safeParse(id);
  if (!parsed.success) throw new NotFoundError(messages.notifications.notFound);
  const row = await db.notification.findFirst({ where: { id: parsed.data, userId: actor.id }, include: { event: true } });
  if (!row) throw new NotFoundError(messages.notifications.notFound);
  const readAt = row.readAt ?? currentTime();
  if (!row.readAt) await db.notification.updateMany({ where: { id: row.id, userId: actor.id, readAt: null }, data: { readAt } });
  return { id: row.id, kind: row.event.kind, title: row.event.title, detail: row.event.detail, url: row.event.url, createdAt: row.createdAt, readAt };
}

/** Marks every unread notification of the user read; returns how many. */
export async function markAllMyNotificationsRead(actor: ActingUser, input?: unknown): Promise<{ count: number }> {
  assertPermitted(actor, "console.access");
  parseInput(z.object({}).loose(), input ?? {});
  const { count } = await db.notification.updateMany({ where: { userId: actor.id, readAt: null }, data: { readAt: currentTime() } });
  return { count };
}
