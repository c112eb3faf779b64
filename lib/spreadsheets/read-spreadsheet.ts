import ExcelJS from "exceljs";
import { assertZipWithinLimits, ZipLimitError } from "@/lib/attachments/zip-limits";
import { CsvEncodingError, decodeCsvBytes, parseCsv, restoreNeutralisedFormula, type CsvEncoding } from "./csv";
import { spreadsheetMessages } from "./messages";

export type SpreadsheetFormat = "xlsx" | "csv";

/** A problem with a file or one of its cells. `row` is the 1-based row of the sheet, `column` the header text. */
export type SpreadsheetProblem = { row: number | null; column: string | null; message: string };

/** Thrown when a file cannot be read as a spreadsheet at all. */
export class UnreadableSpreadsheetError extends Error {
  constructor(message: string) {
    super(message);
  }
}

/**
 * One non-empty row of a sheet: its 1-based row number and the text of each cell. `numericCells`
 * lists the (0-based) positions of .xlsx cells stored as numbers: Excel keeps only 15 digits of
 * those, so a long code typed into one has already lost its last digits.
 */
export type SheetRow = { rowNumber: number; cells: string[]; numericCells?: number[] };

const zipSignature = [0x50, 0x4b, 0x03, 0x04];
// The old binary .xls (and .doc) format: an OLE compound file.
const oleSignature = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

/**
 * Which reader a file needs, from its content (a zip is .xlsx) and, for text, its name. Throws
 * UnreadableSpreadsheetError for .xls and anything else that is neither.
 */
export function detectSpreadsheetFormat(bytes: Uint8Array, fileName = ""): SpreadsheetFormat {
  if (bytes.byteLength === 0) throw new UnreadableSpreadsheetError(spreadsheetMessages.emptyFile);
  if (startsWith(bytes, zipSignature)) return "xlsx";
  if (startsWith(bytes, oleSignature)) throw new UnreadableSpreadsheetError(spreadsheetMessages.legacyXls);
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension && extension !== "csv" && extension !== "txt") throw new UnreadableSpreadsheetError(spreadsheetMessages.unsupportedType);
  // Text files have no NUL bytes in UTF-8 or GB18030.
  if (bytes.subarray(0, 4096).includes(0)) throw new UnreadableSpreadsheetError(spreadsheetMessages.unsupportedType);
  return "csv";
}

function twoDigits(value: number): string {
  return String(value).padStart(2, "0");
}

/**
 * Excel stores dates as day numbers without a time zone; exceljs hands them over as UTC instants,
 * so the UTC fields are the calendar day (and time) the user typed.
 */
export function formatSpreadsheetDate(value: Date): string {
  if (Number.isNaN(value.getTime())) return "";
  const day = `${value.getUTCFullYear()}-${twoDigits(value.getUTCMonth() + 1)}-${twoDigits(value.getUTCDate())}`;
  const hasTime = value.getUTCHours() || value.getUTCMinutes() || value.getUTCSeconds();
  return hasTime ? `${day} ${twoDigits(value.getUTCHours())}:${twoDigits(value.getUTCMinutes())}:${twoDigits(value.getUTCSeconds())}` : day;
}

/** The text of one exceljs cell value, whatever kind of value it is. */
export function cellValueToText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return formatSpreadsheetDate(value);
  if (typeof value === "object") {
    if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((part) => part.text).join("");
    if ("formula" in value || "sharedFormula" in value) return cellValueToText((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("error" in value) return String((value as ExcelJS.CellErrorValue).error);
  }
  return String(value);
}

async function readXlsxRows(bytes: Uint8Array, fileName?: string): Promise<SheetRow[]> {
  // exceljs inflates the whole workbook in memory: a zip bomb is refused before it gets there.
  try {
    await assertZipWithinLimits(bytes, fileName);
  } catch (error) {
    if (error instanceof ZipLimitError) throw new UnreadableSpreadsheetError(error.reason === "unreadable" ? spreadsheetMessages.corruptXlsx : error.message);
    throw error;
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    throw new UnreadableSpreadsheetError(spreadsheetMessages.corruptXlsx);
  }
  const sheet = workbook.worksheets.find((candidate) => candidate.state !== "hidden" && candidate.state !== "veryHidden") ?? workbook.worksheets[0];
  if (!sheet) throw new UnreadableSpreadsheetError(spreadsheetMessages.noSheet);
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    let numericCells: number[] | undefined;
    row.eachCell({ includeEmpty: true }, (cell, columnNumber) => {
      // Merged cells repeat the master's value only in the master cell.
      const value = cell.isMerged && cell.master !== cell ? null : cell.value;
      cells[columnNumber - 1] = cellValueToText(value);
      if (typeof value === "number") (numericCells ??= []).push(columnNumber - 1);
    });
    rows.push({ rowNumber, cells: Array.from(cells, (cell) => cell ?? ""), ...(numericCells ? { numericCells } : {}) });
  });
  return rows;
}

function readCsvRows(bytes: Uint8Array, encoding?: CsvEncoding): SheetRow[] {
  let text: string;
  try {
    text = decodeCsvBytes(bytes, encoding).text;
  } catch (error) {
    if (error instanceof CsvEncodingError) throw new UnreadableSpreadsheetError(spreadsheetMessages.undecodable);
    throw error;
  }
  return parseCsv(text).map((cells, index) => ({ rowNumber: index + 1, cells: cells.map(restoreNeutralisedFormula) }));
}

/**
 * Every row of the first visible sheet (.xlsx) or of the file (.csv) as text, skipping rows whose
 * cells are all blank. Throws UnreadableSpreadsheetError when the file is not a spreadsheet, is a
 * CSV in neither UTF-8 nor GB18030 (or not in `csvEncoding` when one is chosen), or is an .xlsx
 * beyond the decompression limits (lib/attachments/zip-limits.ts; the message names `fileName`).
 */
export async function readSpreadsheetRows(bytes: Uint8Array, format: SpreadsheetFormat, fileName?: string, csvEncoding?: CsvEncoding): Promise<SheetRow[]> {
  const rows = format === "xlsx" ? await readXlsxRows(bytes, fileName) : readCsvRows(bytes, csvEncoding);
  return rows.filter((row) => row.cells.some((cell) => cell.trim() !== ""));
}
