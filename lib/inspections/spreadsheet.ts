import "server-only";
import ExcelJS from "exceljs";
import { assertZipWithinLimits, ZipLimitError } from "@/lib/attachments/zip-limits";
import { messages } from "@/lib/i18n";

/**
 * Reading the 名录库 import files (.xlsx) and writing their templates. The first worksheet is read;
 * row 1 holds the Chinese column names, in any order; data starts at row 2.
 */

export type ImportProblem = { row: number; column: string; message: string };

export type SheetRow = { row: number; values: Record<string, string>; numericCells: Set<string> };

export type SheetReadResult = { ok: true; rows: SheetRow[] } | { ok: false; problems: ImportProblem[] };

export const maximumImportRows = 10_000;
export const maximumImportBytes = 10 * 1024 * 1024;

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (value && typeof value === "object" && "result" in value && value.result instanceof Date) return value.result.toISOString().slice(0, 10);
  return (cell.text ?? "").replace(/\u00a0/g, " ").trim();
}

export async function readSheet(data: Buffer, columns: readonly string[], fileName?: string): Promise<SheetReadResult> {
  if (data.length === 0) return { ok: false, problems: [{ row: 0, column: "", message: messages.common.imports.fileEmpty }] };
  if (data.length > maximumImportBytes) return { ok: false, problems: [{ row: 0, column: "", message: messages.common.imports.fileTooLargeSplit(maximumImportBytes / 1024 / 1024) }] };
  // exceljs inflates the whole workbook in memory: a zip bomb is refused before it gets there.
  try {
    await assertZipWithinLimits(data, fileName);
  } catch (error) {
    if (!(error instanceof ZipLimitError)) throw error;
    if (error.reason === "unreadable") return { ok: false, problems: [{ row: 0, column: "", message: messages.common.imports.unreadableExcel }] };
    return { ok: false, problems: [{ row: 0, column: "", message: error.message }] };
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return { ok: false, problems: [{ row: 0, column: "", message: messages.common.imports.unreadableExcel }] };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, problems: [{ row: 0, column: "", message: messages.common.imports.noWorksheet }] };

  const header = sheet.getRow(1);
  const columnIndex = new Map<string, number>();
  header.eachCell({ includeEmpty: false }, (cell, index) => {
    const name = cellText(cell).replace(/\s+/g, "").replace(/[*＊]$/, "");
    if (name && !columnIndex.has(name)) columnIndex.set(name, index);
  });
  const missing = columns.filter((column) => !columnIndex.has(column));
  if (missing.length) return { ok: false, problems: missing.map((column) => ({ row: 1, column, message: messages.common.imports.columnMissing })) };

  const rows: SheetRow[] = [];
  for (let rowNumber = 2; rowNumber <= sheet.rowCount; rowNumber++) {
    const row = sheet.getRow(rowNumber);
    const values: Record<string, string> = {};
    const numericCells = new Set<string>();
    for (const column of columns) {
      const cell = row.getCell(columnIndex.get(column)!);
      values[column] = cellText(cell);
      if (typeof cell.value === "number") numericCells.add(column);
    }
    if (columns.every((column) => values[column] === "")) continue;
    rows.push({ row: rowNumber, values, numericCells });
    if (rows.length > maximumImportRows) {
      return { ok: false, problems: [{ row: rowNumber, column: "", message: messages.common.imports.tooManyRows(maximumImportRows) }] };
    }
  }
  if (!rows.length) return { ok: false, problems: [{ row: 2, column: "", message: messages.common.imports.noDataRows }] };
  return { ok: true, rows };
}

/** A template: the header row, text-formatted columns (so long codes keep every digit) and examples. */
export async function buildTemplate(sheetName: string, columns: readonly { name: string; width: number; text?: boolean; note?: string }[], examples: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = columns.map((column) => ({ header: column.name, width: column.width, style: column.text ? { numFmt: "@" } : {} }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  columns.forEach((column, index) => {
    if (column.note) header.getCell(index + 1).note = column.note;
  });
  for (const example of examples) sheet.addRow(example);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
