/**
 * The one import pipeline of Gongkai: every spreadsheet import (双公示 decisions, proposals,
 * application ledgers, inspection targets and inspectors) declares its template here and reads,
 * checks and refuses files the same way. See read-import.ts.
 */
export { maxImportBytes, maxImportMegabytes } from "./limits";
export { ImportProblemList, ImportRejectedError, rejectFile, type ImportProblem } from "./problems";
export {
  assertImportSize,
  readImport,
  type ImportedRow,
  type ImportFile,
  type ImportRowContext,
  type ImportSheet,
  type ReadImportOptions,
} from "./read-import";
export {
  buildSpreadsheetDownload,
  buildTemplateDownload,
  CellProblem,
  defineImportTemplate,
  isTemplateFormat,
  optionalDate,
  problem,
  requiredDate,
  requiredText,
  schemaCell,
  spreadsheetResponse,
  templateHeaders,
  templateKeys,
  templateSheetColumns,
  type ImportColumn,
  type ImportColumnKey,
  type ImportColumns,
  type ImportRowValues,
  type ImportTemplate,
  type ImportValues,
  type SpreadsheetDownload,
  type TemplateFormat,
} from "./template";
