/**
 * `npm run test:integration`: runs tests/integration against a real PostgreSQL. With
 * TEST_DATABASE_URL set (a maintenance database on any server) it uses that server; otherwise it
 * starts a throwaway embedded cluster for the run. Each test file creates and drops its own database
 * and runs in its own process, so files run side by side: TEST_CONCURRENCY of them at once (default 2).
 * `npm run test:integration -- items search` runs the files whose names contain "items" or
 * "search"; `-- '!fuzz'` runs all but the fuzz run; `-- --calendar-free` the files that involve no
 * calendar (below).
 */
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/database/embedded-postgres";
import { applyMigrations } from "@/lib/database/migrate";
import { buildIfStale } from "@/lib/runtime/build-fingerprint";
import { integrationFiles } from "./calendar-free-tests";
import { runTestFiles, selectTestFiles, testConcurrency } from "./test-files";
import { unusedPort } from "../tests/support/ports";
import { createEmptyDatabase, migrationsDir, TEMPLATE_DATABASE_ENV } from "../tests/support/test-database";

const root = process.cwd();
/**
 * The files that take longest (the fuzz run and the matrix over every route, the ones that start the
 * product or a second cluster), started first: in name order the run ended on one of them alone
 * while the other slot stood idle.
 */
const longestFirst = ["fuzz-handlers", "authorization-matrix", "web-processes", "schema-drift", "backup", "storage-s3", "read-replica", "web-edge"];
const rank = (file: string) => {
  const index = longestFirst.findIndex((name) => path.basename(file).startsWith(`${name}.`));
  return index === -1 ? longestFirst.length : index;
};
/**
 * `--calendar-free`: only the files that involve no calendar (scripts/calendar-free-tests.ts). `npm
 * test` runs these here, on the real clock, and every other file once in `npm run test:dates`, on
 * a fixed date; each ran in both before, and the second run of the same tests cost about three
 * minutes of every landing.
 */
const args = process.argv.slice(2);
const calendarFreeOnly = args.includes("--calendar-free");
const named = args.filter((arg) => arg !== "--calendar-free");
const selected = (calendarFreeOnly ? integrationFiles({ calendar: false, only: named }) : selectTestFiles(root, path.join("tests", "integration"), named)).sort(
  (a, b) => rank(a) - rank(b),
);
// Checked before the database starts, so that a bad value leaves nothing running.
const concurrency = testConcurrency();

let stop = async () => {};
if (!process.env.TEST_DATABASE_URL) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "gongkai-test-pg-"));
  // As root the server runs as the postgres user, which must be able to enter this directory.
  chmodSync(dataDir, 0o755);
  const port = await unusedPort();
  const server = await startEmbeddedPostgres({ databaseDir: path.join(dataDir, "postgres"), port, password: "test", throwaway: true });
  process.env.TEST_DATABASE_URL = server.urlFor("postgres");
  stop = async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

// The files that start the product (npm start) would each build the app when the build is stale, at
// the same time in the same directory, and break each other's build: it is built once, here, first.
const startsTheProduct = ["read-replica", "web-edge", "web-processes"];
if (selected.some((file) => startsTheProduct.some((name) => file.includes(name)))) {
  // `npm test` type-checks the same sources in its first stage (npm run check): not again here.
  process.env.NEXT_BUILD_TYPECHECK ??= "off";
  if (!(await buildIfStale(root, (message) => console.log(`[test:integration] ${message}`)))) {
    console.error("[test:integration] next build failed.");
    await stop();
    process.exit(1);
  }
}

// Every file's migrated database is a copy of one migrated here (tests/support/test-database.ts).
const template = await createEmptyDatabase();
await applyMigrations(template.url, migrationsDir);
process.env[TEMPLATE_DATABASE_ENV] = template.name;

const code = await runTestFiles(selected, concurrency);
await template.drop();
await stop();
process.exit(code);
