import "server-only";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { parseInput } from "@/lib/validation";

export const sectionInputSchema = z.object({
  name: z
    .string({ error: messages.administration.sections.nameRequired })
    .trim()
    .min(1, { error: messages.administration.sections.nameRequired })
    .max(40, { error: messages.administration.sections.nameTooLong }),
  sortOrder: z.coerce.number().int().min(0).max(9999).optional(),
});

export type SectionSummary = { id: number; name: string; sortOrder: number; userCount: number };

/** Sections are not secret: any signed-in staff member may list them (forms need them). */
export async function listSections(actor: ActingUser): Promise<SectionSummary[]> {
  assertPermitted(actor, "console.access");
  const sections = await db.section.findMany({ orderBy: [{ sortOrder: "asc" }, { id: "asc" }], include: { _count: { select: { users: true } } } });
  return sections.map((section) => ({ id: section.id, name: section.name, sortOrder: section.sortOrder, userCount: section._count.users }));
}

export async function createSection(actor: ActingUser | null, input: unknown): Promise<SectionSummary> {
  if (actor) assertPermitted(actor, "section.manage");
  const data = parseInput(sectionInputSchema, input);
  return db.$transaction(async (tx) => {
    if (await tx.section.findUnique({ where: { name: data.name } })) throw new ValidationError({ name: [messages.administration.sections.nameTaken] });
    const section = await tx.section.create({ data: { name: data.name, sortOrder: data.sortOrder ?? 0 } });
    await recordAuditEvent(tx, {
      actorId: actor?.id ?? null,
      action: "section.create",
      entityType: "Section",
      entityId: section.id,
      details: { name: section.name },
    });
    return { id: section.id, name: section.name, sortOrder: section.sortOrder, userCount: 0 };
  });
}

export async function renameSection(actor: ActingUser, sectionId: number, input: unknown): Promise<void> {
  assertPermitted(actor, "section.manage");
  const data = parseInput(sectionInputSchema, input);
  await db.$transaction(async (tx) => {
    const before = await tx.section.findUnique({ where: { id: sectionId } });
    if (!before) throw new NotFoundError(messages.common.notFound.section);
    const clash = await tx.section.findFirst({ where: { name: data.name, id: { not: sectionId } } });
    if (clash) throw new ValidationError({ name: [messages.administration.sections.nameTaken] });
    await tx.section.update({ where: { id: sectionId }, data: { name: data.name, sortOrder: data.sortOrder ?? before.sortOrder } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "section.update",
      entityType: "Section",
      entityId: sectionId,
      details: { before: before.name, after: data.name },
    });
  });
}
