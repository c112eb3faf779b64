import "server-only";
import { z } from "zod";
import { agencyCodePattern, agencyKinds, findAgencyByCode, normaliseAgencyCode, type AgencyDetails } from "@/lib/agency/agencies";
import { reachesEveryAgency } from "@/lib/agency/agency-scope";
import { organizationCodeSchema } from "@/lib/agency/index-number-settings";
import { recordAuditEvent } from "@/lib/audit/record";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted, isPermitted } from "@/lib/auth/permissions";
import { db, Prisma, type DatabaseTransaction } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { bumpPublicContentVersion } from "@/lib/public-content/content-version";
import { parseInput } from "@/lib/validation";

const m = messages.agencies.errors;

const text = (max: number, required: string, tooLong: string) => z.string({ error: required }).trim().min(1, { error: required }).max(max, { error: tooLong });
const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, { error: tooLong })
    .optional()
    .transform((value) => value || null);

/** 政务公开领导小组, one member a line: 姓名，职务，小组职务 (组长 / 副组长 / 成员). */
const leadingGroupSchema = z
  .string()
  .optional()
  .transform((value, context) => {
    const lines = (value ?? "")
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
    const members: { name: string; position: string; groupRole: string }[] = [];
    for (const [index, line] of lines.entries()) {
      const parts = line.split(/[，,、|｜\t]/).map((part) => part.trim());
      if (parts.length !== 3 || parts.some((part) => !part || part.length > 40)) {
        context.addIssue({ code: "custom", message: m.leadingGroupLine(index + 1) });
        continue;
      }
      members.push({ name: parts[0], position: parts[1], groupRole: parts[2] });
    }
    if (members.length > 50) context.addIssue({ code: "custom", message: m.leadingGroupTooLong });
    return members;
  });

/** What an agency's own administrator edits: its name and its column's contact. */
const ownDetailsSchema = z.object({
  name: text(60, m.nameRequired, m.nameTooLong),
  shortName: text(30, m.shortNameRequired, m.shortNameTooLong),
  address: text(100, m.addressRequired, m.addressTooLong),
  postcode: z
    .string({ error: m.postcode })
    .trim()
    .regex(/^\d{6}$/, { error: m.postcode }),
  email: z
    .string({ error: m.email })
    .trim()
    .max(100, { error: m.email })
    .pipe(z.email({ error: m.email })),
  phone: optionalText(40, m.phoneTooLong),
  website: optionalText(200, m.websiteTooLong),
  officeHours: optionalText(100, m.officeHoursTooLong),
  disclosureOffice: optionalText(60, m.disclosureOfficeTooLong),
  leadingGroup: leadingGroupSchema,
});

/** What only the platform administrator sets: where the agency stands on the platform. */
const placeSchema = z.object({
  kind: z.enum(agencyKinds, { error: m.kind }),
  parentCode: z
    .string()
    .optional()
    .transform((value) => (value?.trim() ? normaliseAgencyCode(value) : null)),
  organizationCode: organizationCodeSchema.optional().transform((value) => value ?? null),
  sortOrder: z.coerce.number({ error: m.sortOrder }).int({ error: m.sortOrder }).min(0, { error: m.sortOrder }).max(9999, { error: m.sortOrder }).optional(),
});

export const agencyCodeSchema = z
  .string({ error: m.codeRequired })
  .transform(normaliseAgencyCode)
  .pipe(z.string().regex(agencyCodePattern, { error: m.codeFormat }));

export const createAgencySchema = ownDetailsSchema.extend(placeSchema.shape).extend({ code: agencyCodeSchema });
export const updateAgencySchema = ownDetailsSchema.extend(placeSchema.partial().shape);

type Place = z.infer<typeof placeSchema>;

/** The parent must exist and not be the agency itself or below it; only the government stands at the root. */
async function resolveParent(tx: DatabaseTransaction, place: Pick<Place, "kind" | "parentCode">, selfId: number | null): Promise<number | null> {
  if (place.parentCode === null) {
    if (place.kind !== "government") throw new ValidationError({ parentCode: [m.parentRequired] });
    return null;
  }
  const parent = await tx.agency.findUnique({ where: { code: place.parentCode }, select: { id: true } });
  if (!parent) throw new ValidationError({ parentCode: [m.parentMissing] });
  // Walks up from the parent: meeting the agency itself would make a loop.
  for (let cursor: number | null = parent.id, steps = 0; cursor !== null && steps < 100; steps++) {
    if (cursor === selfId) throw new ValidationError({ parentCode: [m.parentLoop] });
    cursor = (await tx.agency.findUniqueOrThrow({ where: { id: cursor }, select: { parentId: true } })).parentId;
  }
  return parent.id;
}

async function replaceLeadingGroup(tx: DatabaseTransaction, agencyId: number, members: { name: string; position: string; groupRole: string }[]) {
  await tx.leadingGroupMember.deleteMany({ where: { agencyId } });
  if (members.length) await tx.leadingGroupMember.createMany({ data: members.map((member, index) => ({ ...member, agencyId, sortOrder: index })) });
}

/** The agencies an actor edits: every one for the platform administrator, else its own. */
export function mayEditAgency(actor: ActingUser, agencyId: number): boolean {
  if (isPermitted(actor.role, "agency.manage")) return true;
  return isPermitted(actor.role, "agency.edit_own") && actor.agencyId === agencyId;
}

/** The agency as its edit form shows it, with its leading group (one member a line). */
export async function findAgencyForEditing(actor: ActingUser, code: string): Promise<AgencyDetails & { leadingGroup: string }> {
  const agency = await findAgencyByCode(code);
  if (!agency || !mayEditAgency(actor, agency.id)) {
    // Someone who may edit no agency at all is refused; another agency's record is "not found".
    if (!isPermitted(actor.role, "agency.edit_own")) assertPermitted(actor, "agency.manage");
    throw new NotFoundError(messages.common.notFound.agency);
  }
  const members = await db.leadingGroupMember.findMany({ where: { agencyId: agency.id }, orderBy: { sortOrder: "asc" } });
  return { ...agency, leadingGroup: members.map((member) => `${member.name}，${member.position}，${member.groupRole}`).join("\n") };
}

/** The platform administrator adds an agency to the platform. */
export async function createAgency(actor: ActingUser | null, input: unknown): Promise<AgencyDetails> {
  if (actor) assertPermitted(actor, "agency.manage");
  const data = parseInput(createAgencySchema, input);
  const { leadingGroup, parentCode, ...fields } = data;
  const created = await db.$transaction(async (tx) => {
    if (await tx.agency.findUnique({ where: { code: data.code } })) throw new ValidationError({ code: [m.codeTaken] });
    const parentId = await resolveParent(tx, data, null);
    const agency = await tx.agency.create({ data: { ...fields, sortOrder: fields.sortOrder ?? 0, parentId } }).catch((error: unknown) => {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new ValidationError({ code: [m.codeTaken] });
      throw error;
    });
    await replaceLeadingGroup(tx, agency.id, leadingGroup);
    await recordAuditEvent(tx, {
      actorId: actor?.id ?? null,
      action: "agency.create",
      entityType: "Agency",
      entityId: agency.id,
      details: { code: agency.code, name: agency.name, kind: agency.kind, parentCode },
    });
    await bumpPublicContentVersion(tx);
    return agency;
  });
  return (await findAgencyByCode(created.code))!;
}

/**
 * Edits an agency: its own administrator the name and the column's contact, the platform
 * administrator also its place (kind, parent, credit code, order). Another agency's is 404.
 */
export async function updateAgency(actor: ActingUser, code: string, input: unknown): Promise<AgencyDetails> {
  if (!isPermitted(actor.role, "agency.edit_own")) assertPermitted(actor, "agency.manage");
  const platformWide = isPermitted(actor.role, "agency.manage") && reachesEveryAgency(actor);
  const data = parseInput(updateAgencySchema, input);
  const { leadingGroup, kind, parentCode, organizationCode, sortOrder, ...own } = data;
  await db.$transaction(async (tx) => {
    const before = await tx.agency.findUnique({ where: { code: normaliseAgencyCode(code) }, include: { parent: { select: { code: true } } } });
    if (!before || !mayEditAgency(actor, before.id)) throw new NotFoundError(messages.common.notFound.agency);
    let place: Partial<{ kind: Place["kind"]; parentId: number | null; organizationCode: string | null; sortOrder: number }> = {};
    if (platformWide) {
      const target = { kind: kind ?? before.kind, parentCode: parentCode === undefined ? (before.parent?.code ?? null) : parentCode };
      place = {
        kind: target.kind,
        parentId: await resolveParent(tx, target, before.id),
        ...(organizationCode !== undefined ? { organizationCode } : {}),
        ...(sortOrder !== undefined ? { sortOrder } : {}),
      };
    }
    const after = await tx.agency.update({ where: { id: before.id }, data: { ...own, ...place } });
    await replaceLeadingGroup(tx, before.id, leadingGroup);
    const fields = [...Object.keys(own), ...Object.keys(place)] as (keyof typeof after)[];
    const changed = Object.fromEntries(
      fields.filter((field) => before[field] !== after[field]).map((field) => [field, { from: before[field], to: after[field] }]),
    );
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "agency.update",
      entityType: "Agency",
      entityId: before.id,
      details: { code: before.code, changed },
    });
    // The agency's name and contact stand on its public pages (header, guide, directory).
    await bumpPublicContentVersion(tx);
  });
  return (await findAgencyByCode(code))!;
}
