import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { clockStartingAt, setClock } from "@/lib/clock";
import { useDatabaseUrl } from "@/lib/config";
import { applyMigrations } from "@/lib/database/migrate";

export type TestDatabase = { url: string; name: string; drop(): Promise<void> };

function maintenanceUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set: run integration tests with `npm run test:integration`.");
  return url;
}

function urlForDatabase(name: string): string {
  const url = new URL(maintenanceUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * The database every migrated test database is copied from, when the runner made one
 * (scripts/test-integration.ts: all migrations applied once, then `CREATE DATABASE … TEMPLATE`, a
 * file copy, for each test file instead of replaying every migration).
 */
export const TEMPLATE_DATABASE_ENV = "TEST_TEMPLATE_DATABASE";

/** A new, empty database on the test server (no migrations applied), or a copy of `template`. */
export async function createEmptyDatabase(template?: string): Promise<TestDatabase> {
  const name = `gongkai_test_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: maintenanceUrl() });
  await admin.connect();
  await admin.query(template ? `CREATE DATABASE "${name}" TEMPLATE "${template}"` : `CREATE DATABASE "${name}"`);
  await admin.end();
  return {
    url: urlForDatabase(name),
    name,
    async drop() {
      const client = new pg.Client({ connectionString: maintenanceUrl() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

export const migrationsDir = path.join(process.cwd(), "prisma", "migrations");

/**
 * The database at `url` as an installation from before a migration has it: every migration older
 * than `migration` (its folder name, or the timestamp that starts it) applied, that one and the
 * later ones not, for a test of what the migration does to existing data.
 */
export async function applyMigrationsBefore(url: string, migration: string): Promise<void> {
  const before = mkdtempSync(path.join(os.tmpdir(), "gongkai-migrations-before-"));
  try {
    for (const name of readdirSync(migrationsDir).filter((entry) => entry < migration)) {
      cpSync(path.join(migrationsDir, name), path.join(before, name), { recursive: true });
    }
    await applyMigrations(url, before);
  } finally {
    rmSync(before, { recursive: true, force: true });
  }
}

/**
 * The instant every integration test file starts at: a Wednesday and a working day, so that no test
 * depends on the day the suite runs (CI also runs each file under faketime on one of a Saturday, the
 * eve of the Spring Festival or 31 December). A test that needs another day calls `pinClock` itself.
 */
export const TEST_START = "2026-12-02T10:00:00+08:00";

/** Sets the product's clock (lib/clock.ts) to start at `instant` and run at real speed. */
export function pinClock(instant: Date | string = TEST_START): void {
  setClock(clockStartingAt(instant));
}

/**
 * A migrated throwaway database that lib/db.ts will use: DATABASE_URL points at it. Call once per
 * test file, before the first query. Pins the clock at TEST_START.
 */
export async function useMigratedTestDatabase(): Promise<TestDatabase> {
  pinClock();
  const template = process.env[TEMPLATE_DATABASE_ENV];
  const database = await createEmptyDatabase(template);
  if (!template) await applyMigrations(database.url, migrationsDir);
  useDatabaseUrl(database.url);
  return {
    ...database,
    async drop() {
      const { db } = await import("@/lib/db");
      const { closeDatabasePool } = await import("@/lib/database/pool");
      await db.$disconnect();
      await closeDatabasePool();
      await database.drop();
    },
  };
}
