import type { CsvEncoding } from "./csv";
import { spreadsheetMessages } from "./messages";
import {
  detectSpreadsheetFormat,
  readSpreadsheetRows,
  UnreadableSpreadsheetError,
  type SheetRow,
  type SpreadsheetFormat,
  type SpreadsheetProblem,
} from "./read-spreadsheet";

/** A column a table is expected to have: the key the caller uses and the header text users see. */
export type TableColumn<Key extends string = string> = {
  key: Key;
  header: string;
  /** Other header texts accepted for the same column (older templates, units in brackets). */
  aliases?: readonly string[];
  /** The column itself must be present (its cells may still be blank). */
  required?: boolean;
};

/** A data row: the sheet's row number, each column's trimmed text, and the columns whose .xlsx cell was a number. */
export type TableRow<Key extends string = string> = { rowNumber: number; values: Record<Key, string>; numericKeys?: Key[] };

export type ReadTableResult<Key extends string = string> = {
  format: SpreadsheetFormat | null;
  headerRowNumber: number | null;
  /** The keys of the columns found in the header row, in the file's order. */
  columnsPresent: Key[];
  rows: TableRow<Key>[];
  /** Problems with the file or its header row; empty when the rows can be used. */
  problems: SpreadsheetProblem[];
};

export type ReadTableOptions<Key extends string> = {
  columns: readonly TableColumn<Key>[];
  fileName?: string;
  format?: SpreadsheetFormat;
  /** The encoding of a CSV file; by default UTF-8, else GB18030 (see decodeCsvBytes). */
  csvEncoding?: CsvEncoding;
  /** `reject` reports header cells that name no known column (default: ignore them). */
  unknownColumns?: "ignore" | "reject";
  /** More data rows than this is a problem rather than a slow request (default 50,000). */
  maxRows?: number;
};

const defaultMaxRows = 50_000;
// How far down a title or note above the header row may reach.
const headerSearchDepth = 10;

/**
 * Header text as people vary it: spaces, full-width brackets, a required-marker star or
 * "(必填)" do not make a different column.
 */
export function normaliseHeader(text: string): string {
  return text
    .replace(/[\s\u3000]+/g, "")
    .replaceAll("（", "(")
    .replaceAll("）", ")")
    .replace(/\((必填|选填|可选)\)/g, "")
    .replace(/^[*＊]+|[*＊]+$/g, "")
    .toLowerCase();
}

function headerLookup<Key extends string>(columns: readonly TableColumn<Key>[]): Map<string, TableColumn<Key>> {
  const lookup = new Map<string, TableColumn<Key>>();
  for (const column of columns) {
    for (const text of [column.header, ...(column.aliases ?? [])]) lookup.set(normaliseHeader(text), column);
  }
  return lookup;
}

function findHeaderRow<Key extends string>(rows: SheetRow[], lookup: Map<string, TableColumn<Key>>): number {
  const candidates = rows.slice(0, headerSearchDepth);
  const index = candidates.findIndex((row) => row.cells.some((cell) => lookup.has(normaliseHeader(cell))));
  return index === -1 ? 0 : index;
}

/**
 * Reads a sheet whose first row (or a row below a title) names its columns, and maps every data
 * row to the caller's keys; rows blank in every one of the caller's columns are skipped. Header
 * problems (a missing required column, the same column twice, an unknown column when rejected,
 * no data) come back as `problems`; cell values are returned as trimmed text for the caller to
 * validate. lib/imports builds the product's imports on this.
 */
export async function readTable<Key extends string>(bytes: Uint8Array, options: ReadTableOptions<Key>): Promise<ReadTableResult<Key>> {
  const empty = (format: SpreadsheetFormat | null, problem: SpreadsheetProblem): ReadTableResult<Key> => ({
    format,
    headerRowNumber: null,
    columnsPresent: [],
    rows: [],
    problems: [problem],
  });
  let format: SpreadsheetFormat;
  let sheetRows: SheetRow[];
  try {
    format = options.format ?? detectSpreadsheetFormat(bytes, options.fileName);
    sheetRows = await readSpreadsheetRows(bytes, format, options.fileName, options.csvEncoding);
  } catch (error) {
    if (error instanceof UnreadableSpreadsheetError) return empty(null, { row: null, column: null, message: error.message });
    throw error;
  }
  if (!sheetRows.length) return empty(format, { row: null, column: null, message: spreadsheetMessages.emptyFile });

  const lookup = headerLookup(options.columns);
  const headerIndex = findHeaderRow(sheetRows, lookup);
  const header = sheetRows[headerIndex];
  const problems: SpreadsheetProblem[] = [];
  const positions = new Map<Key, number>();
  header.cells.forEach((cell, position) => {
    const text = cell.trim();
    if (!text) return;
    const column = lookup.get(normaliseHeader(text));
    if (!column) {
      if (options.unknownColumns === "reject") problems.push({ row: header.rowNumber, column: text, message: spreadsheetMessages.unknownColumn });
      return;
    }
    if (positions.has(column.key)) {
      problems.push({ row: header.rowNumber, column: column.header, message: spreadsheetMessages.duplicateColumn });
      return;
    }
    positions.set(column.key, position);
  });
  for (const column of options.columns) {
    if (column.required && !positions.has(column.key))
      problems.push({ row: header.rowNumber, column: column.header, message: spreadsheetMessages.missingColumn });
  }

  const maxRows = options.maxRows ?? defaultMaxRows;
  const rows: TableRow<Key>[] = [];
  const keyAt = new Map([...positions].map(([key, position]) => [position, key]));
  for (const row of sheetRows.slice(headerIndex + 1)) {
    const values = {} as Record<Key, string>;
    let blank = true;
    for (const column of options.columns) {
      const position = positions.get(column.key);
      const value = position === undefined ? "" : (row.cells[position] ?? "").trim();
      if (value) blank = false;
      values[column.key] = value;
    }
    // A row with text only outside the table's columns (a pre-numbered 序号, a note) is not data.
    if (blank) continue;
    const numericKeys = row.numericCells?.map((position) => keyAt.get(position)).filter((key): key is Key => key !== undefined);
    rows.push(numericKeys?.length ? { rowNumber: row.rowNumber, values, numericKeys } : { rowNumber: row.rowNumber, values });
    if (rows.length > maxRows) break;
  }
  if (rows.length > maxRows) problems.push({ row: null, column: null, message: spreadsheetMessages.tooManyRows(maxRows) });
  else if (!rows.length) problems.push({ row: null, column: null, message: spreadsheetMessages.noDataRows });
  return { format, headerRowNumber: header.rowNumber, columnsPresent: [...positions.keys()], rows: problems.length ? [] : rows, problems };
}
