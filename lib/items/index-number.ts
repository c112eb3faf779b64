import "server-only";
import { beijingDayOf } from "@/lib/dates";
import type { DatabaseTransaction } from "@/lib/db";
import type { IndexNumberYearBasis } from "@/lib/generated/prisma/enums";

/**
 * Allocates the next 索引号 `<prefix>/<year>-<5-digit sequence>` of the agency with `agencyCode`
 * (each agency of the platform numbers its own). The prefix is the agency's 统一社会信用代码 or
 * 组织机构代码 once an administrator has set it (lib/agency/index-number-settings.ts), its code until
 * then. The agency's per-year counter row is locked by the upsert until the transaction ends, so
 * concurrent allocations queue and a number is never handed out twice; items are never deleted, so
 * a number is never reused.
 */
export async function allocateIndexNumber(tx: DatabaseTransaction, agencyCode: string, year: number): Promise<string> {
  const agency = await tx.agency.findUniqueOrThrow({ where: { code: agencyCode }, select: { id: true, organizationCode: true } });
  const rows = await tx.$queryRaw<{ lastValue: number }[]>`
    INSERT INTO "IndexNumberSequence" ("agencyId", "year", "lastValue") VALUES (${agency.id}, ${year}, 1)
    ON CONFLICT ("agencyId", "year") DO UPDATE SET "lastValue" = "IndexNumberSequence"."lastValue" + 1
    RETURNING "lastValue"`;
  return formatIndexNumber(agency.organizationCode ?? agencyCode, year, rows[0].lastValue);
}

export function formatIndexNumber(agencyCode: string, year: number, sequence: number): string {
  return `${agencyCode}/${year}-${String(sequence).padStart(5, "0")}`;
}

/**
 * The year a 索引号 carries: of the document's 成文日期 (its 信息形成日期 when it has none), or of
 * its publication, as the agency has chosen. Before publication the publication year is not known:
 * today's stands in, and the number is settled when the item is first published.
 */
export function indexNumberYear(basis: IndexNumberYearBasis, dates: { writtenAt: string | null; formedAt: string; publishedAt: Date }): number {
  const day = basis === "written" ? (dates.writtenAt ?? dates.formedAt) : beijingDayOf(dates.publishedAt);
  return Number(day.slice(0, 4));
}

/**
 * At an item's first publication: its 索引号 if it already has the agency's current prefix and the
 * right year, otherwise a new one. Numbers of items published before are never changed.
 */
export async function settleIndexNumberAtFirstPublication(
  tx: DatabaseTransaction,
  current: string,
  dates: { writtenAt: string | null; formedAt: string; publishedAt: Date },
  /** The section keeping the item: its agency numbers it. */
  sectionId: number,
): Promise<string> {
  const { agency } = await tx.section.findUniqueOrThrow({
    where: { id: sectionId },
    select: { agency: { select: { code: true, organizationCode: true, indexNumberYearBasis: true } } },
  });
  const year = indexNumberYear(agency.indexNumberYearBasis, dates);
  const prefix = agency.organizationCode ?? agency.code;
  if (current.startsWith(`${prefix}/${year}-`)) return current;
  return allocateIndexNumber(tx, agency.code, year);
}
