import "server-only";
import { findDefaultAgency } from "@/lib/agency/agencies";
import { replyTemplateSchema } from "@/lib/applications/application-schemas";
import { applicationOutcomes, isApplicationOutcome, type ApplicationOutcomeSlug } from "@/lib/applications/outcomes";
import { recordAuditEvent } from "@/lib/audit/record";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { db, type DatabaseTransaction } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { defaultReplyTemplate, type ReplyTemplateContent } from "@/lib/reply-letters/default-templates";
import { parseInput } from "@/lib/validation";

/**
 * Where the template in force comes from: the agency's own, the platform's (the default agency's,
 * for the other agencies of the platform), or the built-in one.
 */
export type ReplyTemplateSource = "agency" | "platform" | "builtIn";

export type ReplyTemplateView = ReplyTemplateContent & {
  outcome: ApplicationOutcomeSlug;
  source: ReplyTemplateSource;
  /** The agency's own version: "恢复默认" removes it. */
  edited: boolean;
  /** When the version in force (the agency's own or the platform's) was last saved. */
  updatedAt: Date | null;
};

type TemplateRow = ReplyTemplateContent & { agencyId: number; outcome: string; updatedAt: Date; agency: { isDefault: boolean | null } };
type Reader = Pick<DatabaseTransaction, "replyTemplate">;

/** The agency's own rows and the platform's (the default agency's) for `outcomes`. */
function findTemplateRows(reader: Reader, agencyId: number, outcomes?: ApplicationOutcomeSlug[]): Promise<TemplateRow[]> {
  return reader.replyTemplate.findMany({
    where: { OR: [{ agencyId }, { agency: { isDefault: true } }], ...(outcomes ? { outcome: { in: outcomes } } : {}) },
    include: { agency: { select: { isDefault: true } } },
  });
}

/** The version in force for an agency and an outcome: its own, else the platform's, else the built-in one. */
function templateInForce(rows: TemplateRow[], agencyId: number, outcome: ApplicationOutcomeSlug): Omit<ReplyTemplateView, "outcome"> {
  const own = rows.find((row) => row.agencyId === agencyId && row.outcome === outcome);
  const platform = rows.find((row) => row.agency.isDefault && row.outcome === outcome);
  const row = own ?? platform;
  if (!row) return { ...defaultReplyTemplate(outcome), source: "builtIn", edited: false, updatedAt: null };
  return { title: row.title, legalBasis: row.legalBasis, body: row.body, source: own ? "agency" : "platform", edited: Boolean(own), updatedAt: row.updatedAt };
}

/**
 * The template a letter of an application of `agencyId` is drafted from (集约化: the agency the
 * application belongs to now, after a transfer the receiving one): the agency's own, else the
 * platform's, else the built-in one.
 */
export async function findReplyTemplate(reader: Reader, agencyId: number, outcome: ApplicationOutcomeSlug): Promise<ReplyTemplateContent> {
  const { title, legalBasis, body } = templateInForce(await findTemplateRows(reader, agencyId, [outcome]), agencyId, outcome);
  return { title, legalBasis, body };
}

/**
 * The templates of the actor's agency, one per outcome, each with where it comes from. An agency's
 * administrator keeps its own agency's templates only (no function here takes another agency); the
 * default agency's are also the platform's, which the other agencies use until they save their own.
 */
export async function listReplyTemplates(actor: ActingUser): Promise<ReplyTemplateView[]> {
  assertPermitted(actor, "reply_template.manage");
  const rows = await findTemplateRows(db, actor.agencyId);
  return applicationOutcomes.map(({ slug }) => ({ outcome: slug, ...templateInForce(rows, actor.agencyId, slug) }));
}

/**
 * Whose templates the actor keeps: the platform's (the default agency's administrator: the others'
 * fallback) or only its own agency's, on top of the platform's (named, for the page to say so).
 */
export async function findReplyTemplateScope(actor: ActingUser): Promise<{ keepsPlatformTemplates: boolean; platformAgencyName: string }> {
  assertPermitted(actor, "reply_template.manage");
  const platform = await findDefaultAgency();
  return { keepsPlatformTemplates: platform.id === actor.agencyId, platformAgencyName: platform.name };
}

function readOutcome(value: string): ApplicationOutcomeSlug {
  if (!isApplicationOutcome(value)) throw new NotFoundError();
  return value;
}

export async function findReplyTemplateForEditing(actor: ActingUser, outcome: string): Promise<ReplyTemplateView> {
  assertPermitted(actor, "reply_template.manage");
  const slug = readOutcome(outcome);
  return { outcome: slug, ...templateInForce(await findTemplateRows(db, actor.agencyId, [slug]), actor.agencyId, slug) };
}

/** Saves the actor's agency's own version of an outcome's template. */
export async function saveReplyTemplate(actor: ActingUser, outcome: string, input: unknown): Promise<void> {
  assertPermitted(actor, "reply_template.manage");
  const slug = readOutcome(outcome);
  const content = parseInput(replyTemplateSchema, input);
  const agencyId = actor.agencyId;
  await db.$transaction(async (tx) => {
    await tx.replyTemplate.upsert({
      where: { agencyId_outcome: { agencyId, outcome: slug } },
      create: { agencyId, outcome: slug, ...content },
      update: content,
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "reply_template.save",
      entityType: "ReplyTemplate",
      entityId: slug,
      details: { title: content.title, agencyId },
    });
  });
}

/** Removes the agency's own version: the platform's (or the built-in) template applies again. */
export async function resetReplyTemplate(actor: ActingUser, outcome: string): Promise<void> {
  assertPermitted(actor, "reply_template.manage");
  const slug = readOutcome(outcome);
  const agencyId = actor.agencyId;
  await db.$transaction(async (tx) => {
    await tx.replyTemplate.deleteMany({ where: { agencyId, outcome: slug } });
    await recordAuditEvent(tx, { actorId: actor.id, action: "reply_template.reset", entityType: "ReplyTemplate", entityId: slug, details: { agencyId } });
  });
}
