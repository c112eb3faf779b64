import "server-only";
import ExcelJS from "exceljs";
import { collectDescendantIds, findCategoryBySlug } from "@/lib/catalogue/catalogue-tree";
import { ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { queryPublishedItemPage } from "@/lib/items/public-items";
import type { Prisma } from "@/lib/db";

/**
 * Spreadsheet exports of the public lists (.xlsx and .csv), with the same filters as the list's
 * JSON API. Each list registers its columns and a row reader here; the route is
 * GET /api/v1/export/{list}.{xlsx|csv}.
 */
export type ExportColumn = { key: string; header: string; width?: number };
export type ExportTable = { sheetName: string; columns: ExportColumn[]; rows: Record<string, string | number | null>[] };
export type ExportableList = {
  /** Reads the rows for the query string's filters; throws ValidationError (422) for bad filters or too many rows. */
  read(params: URLSearchParams, origin: string): Promise<ExportTable>;
};

export const MAX_EXPORT_ROWS = 20_000;

function beijingYearRange(year: number): { gte: Date; lt: Date } {
  return { gte: new Date(`${year}-01-01T00:00:00+08:00`), lt: new Date(`${year + 1}-01-01T00:00:00+08:00`) };
}

const itemsExport: ExportableList = {
  async read(params, origin) {
    const revisionFilter: Prisma.ItemRevisionWhereInput = {};
    const slug = params.get("category");
    if (slug) {
      const category = await findCategoryBySlug(slug);
      if (!category) throw new ValidationError({ category: ["栏目不存在。"] });
      revisionFilter.categoryId = { in: collectDescendantIds(category) };
    }
    const issuingBody = params.get("issuingBody");
    if (issuingBody === "agency") revisionFilter.issuingSectionId = null;
    else if (issuingBody && /^\d{1,9}$/.test(issuingBody)) revisionFilter.issuingSectionId = Number(issuingBody);
    else if (issuingBody) throw new ValidationError({ issuingBody: [messages.search.errors.issuingBody] });
    const yearText = params.get("year");
    if (yearText && !/^\d{4}$/.test(yearText)) throw new ValidationError({ year: [messages.search.errors.year] });
    const where: Prisma.ItemWhereInput = { publishedRevision: revisionFilter, ...(yearText ? { publishedAt: beijingYearRange(Number(yearText)) } : {}) };
    const page = await queryPublishedItemPage(where, 1, MAX_EXPORT_ROWS + 1);
    if (page.items.length > MAX_EXPORT_ROWS) throw new ValidationError({ _: [messages.search.exports.tooMany(MAX_EXPORT_ROWS)] });
    const c = messages.search.exports.columns;
    return {
      sheetName: messages.search.exports.sheetName,
      columns: [
        { key: "indexNumber", header: c.indexNumber, width: 22 },
        { key: "title", header: c.title, width: 50 },
        { key: "category", header: c.category, width: 16 },
        { key: "issuingBody", header: c.issuingBody, width: 30 },
        { key: "documentNumber", header: c.documentNumber, width: 22 },
        { key: "writtenAt", header: c.writtenAt, width: 12 },
        { key: "publishedAt", header: c.publishedAt, width: 12 },
        { key: "validity", header: c.validity, width: 8 },
        { key: "url", header: c.url, width: 40 },
      ],
      rows: page.items.map((item) => ({
        indexNumber: item.indexNumber,
        title: item.title,
        category: item.category.name,
        issuingBody: item.issuingBody,
        documentNumber: item.documentNumber,
        writtenAt: item.writtenAt,
        publishedAt: item.publishedAt,
        validity: messages.validity[item.validity],
        url: `${origin}/items/${item.id}`,
      })),
    };
  },
};

/** Every exportable public list by name. Registers add theirs (powers, services, decisions) here. */
export const exportableLists: Record<string, ExportableList> = { items: itemsExport };

function workbookOf(table: ExportTable): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(table.sheetName);
  sheet.columns = table.columns.map((column) => ({ key: column.key, header: column.header, width: column.width ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  for (const row of table.rows) sheet.addRow(row);
  return workbook;
}

export async function renderXlsx(table: ExportTable): Promise<Uint8Array> {
  return new Uint8Array(await workbookOf(table).xlsx.writeBuffer());
}

/** CSV in UTF-8 with a byte order mark, so that Excel opens the Chinese text correctly. */
export async function renderCsv(table: ExportTable): Promise<Uint8Array> {
  const csv = Buffer.from(await workbookOf(table).csv.writeBuffer());
  return new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), csv]));
}
