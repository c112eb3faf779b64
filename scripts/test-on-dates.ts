/**
 * `npm run test:dates`: runs the unit and integration files of the calendar with the system clock of
 * the whole process tree (Node and the embedded PostgreSQL) set to days on which date arithmetic
 * goes wrong, through Debian's `faketime`. The product reads time only through lib/clock.ts and the
 * tests pin it, so every run must pass whatever day it is. In `npm test` this is the only run of the
 * calendar's integration files (the real-clock stage runs the calendar-free ones,
 * scripts/calendar-free-tests.ts).
 */
import { spawnSync } from "node:child_process";
import { integrationFiles, unitFiles } from "./calendar-free-tests";

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
 * The unit and integration files of the calendar are dealt out over the dates, each to one (in name
 * order, round robin): three whole dated runs took a third of the CI run (about 9 of 27 minutes). A
 * clock leak shows on any of these days against the Wednesday the tests pin, so one odd day per
 * file keeps it from landing. `TEST_DATES_ALL=1` runs every file on every date.
 */
const only = process.argv.slice(2);
const allOnEveryDate = process.env.TEST_DATES_ALL === "1";
const filesOfTheCalendar = {
  "test:unit": unitFiles({ calendar: true, only }),
  "test:integration": integrationFiles({ calendar: true, only }),
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
