import "server-only";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db";
import { messages } from "@/lib/i18n";
import { emailModes, type EmailMode } from "@/lib/notifications/kinds";
import { parseInput } from "@/lib/validation";

const m = messages.notifications.preferences;

export type NotificationPreferences = { email: string | null; emailMode: EmailMode; digestHour: number };

export const defaultPreferences: NotificationPreferences = { email: null, emailMode: "off", digestHour: 8 };

/** The signed-in user's channels (the inbox always; e-mail as they chose). */
export async function loadMyNotificationPreferences(actor: ActingUser): Promise<NotificationPreferences> {
  assertPermitted(actor, "console.access");
  const row = await db.notificationPreference.findUnique({ where: { userId: actor.id } });
  return row ? { email: row.email, emailMode: row.emailMode as EmailMode, digestHour: row.digestHour } : defaultPreferences;
}

export const notificationPreferencesSchema = z
  .object({
    email: z
      .string()
      .trim()
      .max(254, { error: m.emailInvalid })
      .transform((value) => value || null)
      .pipe(z.email({ error: m.emailInvalid }).nullable())
      .nullish()
      .transform((value) => value ?? null),
    emailMode: z.enum(emailModes, { error: m.modeInvalid }),
    digestHour: z.preprocess(
      (value) => (value === "" || value === undefined || value === null ? 8 : value),
      z.coerce.number({ error: m.digestHourInvalid }).int(m.digestHourInvalid).min(0, m.digestHourInvalid).max(23, m.digestHourInvalid),
    ),
  })
  .superRefine((value, context) => {
    if (value.emailMode !== "off" && !value.email) context.addIssue({ code: "custom", path: ["email"], message: m.emailRequired });
  });

/** Saves the user's own channels. Mails already waiting for a digest keep their hour. */
export async function updateMyNotificationPreferences(actor: ActingUser, input: unknown): Promise<NotificationPreferences> {
  assertPermitted(actor, "console.access");
  const preferences = parseInput(notificationPreferencesSchema, input);
  await db.$transaction(async (tx) => {
    const data = { ...preferences, updatedAt: currentTime() };
    await tx.notificationPreference.upsert({ where: { userId: actor.id }, create: { userId: actor.id, ...data }, update: data });
    // The address is the user's own business: the audit row says what changed, not to what.
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "notification.preferences_update",
      entityType: "User",
      entityId: actor.id,
      details: { emailMode: preferences.emailMode, digestHour: preferences.digestHour, hasEmail: preferences.email !== null },
    });
  });
  return preferences;
}
