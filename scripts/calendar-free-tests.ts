/** Which test files involve no calendar: the dated runs leave them out (scripts/test-on-dates.ts). */

/**
 * Integration files that involve no calendar: the process, the schema, the routes' shape and the
 * permissions, file storage, the replica and the job lock, with real timers. They run on the real clock only (in `npm test`: `npm run
 * test:integration -- --calendar-free`); under faketime PostgreSQL's own timers misbehave (a 300 ms
 * statement limit let a 1 s statement finish). A test that reads a date belongs in a file that is
 * not on this list: it then runs in `npm test` on one of the fixed dates (scripts/test-on-dates.ts)
 * instead of the real clock.
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
