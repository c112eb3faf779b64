import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

/**
 * Applies hand-written SQL migrations in Prisma's folder layout and records them in Prisma's own
 * `_prisma_migrations` table (same columns, sha256 checksums), so that `prisma migrate deploy`
 * accepts the same history on machines that can run Prisma's native engine.
 */

export type MigrationFile = { name: string; sql: string; checksum: string };

export class MigrationChecksumError extends Error {
  constructor(readonly migrationName: string) {
    super(`Migration ${migrationName} was changed after it was applied (checksum differs). ` + `Never edit an applied migration: add a new one instead.`);
  }
}

export class MigrationFailedError extends Error {
  constructor(
    readonly migrationName: string,
    cause: unknown,
  ) {
    super(`Migration ${migrationName} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

// Any constant works; it only has to be the same in every process that migrates.
export const MIGRATION_LOCK_KEY = 72707371;

export const HISTORY_TABLE_SQL = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export function readMigrationFiles(migrationsDir: string): MigrationFile[] {
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(migrationsDir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export type MigrationResult = { applied: string[]; alreadyApplied: string[] };

export async function applyMigrations(connectionString: string, migrationsDir: string): Promise<MigrationResult> {
  const files = readMigrationFiles(migrationsDir);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await client.query(HISTORY_TABLE_SQL);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations"
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const appliedChecksums = new Map(rows.map((row) => [row.migration_name, row.checksum]));
    for (const file of files) {
      const applied = appliedChecksums.get(file.name);
      if (applied !== undefined && applied !== file.checksum) throw new MigrationChecksumError(file.name);
    }
    const result: MigrationResult = { applied: [], alreadyApplied: [] };
    for (const file of files) {
      if (appliedChecksums.has(file.name)) {
        result.alreadyApplied.push(file.name);
        continue;
      }
      try {
        await client.query("BEGIN");
        await client.query(file.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), file.checksum, file.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new MigrationFailedError(file.name, error);
      }
      result.applied.push(file.name);
    }
    return result;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}
