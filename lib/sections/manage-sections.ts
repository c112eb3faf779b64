import "server-only";
import { z } from "zod";
import { reachesEveryAgency, sectionsInScope } from "@/lib/agency/agency-scope";
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
  /** Only a platform administrator names the agency; everyone else creates in their own. */
  agencyId: z.coerce.number().int().positive().optional(),
});

export type SectionSummary = { id: number; name: string; sortOrder: number; userCount: number; agencyId: number; agencyName: string };

/**
 * Sections are not secret within an agency: any signed-in staff member may list their agency's
 * (forms need them); a platform role lists every agency's, or one agency's with `agencyId`.
 */
export async function listSections(actor: ActingUser, options: { agencyId?: number } = {}): Promise<SectionSummary[]> {
  assertPermitted(actor, "console.access");
  const where = reachesEveryAgency(actor) && options.agencyId !== undefined ? { agencyId: options.agencyId } : sectionsInScope(actor);
  const sections = await db.section.findMany({
    where,
    orderBy: [{ agency: { sortOrder: "asc" } }, { agencyId: "asc" }, { sortOrder: "asc" }, { id: "asc" }],
    include: { _count: { select: { users: true } }, agency: { select: { name: true } } },
  });
  return sections.map((section) => ({
    id: section.id,
    name: section.name,
    sortOrder: section.sortOrder,
    userCount: section._count.users,
    agencyId: section.agencyId,
    agencyName: section.agency.name,
  }));
}

/**
 * `actor` null is the operator's command line, which creates in the default agency unless told
 * otherwise; an agency's administrator creates in their own agency whatever `agencyId` says.
 */
export async function createSection(actor: ActingUser | null, input: unknown): Promise<SectionSummary> {
  if (actor) assertPermitted(actor, "section.manage");
  const data = parseInput(sectionInputSchema, input);
  return db.$transaction(async (tx) => {
    const agencyId = actor && !reachesEveryAgency(actor) ? actor.agencyId : data.agencyId;
    const agency = agencyId !== undefined ? await tx.agency.findUnique({ where: { id: agencyId } }) : await tx.agency.findFirst({ where: { isDefault: true } });
    if (!agency) throw new ValidationError({ agencyId: [messages.administration.sections.agencyMissing] });
    if (await tx.section.findUnique({ where: { agencyId_name: { agencyId: agency.id, name: data.name } } })) {
      throw new ValidationError({ name: [messages.administration.sections.nameTaken] });
    }
    const section = await tx.section.create({ data: { agencyId: agency.id, name: data.name, sortOrder: data.sortOrder ?? 0 } });
    await recordAuditEvent(tx, {
      actorId: actor?.id ?? null,
      action: "section.create",
      entityType: "Section",
      entityId: section.id,
      details: { name: section.name, agency: agency.code },
    });
    return { id: section.id, name: section.name, sortOrder: section.sortOrder, userCount: 0, agencyId: agency.id, agencyName: agency.name };
  });
}

export async function renameSection(actor: ActingUser, sectionId: number, input: unknown): Promise<void> {
  assertPermitted(actor, "section.manage");
  const data = parseInput(sectionInputSchema, input);
  await db.$transaction(async (tx) => {
    const before = await tx.section.findFirst({ where: { id: sectionId, ...sectionsInScope(actor) } });
    if (!before) throw new NotFoundError(messages.common.notFound.section);
    const clash = await tx.section.findFirst({ where: { agencyId: before.agencyId, name: data.name, id: { not: sectionId } } });
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
