import "server-only";
import { replyTemplateSchema } from "@/lib/applications/application-schemas";
import { assertReplyTemplatesInScope } from "@/lib/applications/handling-section";
import { applicationOutcomes, isApplicationOutcome, type ApplicationOutcomeSlug } from "@/lib/applications/outcomes";
import { recordAuditEvent } from "@/lib/audit/record";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { db, type DatabaseTransaction } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { defaultReplyTemplate, type ReplyTemplateContent } from "@/lib/reply-letters/default-templates";
import { parseInput } from "@/lib/validation";

export type ReplyTemplateView = ReplyTemplateContent & { outcome: ApplicationOutcomeSlug; edited: boolean; updatedAt: Date | null };

/** The template in force for an outcome: the administrator's, or the built-in one. */
export async function findReplyTemplate(reader: Pick<DatabaseTransaction, "replyTemplate">, outcome: ApplicationOutcomeSlug): Promise<ReplyTemplateContent> {
  const row = await reader.replyTemplate.findUnique({ where: { outcome } });
  return row ? { title: row.title, legalBasis: row.legalBasis, body: row.body } : defaultReplyTemplate(outcome);
}

/**
 * The templates are one set for the installation, like the application settings: the default
 * agency's (集约化). An administrator of another agency does not reach them (404).
 */
export async function listReplyTemplates(actor: ActingUser): Promise<ReplyTemplateView[]> {
  assertPermitted(actor, "reply_template.manage");
  await assertReplyTemplatesInScope(actor);
  const rows = new Map((await db.replyTemplate.findMany()).map((row) => [row.outcome, row]));
  return applicationOutcomes.map(({ slug }) => {
    const row = rows.get(slug);
    return row
      ? { outcome: slug, title: row.title, legalBasis: row.legalBasis, body: row.body, edited: true, updatedAt: row.updatedAt }
      : { outcome: slug, ...defaultReplyTemplate(slug), edited: false, updatedAt: null };
  });
}

function readOutcome(value: string): ApplicationOutcomeSlug {
  if (!isApplicationOutcome(value)) throw new NotFoundError();
  return value;
}

export async function findReplyTemplateForEditing(actor: ActingUser, outcome: string): Promise<ReplyTemplateView> {
  assertPermitted(actor, "reply_template.manage");
  const slug = readOutcome(outcome);
  return (await listReplyTemplates(actor)).find((template) => template.outcome === slug)!;
}

export async function saveReplyTemplate(actor: ActingUser, outcome: string, input: unknown): Promise<void> {
  assertPermitted(actor, "reply_template.manage");
  await assertReplyTemplatesInScope(actor);
  const slug = readOutcome(outcome);
  const content = parseInput(replyTemplateSchema, input);
  await db.$transaction(async (tx) => {
    await tx.replyTemplate.upsert({ where: { outcome: slug }, create: { outcome: slug, ...content }, update: content });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "reply_template.save",
      entityType: "ReplyTemplate",
      entityId: slug,
      details: { title: content.title },
    });
  });
}

/** Back to the built-in template. */
export async function resetReplyTemplate(actor: ActingUser, outcome: string): Promise<void> {
  assertPermitted(actor, "reply_template.manage");
  await assertReplyTemplatesInScope(actor);
  const slug = readOutcome(outcome);
  await db.$transaction(async (tx) => {
    await tx.replyTemplate.deleteMany({ where: { outcome: slug } });
    await recordAuditEvent(tx, { actorId: actor.id, action: "reply_template.reset", entityType: "ReplyTemplate", entityId: slug });
  });
}
