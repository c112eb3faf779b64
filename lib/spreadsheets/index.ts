/**
 * Reading and writing spreadsheets (.xlsx through exceljs, .csv in UTF-8 with or without BOM),
 * with no knowledge of what the rows mean: the registers' imports and the annual report's ledger
 * import build on these.
 */
export { decodeCsvBytes, formatCsv, neutraliseFormula, parseCsv, restoreNeutralisedFormula, type CsvCell } from "./csv";
export { parseSpreadsheetDate } from "./dates";
export {
  cellValueToText, detectSpreadsheetFormat, formatSpreadsheetDate, readSpreadsheetRows, UnreadableSpreadsheetError,
  type SheetRow, type SpreadsheetFormat, type SpreadsheetProblem,
} from "./read-spreadsheet";
export { normaliseHeader, readTable, type ReadTableOptions, type ReadTableResult, type TableColumn, type TableRow } from "./read-table";
export { writeCsv, writeXlsx, type SheetCell, type SheetColumn, type SheetSpec } from "./write-spreadsheet";
