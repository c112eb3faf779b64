import "server-only";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { webhookKinds, type WebhookKind } from "@/lib/notifications/kinds";
import { parseInput } from "@/lib/validation";

const m = messages.notifications.webhooks;

/** A section's robot as the console shows it: the address without its key, the secret as its last characters. */
export type SectionWebhookView = { id: number; sectionId: number; kind: WebhookKind; address: string; secretHint: string | null };

/** The robot's address with every query value (its key, its access_token) cut to its last 4 characters. */
export function maskWebhookUrl(url: string): string {
  const parsed = new URL(url);
  for (const [name, value] of [...parsed.searchParams.entries()]) parsed.searchParams.set(name, value.length > 4 ? `…${value.slice(-4)}` : "…");
  return decodeURIComponent(parsed.toString());
}

const hintOf = (secret: string | null) => (secret ? m.secretKept(secret.length > 4 ? `…${secret.slice(-4)}` : "…") : null);

export async function listSectionWebhooks(actor: ActingUser): Promise<SectionWebhookView[]> {
  assertPermitted(actor, "section.manage");
  const rows = await db.sectionWebhook.findMany({ orderBy: [{ sectionId: "asc" }, { id: "asc" }] });
  return rows.map((row) => ({
    id: row.id,
    sectionId: row.sectionId,
    kind: row.kind as WebhookKind,
    address: maskWebhookUrl(row.url),
    secretHint: hintOf(row.secret),
  }));
}

export const sectionWebhookSchema = z
  .object({
    kind: z.enum(webhookKinds, { error: m.kindInvalid }),
    url: z
      .string({ error: m.urlInvalid })
      .trim()
      .max(2000, { error: m.urlInvalid })
      .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol) && !new URL(value).username && !new URL(value).password, {
        error: m.urlInvalid,
      }),
    secret: z
      .string()
      .trim()
      .max(200, { error: m.secretInvalid })
      .nullish()
      .transform((value) => value || null),
  })
  .superRefine((value, context) => {
    if (value.secret && value.kind !== "dingtalk") context.addIssue({ code: "custom", path: ["secret"], message: m.secretOnlyDingtalk });
  });

/** Adds a group robot to a section: it hears of the section's events from then on. */
export async function addSectionWebhook(actor: ActingUser, sectionId: number, input: unknown): Promise<SectionWebhookView> {
  assertPermitted(actor, "section.manage");
  const webhook = parseInput(sectionWebhookSchema, input);
  return db.$transaction(async (tx) => {
    const section = await tx.section.findUnique({ where: { id: sectionId }, select: { id: true } });
    if (!section) throw new ValidationError({ sectionId: [messages.common.notFound.section] });
    const row = await tx.sectionWebhook.create({ data: { sectionId, ...webhook, createdAt: currentTime() } });
    // Neither the address (it carries the robot's key) nor the secret goes to the audit log.
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "section.webhook_add",
      entityType: "Section",
      entityId: sectionId,
      details: { webhookId: row.id, kind: row.kind, signed: row.secret !== null },
    });
    return { id: row.id, sectionId, kind: row.kind as WebhookKind, address: maskWebhookUrl(row.url), secretHint: hintOf(row.secret) };
  });
}

export async function removeSectionWebhook(actor: ActingUser, webhookId: number): Promise<void> {
  assertPermitted(actor, "section.manage");
  await db.$transaction(async (tx) => {
    const row = await tx.sectionWebhook.findUnique({ where: { id: webhookId } });
    if (!row) throw new NotFoundError(m.notFound);
    await tx.sectionWebhook.delete({ where: { id: webhookId } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "section.webhook_remove",
      entityType: "Section",
      entityId: row.sectionId,
      details: { webhookId, kind: row.kind },
    });
  });
}
