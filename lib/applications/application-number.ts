import "server-only";
import type { DatabaseTransaction } from "@/lib/db";

/**
 * Allocates the next application number `YSQ-<year>-<4-digit sequence>` (依申请). The per-year counter
 * row is locked by the upsert until the transaction ends, so concurrent submissions queue and a
 * number is never handed out twice.
 */
export async function allocateApplicationNumber(tx: DatabaseTransaction, year: number): Promise<string> {
  const rows = await tx.$queryRaw<{ lastValue: number }[]>`
    INSERT INTO "ApplicationNumberSequence" ("year", "lastValue") VALUES (${year}, 1)
    ON CONFLICT ("year") DO UPDATE SET "lastValue" = "ApplicationNumberSequence"."lastValue" + 1
    RETURNING "lastValue"`;
  return formatApplicationNumber(year, rows[0].lastValue);
}

export function formatApplicationNumber(year: number, sequence: number): string {
  return `YSQ-${year}-${String(sequence).padStart(4, "0")}`;
}
