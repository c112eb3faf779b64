import { contentDispositionFor } from "@/lib/attachments/content-disposition";
import { messages } from "@/lib/i18n";
import { parseSpreadsheetDate, writeCsv, writeXlsx, type SheetCell, type SheetColumn } from "@/lib/spreadsheets";

/**
 * An import's template, declared once by each importer: the columns (Chinese header, whether the
 * file must have the column, how a cell is parsed), the sheet's name and the download's name.
 * The pipeline reads files by it (read-import.ts) and the template download is written from it,
 * so the two cannot disagree.
 */

/** Thrown by a cell parser to refuse the cell; `problem(message)` throws it. */
export class CellProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CellProblem";
  }
}

/** Refuses the cell being parsed with a message for the user. */
export function problem(message: string): never {
  throw new CellProblem(message);
}

export type ImportColumn<Value = string> = {
  /** The Chinese column name: the template's header and the `column` of every problem. */
  header: string;
  /** Other header texts read as this column (older templates, units in brackets). */
  aliases?: readonly string[];
  /** The file must have this column (its cells may still be blank unless `parse` refuses them). */
  required?: boolean;
  /** Turns the cell's trimmed text into the value, or refuses it with `problem(message)`. Default: the text. */
  parse?: (text: string) => Value;
  /** No two rows may have the same (non-empty) value: the message for a later row names the first. */
  unique?: boolean;
  /** In the template, Excel keeps the column as text (codes with leading zeros or many digits). */
  text?: boolean;
  /**
   * A long digit code (credit code, ID or certificate number): a problem in a cell that Excel
   * stored as a number says that Excel has dropped its digits past the 15th.
   */
  longCode?: boolean;
  /** Shown as a comment on the template's header cell: what to enter and in which form. */
  note?: string;
  /** Template column width in characters. */
  width?: number;
};

/** Each column parses to its own type; ImportValues recovers them. */
export type ImportColumns = Record<string, ImportColumn<unknown>>;

/** The parsed values of one row: each column's `parse` result, or its text. */
export type ImportValues<Columns extends ImportColumns> = {
  [Key in keyof Columns]: Columns[Key] extends { parse: (text: string) => infer Value } ? Value : string;
};

/** The values of a row whose cells may have been refused: a refused cell has no value. */
export type ImportRowValues<Columns extends ImportColumns> = {
  [Key in keyof Columns]: Columns[Key] extends { parse: (text: string) => infer Value } ? Value | undefined : string;
};

export type ImportTemplate<Columns extends ImportColumns = ImportColumns> = {
  /** The download's name without extension, e.g. 依申请公开台账模板. */
  fileName: string;
  sheetName: string;
  /** In template order: the header row of the download. */
  columns: Columns;
  /** More data rows than this refuse the file (a request must stay short). */
  maxRows: number;
  /** `reject`: a header naming no column of the template is a problem (default: ignored). */
  unknownColumns?: "ignore" | "reject";
  /** Example rows written into the template below the header. */
  examples?: readonly (readonly SheetCell[])[];
};

export function defineImportTemplate<Columns extends ImportColumns>(template: ImportTemplate<Columns>): ImportTemplate<Columns> {
  return template;
}

export type ImportColumnKey<Columns extends ImportColumns> = Extract<keyof Columns, string>;

export function templateKeys<Columns extends ImportColumns>(template: ImportTemplate<Columns>): ImportColumnKey<Columns>[] {
  return Object.keys(template.columns) as ImportColumnKey<Columns>[];
}

export function templateHeaders(template: ImportTemplate): string[] {
  return Object.values(template.columns).map((column) => column.header);
}

// ─── Common cell parsers ───────────────────────────────────────────────────────────────────────

const cells = messages.imports.cells;

/** Text that must be filled in, at most `max` characters. */
export function requiredText(header: string, max: number): (text: string) => string {
  return (text) => {
    if (!text) problem(cells.required(header));
    if (text.length > max) problem(cells.tooLong(header, max));
    return text;
  };
}

/** A calendar day as people type it (2019-03-01, 2019/3/1, 2019年3月1日, an Excel date) → YYYY-MM-DD; blank → null. */
export function optionalDate(text: string): string | null {
  if (!text) return null;
  return parseSpreadsheetDate(text) ?? problem(cells.invalidDate(text));
}

/** A calendar day that must be filled in. */
export function requiredDate(header: string): (text: string) => string {
  return (text) => optionalDate(text) ?? problem(cells.required(header));
}

/**
 * A cell checked by a zod schema (the same field schema as the console form and the API): the
 * schema's output, or its first issue as the cell's problem.
 */
export function schemaCell<Output>(schema: {
  safeParse(input: unknown): { success: true; data: Output } | { success: false; error: { issues: readonly { message: string }[] } };
}): (text: string) => Output {
  return (text) => {
    const result = schema.safeParse(text);
    return result.success ? result.data : problem(result.error.issues[0]?.message ?? cells.invalid);
  };
}

// ─── Template downloads ────────────────────────────────────────────────────────────────────────

export type TemplateFormat = "xlsx" | "csv";

export function isTemplateFormat(value: unknown): value is TemplateFormat {
  return value === "xlsx" || value === "csv";
}

export type SpreadsheetDownload = { fileName: string; contentType: string; body: Uint8Array };

export const spreadsheetContentTypes: Record<TemplateFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
};

/** The template's columns as the spreadsheet writer takes them. */
export function templateSheetColumns(template: ImportTemplate): SheetColumn[] {
  return Object.values(template.columns).map((column) => ({
    header: column.header,
    text: column.text || column.longCode,
    note: column.note,
    width: column.width,
  }));
}

/** A spreadsheet of the template's columns (header row, then `rows`) as a download. */
export async function buildSpreadsheetDownload(
  template: ImportTemplate,
  format: TemplateFormat,
  fileName: string,
  rows: readonly (readonly SheetCell[])[],
): Promise<SpreadsheetDownload> {
  const spec = { name: template.sheetName, columns: templateSheetColumns(template), rows };
  const body = format === "xlsx" ? new Uint8Array(await writeXlsx([spec])) : new TextEncoder().encode(writeCsv(spec));
  return { fileName: `${fileName}.${format}`, contentType: spreadsheetContentTypes[format], body };
}

/** The empty template (with its example rows) as .xlsx or .csv (UTF-8 with BOM). */
export function buildTemplateDownload(template: ImportTemplate, format: TemplateFormat = "xlsx"): Promise<SpreadsheetDownload> {
  return buildSpreadsheetDownload(template, format, template.fileName, template.examples ?? []);
}

/** The HTTP response that downloads a spreadsheet. */
export function spreadsheetResponse(download: SpreadsheetDownload): Response {
  return new Response(new Uint8Array(download.body), {
    headers: {
      "Content-Type": download.contentType,
      "Content-Length": String(download.body.byteLength),
      "Content-Disposition": contentDispositionFor(download.fileName),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
