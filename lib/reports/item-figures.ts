import "server-only";
import { db } from "@/lib/db";
import type { Table2 } from "@/lib/reports/report-tables";

/** Categories whose items Table 2 counts as 规章 and as 行政规范性文件. */
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

/** Items first published in the year, by channel (an item may be on several channels). */
export async function countItemsPublishedInYear(year: number): Promise<ItemPublicationFigures> {
  const { start, end } = beijingYearBounds(year);
  const items = await db.item.findMany({
    where: { publishedAt: { gte: start, lt: end }, publishedRevisionId: { not: null } },
    select: { publishedOnTime: true, publishedRevision: { select: { channels: true } } },
  });
  const byChannel: Record<string, number> = {};
  let onWebsite = 0;
  for (const item of items) {
    const channels = item.publishedRevision?.channels ?? [];
    for (const channel of channels) byChannel[channel] = (byChannel[channel] ?? 0) + 1;
    if (channels.includes("website")) onWebsite++;
  }
  return {
    published: items.length,
    onWebsite,
    elsewhereOnly: items.length - onWebsite,
    byChannel,
    onTime: items.filter((item) => item.publishedOnTime === true).length,
    late: items.filter((item) => item.publishedOnTime === false).length,
  };
}

async function countDocuments(year: number, slugs: string[]): Promise<Table2["regulations"]> {
  if (!slugs.length) return { issued: 0, repealed: 0, inForce: 0 };
  const { start, end } = beijingYearBounds(year);
  const yearEndDay = new Date(`${year}-12-31T00:00:00Z`);
  const yearStartDay = new Date(`${year}-01-01T00:00:00Z`);
  const items = await db.item.findMany({
    where: { publishedRevisionId: { not: null }, publishedAt: { lt: end }, publishedRevision: { category: { slug: { in: slugs } } } },
    select: { publishedAt: true, withdrawnAt: true, publishedRevision: { select: { validity: true, validityDate: true } } },
  });
  let issued = 0;
  let repealed = 0;
  let inForce = 0;
  for (const item of items) {
    const revision = item.publishedRevision!;
    const ended = (revision.validity === "repealed" || revision.validity === "expired") && revision.validityDate !== null;
    if (item.publishedAt! >= start) issued++;
    if (ended && revision.validityDate! >= yearStartDay && revision.validityDate! <= yearEndDay) repealed++;
    const endedByYearEnd = ended && revision.validityDate! <= yearEndDay;
    const withdrawnByYearEnd = item.withdrawnAt !== null && item.withdrawnAt < end;
    if (!endedByYearEnd && !withdrawnByYearEnd) inForce++;
  }
  return { issued, repealed, inForce };
}

/** Table 2's first block: 规章 and 行政规范性文件 from the items in those categories. */
export async function countNormativeDocuments(year: number): Promise<Pick<Table2, "regulations" | "normativeDocuments">> {
  const [regulations, normativeDocuments] = await Promise.all([
    countDocuments(year, regulationCategorySlugs),
    countDocuments(year, normativeDocumentCategorySlugs),
  ]);
  return { regulations, normativeDocuments };
}
