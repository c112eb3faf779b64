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
 * Items first published in the year, by channel (an item may be on several channels). Counted in
 * SQL: a province-scale site publishes 100,000 items a year, too many to read into the process.
 */
export async function countItemsPublishedInYear(year: number): Promise<ItemPublicationFigures> {
  const { start, end } = beijingYearBounds(year);
  // One pass over the year's items (index-only: prisma/migrations/20261218120000_report_covering_indexes),
  // counted twice: in all, and per channel.
  const [{ totals, channels }] = await db.$queryRaw<
    { totals: { published: number; onWebsite: number; onTime: number; late: number }; channels: { channel: string; items: number }[] | null }[]
  >`
    WITH year_items AS MATERIALIZED (
      SELECT r."channels", i."publishedOnTime"
        FROM "Item" i JOIN "ItemRevision" r ON r."id" = i."publishedRevisionId"
       WHERE i."publishedAt" >= ${start} AND i."publishedAt" < ${end})
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

/**
 * 规章 or 行政规范性文件 of the year (国办公开办函〔2021〕30号, Table 2, 第二十条第（一）项), counting only
 * documents this agency issued itself (not a higher authority's document it reposts) and dating
 * each by its 成文日期 (the 信息形成日期 when none was entered), not by the day the website
 * published it: an old document entered this year to complete the catalogue was not 本年制发.
 * - 本年制发: written in the year;
 * - 本年废止: repealed (or expired) in the year;
 * - 现行有效: written by the year's end, neither ended nor withdrawn by then.
 * Counted in SQL, like the items above.
 */
async function countDocuments(year: number, slugs: string[]): Promise<Table2["regulations"]> {
  if (!slugs.length) return { issued: 0, repealed: 0, inForce: 0 };
  const { end } = beijingYearBounds(year);
  const yearStartDay = `${year}-01-01`;
  const yearEndDay = `${year}-12-31`;
  const [row] = await db.$queryRaw<Table2["regulations"][]>`
    SELECT count(*) FILTER (WHERE d."writtenDay" >= ${yearStartDay}::date AND d."writtenDay" <= ${yearEndDay}::date)::int AS "issued",
           count(*) FILTER (WHERE d."ended" AND d."validityDate" >= ${yearStartDay}::date AND d."validityDate" <= ${yearEndDay}::date)::int AS "repealed",
           count(*) FILTER (WHERE d."writtenDay" <= ${yearEndDay}::date
                              AND NOT (d."ended" AND d."validityDate" <= ${yearEndDay}::date)
                              AND NOT (d."withdrawnAt" IS NOT NULL AND d."withdrawnAt" < ${end}))::int AS "inForce"
      FROM (SELECT i."withdrawnAt", r."validityDate", COALESCE(r."writtenAt", r."formedAt") AS "writtenDay",
                   (r."validity" IN ('repealed', 'expired') AND r."validityDate" IS NOT NULL) AS "ended"
              FROM "Item" i
              JOIN "ItemRevision" r ON r."id" = i."publishedRevisionId"
              JOIN "Category" c ON c."id" = r."categoryId"
             WHERE c."slug" = ANY(${slugs}::text[]) AND r."externalIssuingBody" IS NULL) d`;
  return row;
}

/** Table 2's first block: 规章 and 行政规范性文件 from the items in those categories. */
export async function countNormativeDocuments(year: number): Promise<Pick<Table2, "regulations" | "normativeDocuments">> {
  const [regulations, normativeDocuments] = await Promise.all([
    countDocuments(year, regulationCategorySlugs),
    countDocuments(year, normativeDocumentCategorySlugs),
  ]);
  return { regulations, normativeDocuments };
}
