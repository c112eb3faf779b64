import "server-only";
import type { DatabaseTransaction } from "@/lib/db";

/**
 * Allocates the next 索引号 `<agency code>/<year>-<5-digit sequence>`. The per-year counter row is
 * locked by the upsert until the transaction ends, so concurrent allocations queue and a number
 * is never handed out twice; items are never deleted, so a number is never reused.
 */
export async function allocateIndexNumber(tx: DatabaseTransaction, agencyCode: string, year: number): Promise<string> {
  const rows = await tx.$queryRaw<{ lastValue: number }[]>`
    INSERT INTO "IndexNumberSequence" ("year", "lastValue") VALUES (${year}, 1)
    ON CONFLICT ("year") DO UPDATE SET "lastValue" = "IndexNumberSequence"."lastValue" + 1
    RETURNING "lastValue"`;
  return formatIndexNumber(agencyCode, year, rows[0].lastValue);
}

export function formatIndexNumber(agencyCode: string, year: number, sequence: number): string {
  return `${agencyCode}/${year}-${String(sequence).padStart(5, "0")}`;
}
