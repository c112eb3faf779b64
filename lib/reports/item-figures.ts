import "server-only";
import { db } from "@/lib/db";
import type { Table2 } from "@/lib/reports/report-tables";

/** Categories whose items Table 2 counts as 规章 and as 行政规范性文件 (each its own catalogue category). */
export const regulationCategorySlugs = ["regulations"];
export const normativeDocumentCategorySlugs = ["normative-documents"];

export function beijingYearBounds(year: number): { start: Date; end: Date } {
  return { start: new Date(`${year}-01-01T00:00:00+08:00`), end: new Date(`${year + 1}-01-01T00:00:00+08:00`) };
}

export type ItemPublicationFigures = {
  published: number;
  onWebsite: number;
  elsewhereOnly: number;
  byChannel: Record<string, number>;
  onTime: number;
  late: number;
};

/**
 * An agency's items (those its sections keep) first published in the year, by channel (an item may be on several channels). Counted in
 * SQL: a province-scale site publishes 100,000 items a year, too many to read into the process.
 */
export async function countItemsPublishedInYear(year: number, scope: { agencyId: number }): Promise<ItemPublicationFigures> {
  const { start, end } = beijingYearBounds(year);
  // One pass over the year's items (index-only: prisma/migrations/20261218120000_report_covering_indexes),
  // counted twice: in all, and per channel.
  const [{ totals, channels }] = await db.$queryRaw<
    { totals: { published: number; onWebsite: number; onTime: number; late: number }; channels: { channel: string; items: number }[] | null }[]
  >`
    WITH year_items AS MATERIALIZED (
      SELECT r."channels", i."publishedOnTime"
        FROM "Item" i JOIN "ItemRevision" r ON r."id" = i."publishedRevisionId"
       WHERE i."publishedAt" >= ${start} AND i."publishedAt" < ${end}
         AND i."sectionId" IN (SELECT s."id" FROM "Section" s WHERE s."agencyId" = ${scope.agencyId}))
    SELECT (SELECT json_build_object('published', count(*), 'onWebsite', count(*) FILTER (WHERE 'website' = ANY("channels")),
                                     'onTime', count(*) FILTER (WHERE "publishedOnTime" = true),
                                     'late', count(*) FILTER (WHERE "publishedOnTime" = false))
              FROM year_items) AS "totals",
           (SELECT json_agg(json_build_object('channel', "channel", 'items', "items") ORDER BY "channel")
              FROM (SELECT c."channel", count(*)::int AS "items" FROM year_items, unnest("channels") AS c("channel") GROUP BY c."channel") counted) AS "channels"`;
  return {
    published: totals.published,
    onWebsite: totals.onWebsite,
    elsewhereOnly: totals.published - totals.onWebsite,
    byChannel: Object.fromEntries((channels ?? []).map((row) => [row.channel, row.items])),
    onTime: totals.onTime,
    late: totals.late,
  };
}

type DocumentCounts = Table2["regulations"];
const noDocuments: DocumentCounts = { issued: 0, repealed: 0, inForce: 0 };

/**
 * 规章 or 行政规范性文件 of the year (国办公开办函〔2021〕30号, Table 2, 第二十条第（一）项), counting only
 * documents the agency issued itself (not a higher authority's document it reposts) and dating
 * each by its 成文日期 (the 信息形成日期 when none was entered), not by the day the website
 * published it: an old document entered this year to complete the catalogue was not 本年制发.
 * - 本年制发: written in the year;
 * - 本年废止: repealed (or expired) in the year;
 * - 现行有效: written by the year's end, neither ended nor withdrawn by then.
 * Counted in SQL, like the items above, for each of the agencies (集约化: its sections' items) in one pass.
 */
async function countDocumentsByAgency(year: number, slugs: string[], agencyIds: readonly number[]): Promise<Map<number, DocumentCounts>> {
  if (!slugs.length || !agencyIds.length) return new Map();
  const { end } = beijingYearBounds(year);
  const yearStartDay = `${year}-01-01`;
  const yearEndDay = `${year}-12-31`;
  const rows = await db.$queryRaw<(DocumentCounts & { agencyId: number })[]>`
    SELECT d."agencyId",
           count(*) FILTER (WHERE d."writtenDay" >= ${yearStartDay}::date AND d."writtenDay" <= ${yearEndDay}::date)::int AS "issued",
           count(*) FILTER (WHERE d."ended" AND d."validityDate" >= ${yearStartDay}::date AND d."validityDate" <= ${yearEndDay}::date)::int AS "repealed",
           count(*) FILTER (WHERE d."writtenDay" <= ${yearEndDay}::date
                              AND NOT (d."ended" AND d."validityDate" <= ${yearEndDay}::date)
                              AND NOT (d."withdrawnAt" IS NOT NULL AND d."withdrawnAt" < ${end}))::int AS "inForce"
      FROM (SELECT s."agencyId", i."withdrawnAt", r."validityDate", COALESCE(r."writtenAt", r."formedAt") AS "writtenDay",
                   (r."validity" IN ('repealed', 'expired') AND r."validityDate" IS NOT NULL) AS "ended"
              FROM "Item" i
              JOIN "ItemRevision" r ON r."id" = i."publishedRevisionId"
              JOIN "Category" c ON c."id" = r."categoryId"
              JOIN "Section" s ON s."id" = i."sectionId"
             WHERE c."slug" = ANY(${slugs}::text[]) AND r."externalIssuingBody" IS NULL
               AND s."agencyId" = ANY(${[...agencyIds]}::int[])) d
     GROUP BY d."agencyId"`;
  return new Map(rows.map(({ agencyId, ...counts }) => [agencyId, counts]));
}

/** Table 2's first block for each of the agencies: 规章 and 行政规范性文件 from its items in those categories. */
export async function countNormativeDocumentsByAgency(
  year: number,
  agencyIds: readonly number[],
): Promise<Map<number, Pick<Table2, "regulations" | "normativeDocuments">>> {
  const [regulations, normativeDocuments] = await Promise.all([
    countDocumentsByAgency(year, regulationCategorySlugs, agencyIds),
    countDocumentsByAgency(year, normativeDocumentCategorySlugs, agencyIds),
  ]);
  return new Map(
    agencyIds.map((agencyId) => [
      agencyId,
      { regulations: regulations.get(agencyId) ?? noDocuments, normativeDocuments: normativeDocuments.get(agencyId) ?? noDocuments },
    ]),
  );
}

/** Table 2's first block: 规章 and 行政规范性文件 from an agency's items in those categories. */
export async function countNormativeDocuments(year: number, scope: { agencyId: number }): Promise<Pick<Table2, "regulations" | "normativeDocuments">> {
  return (await countNormativeDocumentsByAgency(year, [scope.agencyId])).get(scope.agencyId)!;
}
