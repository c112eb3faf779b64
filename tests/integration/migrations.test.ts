import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import pg from "pg";
import { applyMigrations, MigrationChecksumError, MigrationFailedError } from "@/lib/database/migrate";
import { createEmptyDatabase, migrationsDir, type TestDatabase } from "@/tests/support/test-database";

// The migration folders and their checksums, computed here rather than through lib/database/migrate.
const migrationNames = readdirSync(migrationsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

async function withDatabase<T>(run: (database: TestDatabase, client: pg.Client) => Promise<T>): Promise<T> {
  const database = await createEmptyDatabase();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return await run(database, client);
  } finally {
    await client.end();
    await database.drop();
  }
}

function copyMigrations(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "gongkai-migrations-"));
  cpSync(migrationsDir, dir, { recursive: true });
  return dir;
}

function addMigration(dir: string, name: string, sql: string) {
  mkdirSync(path.join(dir, name));
  writeFileSync(path.join(dir, name, "migration.sql"), sql);
}

type HistoryRow = {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
};

async function history(client: pg.Client): Promise<HistoryRow[]> {
  const { rows } = await client.query<HistoryRow>(`SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);
  return rows;
}

/** Tables, columns and their types in the public schema: enough to see that nothing changed. */
async function shape(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ line: string }>(
    `SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable AS line
       FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
  );
  return rows.map((row) => row.line);
}

async function tableExists(client: pg.Client, name: string): Promise<boolean> {
  const { rows } = await client.query<{ oid: string | null }>(`SELECT to_regclass($1)::text AS oid`, [`public."${name}"`]);
  return rows[0].oid !== null;
}

test("there is at least one migration to test with", () => {
  assert.ok(migrationNames.length > 0);
});

test("a fresh database gets every migration, recorded in Prisma's _prisma_migrations format", async () => {
  await withDatabase(async (database, client) => {
    const result = await applyMigrations(database.url, migrationsDir);
    assert.deepEqual(result, { applied: migrationNames, alreadyApplied: [] });

    const { rows: columns } = await client.query(
      `SELECT column_name, data_type, character_maximum_length, is_nullable, column_default
         FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '_prisma_migrations'
        ORDER BY ordinal_position`,
    );
    assert.deepEqual(
      columns.map((column) => [column.column_name, column.data_type, column.character_maximum_length, column.is_nullable]),
      [
        ["id", "character varying", 36, "NO"],
        ["checksum", "character varying", 64, "NO"],
        ["finished_at", "timestamp with time zone", null, "YES"],
        ["migration_name", "character varying", 255, "NO"],
        ["logs", "text", null, "YES"],
        ["rolled_back_at", "timestamp with time zone", null, "YES"],
        ["started_at", "timestamp with time zone", null, "NO"],
        ["applied_steps_count", "integer", null, "NO"],
      ],
    );
    const { rows: primaryKey } = await client.query(
      `SELECT a.attname FROM pg_index x JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = ANY(x.indkey)
        WHERE x.indrelid = '"_prisma_migrations"'::regclass AND x.indisprimary`,
    );
    assert.deepEqual(
      primaryKey.map((row) => row.attname),
      ["id"],
    );

    const rows = await history(client);
    assert.deepEqual(
      rows.map((row) => row.migration_name),
      migrationNames,
    );
    for (const row of rows) {
      assert.match(row.id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      assert.equal(row.checksum, sha256(path.join(migrationsDir, row.migration_name, "migration.sql")));
      assert.ok(row.finished_at instanceof Date, `${row.migration_name} has finished_at`);
      assert.ok(row.finished_at.getTime() >= row.started_at.getTime());
      assert.equal(row.rolled_back_at, null);
      assert.equal(row.logs, null);
      assert.equal(row.applied_steps_count, 1);
    }
    assert.equal(new Set(rows.map((row) => row.id)).size, rows.length);
  });
});

test("running the migrations again changes nothing", async () => {
  await withDatabase(async (database, client) => {
    await applyMigrations(database.url, migrationsDir);
    const rowsBefore = await history(client);
    const shapeBefore = await shape(client);

    const result = await applyMigrations(database.url, migrationsDir);
    assert.deepEqual(result, { applied: [], alreadyApplied: migrationNames });
    assert.deepEqual(await history(client), rowsBefore);
    assert.deepEqual(await shape(client), shapeBefore);
  });
});

test("an applied migration that was edited afterwards is refused before anything runs", async () => {
  const dir = copyMigrations();
  try {
    await withDatabase(async (database, client) => {
      await applyMigrations(database.url, dir);
      const rowsBefore = await history(client);
      const shapeBefore = await shape(client);

      const edited = migrationNames[0];
      appendFileSync(path.join(dir, edited, "migration.sql"), "\n-- an innocent-looking edit\n");
      // A new migration waiting behind the edited one must not run either.
      addMigration(dir, "99990101000000_pending", `CREATE TABLE "PendingAfterEdit" ("id" INTEGER NOT NULL);\n`);

      await assert.rejects(applyMigrations(database.url, dir), (error: unknown) => {
        assert.ok(error instanceof MigrationChecksumError, `expected MigrationChecksumError, got ${String(error)}`);
        assert.equal(error.migrationName, edited);
        return true;
      });
      assert.deepEqual(await history(client), rowsBefore);
      assert.deepEqual(await shape(client), shapeBefore);
      assert.equal(await tableExists(client, "PendingAfterEdit"), false);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

for (const [kind, failingStatement] of [
  ["a syntax error", "CREAT TABLE oops ();"],
  // A syntax error stops PostgreSQL before any statement of the file runs; a runtime error comes
  // after the earlier statements have executed, so it shows the transaction really is rolled back.
  ["a runtime error", `INSERT INTO "MigrationFailureProbe" ("id") VALUES (1 / 0);`],
] as const) {
  test(`a migration that fails with ${kind} leaves no trace and can be fixed and re-run`, async () => {
    const dir = copyMigrations();
    try {
      await withDatabase(async (database, client) => {
        const broken = "99990101000000_broken";
        const validPart =
          `CREATE TABLE "MigrationFailureProbe" ("id" INTEGER NOT NULL);\n` +
          `ALTER TABLE "_prisma_migrations" ADD COLUMN "probe" TEXT;\n` +
          `INSERT INTO "MigrationFailureProbe" ("id") VALUES (42);\n`;
        addMigration(dir, broken, `${validPart}${failingStatement}\n`);

        await assert.rejects(applyMigrations(database.url, dir), (error: unknown) => {
          assert.ok(error instanceof MigrationFailedError, `expected MigrationFailedError, got ${String(error)}`);
          assert.equal(error.migrationName, broken);
          return true;
        });

        assert.equal(await tableExists(client, "MigrationFailureProbe"), false);
        const { rows: probeColumn } = await client.query(
          `SELECT 1 FROM information_schema.columns WHERE table_name = '_prisma_migrations' AND column_name = 'probe'`,
        );
        assert.equal(probeColumn.length, 0);
        // The migrations before it were each committed; the broken one has no history row at all.
        assert.deepEqual(
          (await history(client)).map((row) => row.migration_name),
          migrationNames,
        );

        writeFileSync(path.join(dir, broken, "migration.sql"), validPart);
        assert.deepEqual(await applyMigrations(database.url, dir), { applied: [broken], alreadyApplied: migrationNames });
        assert.equal(await tableExists(client, "MigrationFailureProbe"), true);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test("two processes migrating the same fresh database at once apply each migration exactly once", async () => {
  await withDatabase(async (database, client) => {
    const results = await Promise.all([
      applyMigrations(database.url, migrationsDir),
      applyMigrations(database.url, migrationsDir),
      applyMigrations(database.url, migrationsDir),
    ]);
    const applied = results.flatMap((result) => result.applied).sort();
    assert.deepEqual(applied, migrationNames);
    for (const result of results) {
      assert.deepEqual([...result.applied, ...result.alreadyApplied].sort(), migrationNames);
    }
    const rows = await history(client);
    assert.deepEqual(
      rows.map((row) => row.migration_name),
      migrationNames,
    );
  });
});
