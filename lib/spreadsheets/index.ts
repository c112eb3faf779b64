/**
 * Reading and writing spreadsheets (.xlsx through exceljs, .csv in UTF-8 with or without BOM or
 * in GB18030), with no knowledge of what the rows mean: the import pipeline (lib/imports), the
 * exports and the templates build on these.
 */
export { CsvEncodingError, decodeCsvBytes, formatCsv, neutraliseFormula, parseCsv, restoreNeutralisedFormula, type CsvCell, type CsvEncoding } from "./csv";
export { parseSpreadsheetDate } from "./dates";
export {
  cellValueToText,
  detectSpreadsheetFormat,
  formatSpreadsheetDate,
  readSpreadsheetRows,
  UnreadableSpreadsheetError,
  type SheetRow,
  type SpreadsheetFormat,
  type SpreadsheetProblem,
} from "./read-spreadsheet";
export { normaliseHeader, readTable, type ReadTableOptions, type ReadTableResult, type TableColumn, type TableRow } from "./read-table";
export { writeCsv, writeXlsx, type SheetCell, type SheetColumn, type SheetSpec } from "./write-spreadsheet";
