import "server-only";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { IndexNumberYearBasis } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { isValidCreditCode, isValidOrganizationCode } from "@/lib/identifiers";
import { parseInput } from "@/lib/validation";

const m = messages.indexNumberSettings.errors;

/**
 * The 索引号 prefix: an 18-character 统一社会信用代码 (GB 32100-2015) or a 9-character 组织机构代码
 * (GB 11714-1997), each with its check character verified. Spaces, a hyphen before the check
 * character and lower case are accepted and normalised; blank means "not set".
 */
export const organizationCodeSchema = z
  .string({ error: m.organizationCode })
  .transform((value) => value.replace(/[\s-]/g, "").toUpperCase())
  .superRefine((value, context) => {
    if (value === "") return;
    if (value.length === 18 && /^[0-9A-HJ-NP-RTUW-Y]{18}$/.test(value)) {
      if (!isValidCreditCode(value)) context.addIssue({ code: "custom", message: m.creditCodeCheck });
    } else if (value.length === 9 && /^[0-9A-Z]{8}[0-9X]$/.test(value)) {
      if (!isValidOrganizationCode(value)) context.addIssue({ code: "custom", message: m.organizationCodeCheck });
    } else context.addIssue({ code: "custom", message: m.organizationCode });
  })
  .transform((value) => value || null);

export const indexNumberSettingsInputSchema = z.object({
  organizationCode: organizationCodeSchema.optional().transform((value) => value ?? null),
  indexNumberYearBasis: z.enum(IndexNumberYearBasis, { error: m.yearBasis }),
});

export type IndexNumberSettings = { organizationCode: string | null; indexNumberYearBasis: IndexNumberYearBasis; fallbackPrefix: string };

/** The settings as the console form shows them (administrators). */
export async function findIndexNumberSettings(actor: ActingUser): Promise<IndexNumberSettings> {
  assertPermitted(actor, "site_identity.manage");
  const agency = await db.agency.findFirst({ where: { isDefault: true } });
  if (!agency) throw new NotFoundError();
  return { organizationCode: agency.organizationCode, indexNumberYearBasis: agency.indexNumberYearBasis, fallbackPrefix: agency.code };
}

/** Saves the 索引号 settings (administrators); numbers already allocated to published items stay. */
export async function updateIndexNumberSettings(actor: ActingUser, input: unknown): Promise<IndexNumberSettings> {
  assertPermitted(actor, "site_identity.manage");
  const data = parseInput(indexNumberSettingsInputSchema, input);
  await db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: number }[]>`SELECT "id" FROM "Agency" WHERE "isDefault" FOR UPDATE`;
    if (!locked) throw new NotFoundError();
    const before = await tx.agency.findUniqueOrThrow({ where: { id: locked.id } });
    await tx.agency.update({ where: { id: locked.id }, data });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "index_number_settings.update",
      entityType: "Agency",
      entityId: locked.id,
      details: {
        organizationCode: { from: before.organizationCode, to: data.organizationCode },
        indexNumberYearBasis: { from: before.indexNumberYearBasis, to: data.indexNumberYearBasis },
      },
    });
  });
  return findIndexNumberSettings(actor);
}
