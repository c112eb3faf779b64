import path from "node:path";
import { selectTestFiles } from "./test-files";

/**
 * Which test files involve no calendar. In `npm test` they run on the real clock only (`npm run
 * test:integration -- --calendar-free`); every other file runs once, on one of the fixed dates of
 * `npm run test:dates` (scripts/test-on-dates.ts).
 */

/**
 * Integration files that involve no calendar: the process, the schema, the routes' shape and the
 * permissions, file storage, the replica and the job lock, with real timers. Under faketime
 * PostgreSQL's own timers misbehave (a 300 ms statement limit let a 1 s statement finish), so they
 * stay on the real clock. A test that reads a date belongs in a file that is not on this list.
 */
export const calendarFree = [
  "authorization-matrix",
  "backup",
  "config-start",
  "database-timeouts",
  "demo-mode",
  "fuzz-handlers",
  "job-lock",
  "migrations",
  "openapi-contract",
  "page-cache",
  "read-replica",
  "schema-drift",
  "search-term-keys-migration",
  "storage-contract",
  "storage-s3",
  "web-edge",
  "web-processes",
];

/**
 * Unit files that involve no calendar either: source-text checks (strings, layers, the security
 * and fault documents, the OpenAPI document), sanitising, screening, permissions, parsing. The
 * other unit files (dates, deadlines, fees, reports, imports, workflow…) run on the fixed dates.
 */
export const calendarFreeUnits = [
  "answer-within",
  "backup-manifest",
  "config",
  "console-kit",
  "csv-formula-injection",
  "fault-bounds-doc",
  "http-security",
  "layers",
  "nginx-config",
  "openapi-responses",
  "page-cache",
  "permissions",
  "proposals-access",
  "reading-preferences",
  "sanitize-html",
  "screening",
  "search-http-cache",
  "search-json-text",
  "search-text",
  "security-doc",
  "server-action-origin",
  "strings-catalogue",
  "test-selection",
  "upload-decompression",
  "validation",
];

/** The files of a suite's folder that the names pick (each name is part of a file name), or, with `calendar: true`, all the others; `only` narrows either. */
function filesOf(folder: "unit" | "integration", names: readonly string[], calendar: boolean, only: string[]): string[] {
  const root = process.cwd();
  const dir = path.join("tests", folder);
  const free = new Set(selectTestFiles(root, dir, [...names]));
  return selectTestFiles(root, dir, only).filter((file) => free.has(file) !== calendar);
}

/** The integration files on the real clock (`calendar: false`) or on the fixed dates (`calendar: true`). */
export function integrationFiles(options: { calendar: boolean; only?: string[] }): string[] {
  return filesOf("integration", calendarFree, options.calendar, options.only ?? []);
}

/** The unit files of the calendar (`calendar: true`, run again on the fixed dates) or the others. */
export function unitFiles(options: { calendar: boolean; only?: string[] }): string[] {
  return filesOf("unit", calendarFreeUnits, options.calendar, options.only ?? []);
}
