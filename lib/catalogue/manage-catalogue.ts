import "server-only";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { db, type DatabaseTransaction } from "@/lib/db";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
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

async function assertParentAllowed(tx: DatabaseTransaction, categoryId: number | null, parentId: number | null | undefined) {
  if (!parentId) return;
  if (!(await tx.category.findUnique({ where: { id: parentId } }))) throw new ValidationError({ parentId: [messages.administration.catalogue.parentMissing] });
  // Walking up from the new parent must never reach the category itself: no cycles.
  for (let current: number | null = parentId; current; current = (await tx.category.findUnique({ where: { id: current } }))?.parentId ?? null) {
    if (current === categoryId) throw new ValidationError({ parentId: [messages.administration.catalogue.parentIsDescendant] });
  }
}

export async function createCategory(actor: ActingUser, input: unknown): Promise<{ id: number }> {
  assertPermitted(actor, "catalogue.manage");
  const data = parseInput(categoryInputSchema, input);
  return db.$transaction(async (tx) => {
    if (await tx.category.findUnique({ where: { slug: data.slug } })) throw new ValidationError({ slug: [messages.administration.catalogue.slugTaken] });
    await assertParentAllowed(tx, null, data.parentId);
    const category = await tx.category.create({ data: { ...data, parentId: data.parentId ?? null } });
    await bumpPublicContentVersion(tx);
    await recordAuditEvent(tx, { actorId: actor.id, action: "category.create", entityType: "Category", entityId: category.id, details: data });
    return { id: category.id };
  });
}

export async function updateCategory(actor: ActingUser, categoryId: number, input: unknown): Promise<void> {
  assertPermitted(actor, "catalogue.manage");
  const data = parseInput(categoryInputSchema, input);
  await db.$transaction(async (tx) => {
    const before = await tx.category.findUnique({ where: { id: categoryId } });
    if (!before) throw new NotFoundError(messages.common.notFound.category);
    const clash = await tx.category.findFirst({ where: { slug: data.slug, id: { not: categoryId } } });
    if (clash) throw new ValidationError({ slug: [messages.administration.catalogue.slugTaken] });
    await assertParentAllowed(tx, categoryId, data.parentId);
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
  assertPermitted(actor, "catalogue.manage");
  await db.$transaction(async (tx) => {
    const category = await tx.category.findUnique({ where: { id: categoryId }, include: { _count: { select: { children: true, revisions: true } } } });
    if (!category) throw new NotFoundError(messages.common.notFound.category);
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
