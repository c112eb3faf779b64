import "server-only";
import { z } from "zod";
import { findDefaultAgency } from "@/lib/agency/agencies";
import { reachesEveryAgency } from "@/lib/agency/agency-scope";
import { recordAuditEvent } from "@/lib/audit/record";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { currentTime } from "@/lib/clock";
import { todayInBeijing } from "@/lib/dates";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { optionalText } from "@/lib/powers/register-schemas";
import { parseInput } from "@/lib/validation";

const t = messages.registers.feeIncome;

export type FeeIncomeEntry = { year: number; amountTenThousandYuan: string; note: string | null; updatedBy: string; updatedAt: string };

const feeIncomeSchema = z.object({
  year: z.coerce.number({ error: t.yearInvalid }).int({ error: t.yearInvalid }),
  amountTenThousandYuan: z.preprocess(
    (value) => (typeof value === "number" ? String(value) : value),
    z
      .string({ error: t.amountInvalid })
      .trim()
      .transform((value) => value.replaceAll(",", ""))
      .refine((value) => /^\d{1,10}(\.\d{1,4})?$/.test(value), { error: t.amountInvalid }),
  ),
  note: optionalText(messages.registers.validation.note, 500),
});

/** Enters (or corrects) the 行政事业性收费 of a year, in 万元. */
export async function setAnnualFeeIncome(actor: ActingUser, input: unknown, now = currentTime()): Promise<FeeIncomeEntry> {
  assertPermitted(actor, "fee_income.manage");
  const { year, amountTenThousandYuan, note } = parseInput(feeIncomeSchema, input);
  if (year < 2000 || year > Number(todayInBeijing(now).slice(0, 4))) throw new ValidationError({ year: [t.yearInvalid] });
  return db.$transaction(async (tx) => {
    // Each agency enters its own (集约化).
    const key = { agencyId_year: { agencyId: actor.agencyId, year } };
    const before = await tx.annualFeeIncome.findUnique({ where: key });
    const row = await tx.annualFeeIncome.upsert({
      where: key,
      create: { agencyId: actor.agencyId, year, amountTenThousandYuan, note, updatedById: actor.id },
      update: { amountTenThousandYuan, note, updatedById: actor.id },
      include: { updatedBy: true },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "fee_income.set",
      entityType: "AnnualFeeIncome",
      entityId: year,
      details: { year, before: before?.amountTenThousandYuan.toString() ?? null, after: row.amountTenThousandYuan.toString() },
    });
    return {
      year,
      amountTenThousandYuan: row.amountTenThousandYuan.toString(),
      note: row.note,
      updatedBy: row.updatedBy.displayName,
      updatedAt: row.updatedAt.toISOString(),
    };
  });
}

export async function listAnnualFeeIncome(actor: ActingUser): Promise<FeeIncomeEntry[]> {
  assertPermitted(actor, "registers.read_console");
  // The acting user's agency's (集约化); a platform role reads the default agency's.
  const agencyId = reachesEveryAgency(actor) ? (await findDefaultAgency()).id : actor.agencyId;
  const rows = await db.annualFeeIncome.findMany({ where: { agencyId }, orderBy: { year: "desc" }, include: { updatedBy: true } });
  return rows.map((row) => ({
    year: row.year,
    amountTenThousandYuan: row.amountTenThousandYuan.toString(),
    note: row.note,
    updatedBy: row.updatedBy.displayName,
    updatedAt: row.updatedAt.toISOString(),
  }));
}
