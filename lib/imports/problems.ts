import { AppError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import type { SpreadsheetProblem } from "@/lib/spreadsheets";

/**
 * One problem of an imported file: `row` is the row number the user sees in the spreadsheet
 * program (the header is usually row 1), `column` the Chinese header of the template's column;
 * both are null for a problem of the whole file (unreadable, too large, no data rows). The one
 * problem type: the spreadsheet reader's own (header) problems are the same type.
 */
export type ImportProblem = SpreadsheetProblem;

/**
 * The one error of a refused import: nothing was stored. The API answers it with 422
 * `{errors: [{row, column, message}], error: {code: "import_rejected", message}}`
 * (lib/api/respond.ts); console forms list the problems (lib/forms/run-form-action.ts,
 * components/forms/import-problems.tsx).
 */
export class ImportRejectedError extends AppError {
  constructor(readonly problems: ImportProblem[]) {
    super(422, "import_rejected", messages.imports.rejected(problems.length));
    this.name = "ImportRejectedError";
  }
}

/** Refuses a file for one reason that concerns the whole file. */
export function rejectFile(message: string): never {
  throw new ImportRejectedError([{ row: null, column: null, message }]);
}

/**
 * Collects the problems of one file, naming columns by their template header, so that every
 * problem can be reported at once. Listed by row, then in the template's column order.
 */
export class ImportProblemList<Key extends string = string> {
  private readonly problems: ImportProblem[] = [];

  constructor(
    private readonly headerOf: (key: Key) => string,
    private readonly columnOrder: readonly string[] = [],
  ) {}

  /** A problem of one cell (`key` names the template's column) or, with `key` null, of the row. */
  add(row: number | null, key: Key | null, message: string): void {
    this.problems.push({ row, column: key === null ? null : this.headerOf(key), message });
  }

  get count(): number {
    return this.problems.length;
  }

  /** The problems in reading order: the whole file first, then by row, then left to right. */
  list(): ImportProblem[] {
    const position = (column: string | null) => {
      if (column === null) return -1;
      const index = this.columnOrder.indexOf(column);
      return index === -1 ? this.columnOrder.length : index;
    };
    return [...this.problems].sort((first, second) => (first.row ?? 0) - (second.row ?? 0) || position(first.column) - position(second.column));
  }

  /** Throws ImportRejectedError with every problem, if there is any. */
  rejectIfAny(): void {
    if (this.problems.length) throw new ImportRejectedError(this.list());
  }
}
