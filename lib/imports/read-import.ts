import { ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { readTable, type CsvEncoding, type TableRow } from "@/lib/spreadsheets";
import { maxImportBytes, maxImportMegabytes } from "./limits";
import { ImportProblemList, ImportRejectedError, rejectFile } from "./problems";
import {
  CellProblem,
  templateHeaders,
  templateKeys,
  type ImportColumnKey,
  type ImportColumns,
  type ImportRowValues,
  type ImportTemplate,
  type ImportValues,
} from "./template";

/** An uploaded file: its bytes and the name it was uploaded under (which tells .csv from .xlsx). */
export type ImportFile = { name: string; bytes: Uint8Array };

export type ImportedRow<Value> = { rowNumber: number; values: Value };

/** What a row check knows besides the values, and how it refuses a cell. */
export type ImportRowContext<Columns extends ImportColumns> = {
  rowNumber: number;
  /** Each cell's trimmed text, refused or not. */
  text: Record<ImportColumnKey<Columns>, string>;
  /** Reports a problem of this row in the column `key` (or of the whole row, with null). */
  report: (key: ImportColumnKey<Columns> | null, message: string) => void;
  /** The row's values, when no cell of it was refused; otherwise undefined (the row will not be imported). */
  complete: () => ImportValues<Columns> | undefined;
};

export type ImportSheet<Key extends string, Value> = {
  /** The rows without any problem, parsed, in file order. */
  rows: ImportedRow<Value>[];
  /** Every data row as trimmed text, problems or not (for checks against the database). */
  cells: TableRow<Key>[];
  /** Every problem found so far; the importer adds its own and calls `rejectIfAny()` before writing. */
  problems: ImportProblemList<Key>;
};

export type ReadImportOptions<Columns extends ImportColumns, Value> = {
  /**
   * The checks that need the whole row (one date before another, a code required for one
   * category). Runs for every row, also one with a refused cell (that cell's value is then
   * undefined), so that all of a row's problems are reported at once. Returns the row's value
   * (usually from `context.complete()`); a row with any problem is dropped.
   */
  row?: (values: ImportRowValues<Columns>, context: ImportRowContext<Columns>) => Value | undefined;
  /** Read a CSV file in this encoding instead of detecting UTF-8 or GB18030. */
  csvEncoding?: CsvEncoding;
};

/** Refuses a file larger than IMPORT_MAX_MB before anything reads it. */
export function assertImportSize(byteLength: number): void {
  if (byteLength > maxImportBytes()) rejectFile(messages.imports.tooLarge(maxImportMegabytes()));
}

/**
 * The import pipeline: checks the file's size, reads it as .xlsx (within the zip limits) or .csv
 * (UTF-8 with or without BOM, or GB18030), maps its header row to the template's columns by their
 * Chinese names, parses every cell of every row and runs the row check. A file that cannot be
 * read, or whose header does not fit the template, is refused at once (ImportRejectedError);
 * otherwise every cell's problem is collected, with its row and column, and the good rows are
 * returned with the list for the importer's own checks (duplicates in the database …). The
 * importer then calls `sheet.problems.rejectIfAny()` and writes all rows in one transaction.
 */
export async function readImport<Columns extends ImportColumns, Value = ImportValues<Columns>>(
  template: ImportTemplate<Columns>,
  file: ImportFile,
  options: ReadImportOptions<Columns, Value> = {},
): Promise<ImportSheet<ImportColumnKey<Columns>, Value>> {
  type Key = ImportColumnKey<Columns>;
  if (!file.bytes.byteLength) throw new ValidationError({ file: [messages.imports.fileRequired] });
  assertImportSize(file.bytes.byteLength);
  const keys = templateKeys(template);
  const columns = template.columns;
  const table = await readTable<Key>(file.bytes, {
    columns: keys.map((key) => ({ key, header: columns[key].header, aliases: columns[key].aliases, required: columns[key].required })),
    fileName: file.name,
    unknownColumns: template.unknownColumns,
    maxRows: template.maxRows,
    csvEncoding: options.csvEncoding,
  });
  if (table.problems.length) throw new ImportRejectedError(table.problems);

  const problems = new ImportProblemList<Key>((key) => columns[key].header, templateHeaders(template));
  const firstRowOf = new Map<Key, Map<string, number>>(keys.filter((key) => columns[key].unique).map((key) => [key, new Map()]));
  const rows: ImportedRow<Value>[] = [];
  for (const row of table.rows) {
    const before = problems.count;
    const report = (key: Key | null, message: string) => {
      const numeric = key !== null && columns[key].longCode && row.numericKeys?.includes(key);
      problems.add(row.rowNumber, key, numeric ? message + messages.imports.numericCellHint : message);
    };
    const values = {} as Record<Key, unknown>;
    let refused = false;
    for (const key of keys) {
      const text = row.values[key];
      const parse = columns[key].parse;
      if (!parse) {
        values[key] = text;
      } else {
        try {
          values[key] = parse(text);
        } catch (error) {
          if (!(error instanceof CellProblem)) throw error;
          report(key, error.message);
          refused = true;
          continue;
        }
      }
      const seen = firstRowOf.get(key);
      const value = values[key];
      if (seen && (typeof value === "string" || typeof value === "number") && value !== "") {
        const first = seen.get(String(value));
        if (first === undefined) seen.set(String(value), row.rowNumber);
        else report(key, messages.imports.cells.duplicateInFile(first, columns[key].header));
      }
    }
    const complete = () => (refused ? undefined : (values as ImportValues<Columns>));
    const value = options.row
      ? options.row(values as ImportRowValues<Columns>, { rowNumber: row.rowNumber, text: row.values, report, complete })
      : (complete() as Value | undefined);
    if (problems.count === before && value !== undefined) rows.push({ rowNumber: row.rowNumber, values: value });
  }
  return { rows, cells: table.rows, problems };
}
