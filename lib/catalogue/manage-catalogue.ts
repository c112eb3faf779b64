import "server-only";
import { z } from "zod";
import { reachesEveryAgency } from "@/lib/agency/agency-scope";
import { recordAuditEvent } from "@/lib/audit/record";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted, isPermitted } from "@/lib/auth/permissions";
import { db, type DatabaseTransaction } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { bumpPublicContentVersion } from "@/lib/public-content/content-version";
import { parseInput } from "@/lib/validation";

export const categoryInputSchema = z.object({
  name: z
    .string({ error: messages.administration.catalogue.nameRequired })
    .trim()
    .min(1, { error: messages.administration.catalogue.nameRequired })
    .max(40, { error: messages.administration.catalogue.nameTooLong }),
  slug: z
    .string({ error: messages.administration.catalogue.slugRequired })
    .trim()
    .min(2, { error: messages.administration.catalogue.slugTooShort })
    .max(60, { error: messages.administration.catalogue.slugTooLong })
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: messages.administration.catalogue.slugCharacters }),
  parentId: z.preprocess((value) => (value === "" || value === "0" ? null : value), z.coerce.number().int().positive().nullish()),
  kind: z.enum(["list", "page"]).default("list"),
  sortOrder: z.coerce.number().int().min(0).max(9999).default(0),
});

/**
 * Who keeps which categories (集约化): the platform template (no agency) is the 政务公开办's — the
 * supervisor's and the platform administrator's — and, on a platform of one agency, that agency's
 * administrator's (as before the platform); an agency's administrator keeps its own columns below it.
 */
async function keepsTemplate(tx: Pick<DatabaseTransaction, "agency">, actor: ActingUser): Promise<boolean> {
  if (isPermitted(actor.role, "catalogue.manage_template")) return true;
  return isPermitted(actor.role, "catalogue.manage") && (await tx.agency.count({ where: { id: { not: actor.agencyId } } })) === 0;
}

/** Whether the actor keeps the platform template (the console shows its edit forms only then). */
export function mayKeepTemplate(actor: ActingUser): Promise<boolean> {
  return keepsTemplate(db, actor);
}

function assertMayManage(actor: ActingUser): void {
  if (!isPermitted(actor.role, "catalogue.manage") && !isPermitted(actor.role, "catalogue.manage_template")) assertPermitted(actor, "catalogue.manage");
}

/** The category as the actor may change it: the template's only for its keepers, another agency's is 404. */
async function findManagedCategory(tx: DatabaseTransaction, actor: ActingUser, categoryId: number) {
  const category = await tx.category.findUnique({ where: { id: categoryId }, include: { _count: { select: { children: true, revisions: true } } } });
  if (!category || (category.agencyId !== null && category.agencyId !== actor.agencyId && !reachesEveryAgency(actor)))
    throw new NotFoundError(messages.common.notFound.category);
  if (category.agencyId === null && !(await keepsTemplate(tx, actor))) throw new ForbiddenError(messages.administration.catalogue.templateKeptByOffice);
  if (category.agencyId !== null && !isPermitted(actor.role, "catalogue.manage")) assertPermitted(actor, "catalogue.manage");
  return category;
}

/** Where a new category goes: the template for its keepers, else the actor's agency's own columns. */
async function ownerOfNewCategory(tx: DatabaseTransaction, actor: ActingUser): Promise<number | null> {
  if (await keepsTemplate(tx, actor)) return null;
  assertPermitted(actor, "catalogue.manage");
  return actor.agencyId;
}

async function assertParentAllowed(tx: DatabaseTransaction, categoryId: number | null, parentId: number | null | undefined, owner: number | null) {
  if (!parentId) return;
  const parent = await tx.category.findUnique({ where: { id: parentId } });
  // A template category sits in the template; an agency's column under the template or its own.
  if (!parent || (parent.agencyId !== null && parent.agencyId !== owner))
    throw new ValidationError({ parentId: [messages.administration.catalogue.parentMissing] });
  // Walking up from the new parent must never reach the category itself: no cycles.
  for (let current: number | null = parentId; current; current = (await tx.category.findUnique({ where: { id: current } }))?.parentId ?? null) {
    if (current === categoryId) throw new ValidationError({ parentId: [messages.administration.catalogue.parentIsDescendant] });
  }
}

export async function createCategory(actor: ActingUser, input: unknown): Promise<{ id: number }> {
  assertMayManage(actor);
  const data = parseInput(categoryInputSchema, input);
  return db.$transaction(async (tx) => {
    const owner = await ownerOfNewCategory(tx, actor);
    if (await tx.category.findUnique({ where: { slug: data.slug } })) throw new ValidationError({ slug: [messages.administration.catalogue.slugTaken] });
    await assertParentAllowed(tx, null, data.parentId, owner);
    const category = await tx.category.create({ data: { ...data, parentId: data.parentId ?? null, agencyId: owner } });
    await bumpPublicContentVersion(tx);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "category.create",
      entityType: "Category",
      entityId: category.id,
      details: { ...data, template: owner === null },
    });
    return { id: category.id };
  });
}

export async function updateCategory(actor: ActingUser, categoryId: number, input: unknown): Promise<void> {
  assertMayManage(actor);
  const data = parseInput(categoryInputSchema, input);
  await db.$transaction(async (tx) => {
    const before = await findManagedCategory(tx, actor, categoryId);
    const clash = await tx.category.findFirst({ where: { slug: data.slug, id: { not: categoryId } } });
    if (clash) throw new ValidationError({ slug: [messages.administration.catalogue.slugTaken] });
    await assertParentAllowed(tx, categoryId, data.parentId, before.agencyId);
    await tx.category.update({ where: { id: categoryId }, data: { ...data, parentId: data.parentId ?? null } });
    await bumpPublicContentVersion(tx);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "category.update",
      entityType: "Category",
      entityId: categoryId,
      details: { before: { name: before.name, slug: before.slug, parentId: before.parentId, kind: before.kind, sortOrder: before.sortOrder }, after: data },
    });
  });
}

/** Only an empty category (no subcategories, no item ever filed in it) can be deleted. */
export async function deleteCategory(actor: ActingUser, categoryId: number): Promise<void> {
  assertMayManage(actor);
  await db.$transaction(async (tx) => {
    const category = await findManagedCategory(tx, actor, categoryId);
    if (category._count.children || category._count.revisions) throw new ConflictError(messages.administration.catalogue.notEmpty, "not_empty");
    await tx.category.delete({ where: { id: categoryId } });
    await bumpPublicContentVersion(tx);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "category.delete",
      entityType: "Category",
      entityId: categoryId,
      details: { name: category.name, slug: category.slug },
    });
  });
}
