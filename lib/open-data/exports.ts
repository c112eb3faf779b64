import "server-only";
import ExcelJS from "exceljs";
import { needsAgencyFilter, resolvePublicAgency } from "@/lib/agency/public-agency";
import { collectDescendantIds, findCategoryBySlug } from "@/lib/catalogue/catalogue-tree";
import type { Prisma } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { queryPublishedItemPage } from "@/lib/items/public-items";
import { formatCsv } from "@/lib/spreadsheets/csv";

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

/** `agency=<code>`: every list exports the agency it names (集约化), the default agency's without it; an unknown code is 404. */
const agencyCodeOf = (params: URLSearchParams): string | undefined => params.get("agency") || undefined;

function beijingYearRange(year: number): { gte: Date; lt: Date } {
  return { gte: new Date(`${year}-01-01T00:00:00+08:00`), lt: new Date(`${year + 1}-01-01T00:00:00+08:00`) };
}

const itemsExport: ExportableList = {
  async read(params, origin) {
    const revisionFilter: Prisma.ItemRevisionWhereInput = {};
    const slug = params.get("category");
    if (slug) {
      const category = await findCategoryBySlug(slug);
      if (!category) throw new ValidationError({ category: [messages.common.notFound.category] });
      revisionFilter.categoryId = { in: collectDescendantIds(category) };
    }
    const issuingBody = params.get("issuingBody");
    // 本机关: the agency's own documents, never those reposted from another issuer.
    if (issuingBody === "agency") Object.assign(revisionFilter, { issuingSectionId: null, externalIssuingBody: null });
    else if (issuingBody && /^\d{1,9}$/.test(issuingBody)) revisionFilter.issuingSectionId = Number(issuingBody);
    else if (issuingBody) throw new ValidationError({ issuingBody: [messages.search.errors.issuingBody] });
    const yearText = params.get("year");
    if (yearText && !/^\d{4}$/.test(yearText)) throw new ValidationError({ year: [messages.search.errors.year] });
    // The items of the agency named by `agency=` (集约化), the default agency's without it, as GET /api/v1/items lists them.
    const agency = await resolvePublicAgency(agencyCodeOf(params));
    const where: Prisma.ItemWhereInput = {
      publishedRevision: revisionFilter,
      ...(yearText ? { publishedAt: beijingYearRange(Number(yearText)) } : {}),
      ...((await needsAgencyFilter(agency.id)) ? { section: { agencyId: agency.id } } : {}),
    };
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

const r = messages.search.exports.registerColumns;
const column = (key: keyof typeof r, width = 16): ExportColumn => ({ key, header: r[key], width });

/** Reads every page of a paged public list (100 a page), refusing more than MAX_EXPORT_ROWS. */
async function readAllPages<Entry>(read: (page: number) => Promise<{ total: number; items: Entry[] }>): Promise<Entry[]> {
  const first = await read(1);
  if (first.total > MAX_EXPORT_ROWS) throw new ValidationError({ _: [messages.search.exports.tooMany(MAX_EXPORT_ROWS)] });
  const entries = [...first.items];
  for (let page = 2; entries.length < first.total; page++) {
    const next = await read(page);
    if (!next.items.length) break;
    entries.push(...next.items);
  }
  return entries;
}

const yearOf = (params: URLSearchParams): number | undefined => {
  const text = params.get("year");
  if (!text) return undefined;
  if (!/^\d{4}$/.test(text)) throw new ValidationError({ year: [messages.search.errors.year] });
  return Number(text);
};

const powersExport: ExportableList = {
  async read(params, origin) {
    const { findPublicPowerList } = await import("@/lib/powers/public-powers");
    const agencyCode = agencyCodeOf(params);
    const entries = await readAllPages(async (page) => (await findPublicPowerList({ agencyCode, page, pageSize: 100 })) ?? { total: 0, items: [] });
    return {
      sheetName: messages.search.exports.sheets.powers,
      columns: [
        column("code", 14),
        column("name", 40),
        column("type", 12),
        column("section", 20),
        column("status", 8),
        column("effectiveOn", 12),
        column("legalBasis", 50),
        column("url", 36),
      ],
      rows: entries.map((entry) => ({
        code: entry.code,
        name: entry.name,
        type: messages.search.powerTypeLabels[entry.type] ?? entry.type,
        section: entry.sectionName,
        status: messages.search.powerStatusLabels[entry.status] ?? entry.status,
        effectiveOn: entry.effectiveOn,
        legalBasis: entry.legalBasis.join("；"),
        url: entry.id ? `${origin}/powers/${entry.id}` : null,
      })),
    };
  },
};

const servicesExport: ExportableList = {
  async read(params, origin) {
    const { findPublicServices } = await import("@/lib/services/public-services");
    const agencyCode = agencyCodeOf(params);
    const entries = await readAllPages((page) => findPublicServices({ agencyCode, page, pageSize: 100 }));
    return {
      sheetName: messages.search.exports.sheets.services,
      columns: [column("code", 14), column("name", 40), column("section", 20), column("timeLimitDays", 12), column("fee", 20), column("url", 36)],
      rows: entries.map((entry) => ({
        code: entry.code,
        name: entry.name,
        section: entry.sectionName,
        timeLimitDays: entry.timeLimitDays,
        fee: entry.fee,
        url: `${origin}/services/${entry.id}`,
      })),
    };
  },
};

const decisionsExport: ExportableList = {
  async read(params, origin) {
    const { findPublicDecisions } = await import("@/lib/decisions/public-decisions");
    const { readPublicDecisionQuery } = await import("@/lib/decisions/decision-query");
    const query = readPublicDecisionQuery(params);
    const entries = await readAllPages((page) => findPublicDecisions({ ...query, agencyCode: agencyCodeOf(params), page, pageSize: 100 }));
    return {
      sheetName: messages.search.exports.sheets.decisions,
      columns: [
        column("type", 10),
        column("counterpartyName", 30),
        column("creditCode", 22),
        column("documentNumber", 26),
        column("decisionDate", 12),
        column("content", 50),
        column("authorityName", 30),
        column("url", 36),
      ],
      rows: entries.map((entry) => ({
        type: messages.search.decisionKindTitles[entry.kind] ?? entry.kind,
        counterpartyName: entry.counterpartyName,
        creditCode: entry.creditCode,
        documentNumber: entry.documentNumber,
        decisionDate: entry.decisionDate,
        content: entry.content,
        authorityName: entry.authorityName,
        url: `${origin}/decisions/${entry.id}`,
      })),
    };
  },
};

const proposalsExport: ExportableList = {
  async read(params, origin) {
    const { findPublishedProposalReplies } = await import("@/lib/proposals/public-proposals");
    const { readKindParam, readYearParam } = await import("@/lib/proposals/query-params");
    const entries = await findPublishedProposalReplies({
      agencyCode: agencyCodeOf(params),
      year: readYearParam(params.get("year")),
      kind: readKindParam(params.get("kind")),
    });
    if (entries.length > MAX_EXPORT_ROWS) throw new ValidationError({ _: [messages.search.exports.tooMany(MAX_EXPORT_ROWS)] });
    return {
      sheetName: messages.search.exports.sheets.proposals,
      columns: [
        column("year", 8),
        column("session", 30),
        column("number", 10),
        column("title", 50),
        column("proposers", 20),
        column("leadSection", 20),
        column("repliedOn", 12),
        column("url", 36),
      ],
      rows: entries.map((entry) => ({
        year: entry.year,
        session: entry.session,
        number: entry.number,
        title: entry.title,
        proposers: entry.proposers.join("、"),
        leadSection: entry.leadSection,
        repliedOn: entry.repliedOn,
        url: `${origin}/proposals/${entry.id}`,
      })),
    };
  },
};

const inspectionsExport: ExportableList = {
  async read(params, origin) {
    const { findPublishedInspections } = await import("@/lib/inspections/public-inspections");
    const year = yearOf(params);
    const entries = await readAllPages((page) => findPublishedInspections({ agencyCode: agencyCodeOf(params), year, page, pageSize: 100 }));
    return {
      sheetName: messages.search.exports.sheets.inspections,
      columns: [
        column("year", 8),
        column("title", 40),
        column("items", 50),
        column("startOn", 12),
        column("endOn", 12),
        column("targetCount", 10),
        column("publishedAt", 12),
        column("url", 36),
      ],
      rows: entries.map((entry) => ({
        year: entry.year,
        title: entry.title,
        items: entry.items.join("；"),
        startOn: entry.startOn,
        endOn: entry.endOn,
        targetCount: entry.targetCount,
        publishedAt: entry.publishedAt,
        url: `${origin}/inspections/${entry.id}`,
      })),
    };
  },
};

/**
 * Every exportable public list by name, each with its JSON list's filters: items (category, year,
 * issuingBody), powers, services, decisions (kind, q, year, from, to), proposals (year, kind),
 * inspections (year). A new public list adds an entry here.
 */
export const exportableLists: Record<string, ExportableList> = {
  items: itemsExport,
  powers: powersExport,
  services: servicesExport,
  decisions: decisionsExport,
  proposals: proposalsExport,
  inspections: inspectionsExport,
};

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

/**
 * CSV in UTF-8 with a byte order mark, so that Excel opens the Chinese text correctly; a text cell
 * that would start a formula (=HYPERLINK(…), +…, -…, @…) gets a leading apostrophe (formatCsv).
 */
export async function renderCsv(table: ExportTable): Promise<Uint8Array> {
  const rows = [table.columns.map((column) => column.header), ...table.rows.map((row) => table.columns.map((column) => row[column.key]))];
  return new TextEncoder().encode(formatCsv(rows));
}
