import "server-only";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { db, type DatabaseTransaction } from "@/lib/db";
import { decisionKinds } from "@/lib/decisions/decision-fields";
import { defaultPublicityMonths, maximumPublicityMonths } from "@/lib/decisions/publicity-rules";
import { ValidationError } from "@/lib/errors";
import type { DecisionKind } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { bumpPublicContentVersion } from "@/lib/public-content/content-version";

export type PublicityPeriods = Record<DecisionKind, number | null>;

/** The publicity period of each kind in months (null: no end), the defaults filled in. */
export async function loadPublicityPeriods(tx: DatabaseTransaction | typeof db = db): Promise<PublicityPeriods> {
  const rows = await tx.decisionPublicityPeriod.findMany();
  const periods = { ...defaultPublicityMonths };
  for (const row of rows) periods[row.kind] = row.months;
  return periods;
}

const monthsField = z.preprocess(
  (value) => (value === "" || value === undefined ? null : value),
  z.coerce.number().int().min(1).max(maximumPublicityMonths).nullable(),
);

/**
 * Sets the periods of the kinds given (months, or empty for no end) and recomputes the end date
 * of every decision of a changed kind, so the public list follows at once.
 */
export async function setPublicityPeriods(actor: ActingUser, input: Partial<Record<DecisionKind, unknown>>): Promise<PublicityPeriods> {
  assertPermitted(actor, "decision.configure_publicity");
  const problems: Record<string, string[]> = {};
  const wanted: Partial<PublicityPeriods> = {};
  for (const kind of decisionKinds) {
    if (!(kind in input)) continue;
    const parsed = monthsField.safeParse(input[kind]);
    if (parsed.success) wanted[kind] = parsed.data;
    else problems[kind] = [messages.registers.decisions.settings.monthsInvalid];
  }
  if (Object.keys(problems).length) throw new ValidationError(problems);
  return db.$transaction(async (tx) => {
    const before = await loadPublicityPeriods(tx);
    for (const kind of decisionKinds) {
      const months = wanted[kind];
      if (months === undefined || months === before[kind]) continue;
      await tx.decisionPublicityPeriod.upsert({ where: { kind }, create: { kind, months, updatedById: actor.id }, update: { months, updatedById: actor.id } });
      // PostgreSQL adds months as lib/decisions/publicity-rules.ts `addMonths` does.
      // Only the decisions that follow their kind's period: a penalty with a severity follows the
      // credit-repair rules, and one taken off early after 信用修复 stays off.
      if (months === null)
        await tx.$executeRaw`UPDATE "AdministrativeDecision" SET "publicUntil" = NULL
          WHERE kind = ${kind}::"DecisionKind" AND "penaltySeverity" IS NULL AND "publicityRemovedOn" IS NULL`;
      else
        await tx.$executeRaw`UPDATE "AdministrativeDecision" SET "publicUntil" = ("decisionDate" + make_interval(months => ${months}::int))::date - 1
          WHERE kind = ${kind}::"DecisionKind" AND "penaltySeverity" IS NULL AND "publicityRemovedOn" IS NULL`;
      await recordAuditEvent(tx, {
        actorId: actor.id,
        action: "decision_publicity.set",
        entityType: "DecisionPublicityPeriod",
        entityId: kind,
        details: { kind, before: before[kind], after: months },
      });
    }
    await bumpPublicContentVersion(tx);
    return loadPublicityPeriods(tx);
  });
}
