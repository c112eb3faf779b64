/**
 * `npm run test:dates`: runs the unit and integration suites again with the system clock of the
 * whole process tree (Node and the embedded PostgreSQL) set to days on which date arithmetic goes
 * wrong, through Debian's `faketime`. The product reads time only through lib/clock.ts and the tests
 * pin it, so every run must pass whatever day it is.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { selectTestFiles } from "./test-files";

// Times are UTC (the machines' zone); the comments give the day in Beijing.
const dates = [
  { at: "2026-12-05 02:00:00", why: "a Saturday (10:00 in Beijing)" },
  { at: "2026-02-14 01:30:00", why: "the eve of the 2026 Spring Festival holiday, an adjusted working Saturday (09:30)" },
  { at: "2026-12-31 15:30:00", why: "31 December, half an hour before the year ends in Beijing (23:30)" },
];

if (spawnSync("faketime", ["--version"], { stdio: "ignore" }).status !== 0) {
  console.error("`faketime` is needed to run the suites on fixed dates: `apt-get install -y faketime` (Debian/Ubuntu).");
  process.exit(1);
}

/**
 * Integration files that involve no calendar: the process, the schema, the routes' shape and the
 * permissions, file storage, the replica and the job lock, with real timers. They run on the real clock in test:integration; under faketime
 * PostgreSQL's own timers misbehave (a 300 ms statement limit let a 1 s statement finish), and
 * running them on the dates too would only add minutes to every landing. A test
 * that reads a date belongs in a file that is not on this list.
 */
const calendarFree = [
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
const calendarFreeUnits = [
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
  "upload-decompression",
  "validation",
];

/**
 * The unit and integration files of the calendar are dealt out over the dates, each to one (in name
 * order, round robin): three whole dated runs took a third of the CI run (about 9 of 27 minutes). A
 * clock leak shows on any of these days against the Wednesday the tests pin, so one odd day per
 * file keeps it from landing. `TEST_DATES_ALL=1` runs every file on every date.
 */
const only = process.argv.slice(2);
const allOnEveryDate = process.env.TEST_DATES_ALL === "1";
const filesOfTheCalendar = {
  "test:unit": selectTestFiles(process.cwd(), path.join("tests", "unit"), [...only, ...calendarFreeUnits.map((name) => `!${name}`)]),
  "test:integration": selectTestFiles(process.cwd(), path.join("tests", "integration"), [...only, ...calendarFree.map((name) => `!${name}`)]),
};
const filesOn = (suite: keyof typeof filesOfTheCalendar, dateIndex: number) =>
  allOnEveryDate ? filesOfTheCalendar[suite] : filesOfTheCalendar[suite].filter((_, index) => index % dates.length === dateIndex);

for (const [dateIndex, { at, why }] of dates.entries()) {
  for (const suite of ["test:unit", "test:integration"] as const) {
    const files = filesOn(suite, dateIndex);
    if (files.length === 0) continue;
    console.log(`\n[test:dates] ${suite} on ${at} UTC — ${why}`);
    // Each runner is given its files by name (a part of a path picks the files that contain it).
    const run = spawnSync("faketime", [at, "npm", "run", "--silent", suite, "--", ...files], {
      stdio: "inherit",
      // Under faketime PostgreSQL's statement timer fires at its first alarm whatever the limit (a
      // login attempt waiting a second for its lock, past deadlock_timeout, was cancelled), so the
      // dated runs set no limit; the limit itself is tested on the real clock
      // (tests/integration/database-timeouts.test.ts).
      env: { ...process.env, FAKETIME_DONT_FAKE_MONOTONIC: "1", DATABASE_STATEMENT_TIMEOUT_S: "0" },
    });
    if (run.status !== 0) {
      console.error(`[test:dates] ${suite} failed on ${at} UTC (${why}).`);
      process.exit(run.status ?? 1);
    }
  }
}
