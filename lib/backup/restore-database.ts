import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { HISTORY_TABLE_SQL, MIGRATION_LOCK_KEY, type MigrationFile } from "@/lib/database/migrate";
import { BackupError } from "./backup-error";
import type { BackupManifest } from "./manifest";
import { findPostgresTool, libpqConnection, runPostgresTool } from "./postgres-tools";
import {
  currentSchema,
  describeSchemaContents,
  listCopyColumns,
  listSequences,
  listTables,
  qualifiedName,
  quoteIdentifier,
  type Queryable,
} from "./schema-objects";

type RestoreDatabaseInput = {
  databaseUrl: string;
  manifest: BackupManifest;
  /** Where the archive was extracted: entry names are paths under it. */
  stagingDir: string;
  migrations: MigrationFile[];
  force: boolean;
  log: (line: string) => void;
};

/**
 * Restores a COPY backup in ONE transaction: the schema is built from the migration files the
 * backup lists, every table is loaded, constraints are checked, sequences are moved past the
 * restored ids and every row count is compared with the manifest. Any failure rolls all of it back.
 */
export async function restoreCopiedTables(input: RestoreDatabaseInput): Promise<void> {
  const { manifest, stagingDir, log } = input;
  const client = new pg.Client({ connectionString: input.databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    // `npm run db:migrate` / `npm start` wait for the restore instead of migrating the same database at once.
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
    const schema = await currentSchema(client);
    await makeSchemaEmpty(client, schema, input.force, null);

    for (const migration of input.migrations) await client.query(migration.sql);
    await client.query(HISTORY_TABLE_SQL);
    await compareTablesWithManifest(client, schema, manifest);

    // Like pg_restore: data first, then the foreign keys (Item and ItemRevision refer to each
    // other, so no table order satisfies them), checked against every row when re-added. User
    // triggers are off while loading: the rows are restored as they were, not processed again.
    const foreignKeys = await listForeignKeys(client, schema);
    for (const key of foreignKeys) await client.query(`ALTER TABLE ${qualifiedName(schema, key.table)} DROP CONSTRAINT ${quoteIdentifier(key.name)}`);
    for (const table of manifest.database.tables) await client.query(`ALTER TABLE ${qualifiedName(schema, table.name)} DISABLE TRIGGER USER`);
    // Some migrations insert rows (e.g. the first PublicContentVersion); the backup has the table's real rows.
    await client.query(`TRUNCATE ${manifest.database.tables.map((table) => qualifiedName(schema, table.name)).join(", ")}`);

    for (const table of manifest.database.tables) {
      const columnList = table.columns.map(quoteIdentifier).join(", ");
      const copy = client.query(copyFrom(`COPY ${qualifiedName(schema, table.name)} (${columnList}) FROM STDIN`));
      await pipeline(createReadStream(path.join(stagingDir, ...table.entry!.split("/"))), copy);
      if (copy.rowCount !== table.rows) {
        throw new BackupError(`Table "${table.name}": the backup lists ${table.rows} rows but ${copy.rowCount} were read. Nothing was restored.`);
      }
    }

    for (const table of manifest.database.tables) await client.query(`ALTER TABLE ${qualifiedName(schema, table.name)} ENABLE TRIGGER USER`);
    for (const key of foreignKeys) {
      try {
        await client.query(`ALTER TABLE ${qualifiedName(schema, key.table)} ADD CONSTRAINT ${quoteIdentifier(key.name)} ${key.definition}`);
      } catch (error) {
        throw new BackupError(`The restored rows break the foreign key ${key.name} on "${key.table}" (${(error as Error).message}). Nothing was restored.`);
      }
    }
    await advanceSequences(client, schema, manifest);
    await verifyRowCounts(client, schema, manifest);
    await client.query("COMMIT");
    log(`Restored ${manifest.database.tables.length} tables into schema "${schema}".`);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Restores a pg_dump backup with pg_restore (one transaction of its own), then checks the row
 * counts. With --force the old schema is only renamed aside until the restore has been checked,
 * and is put back if it fails.
 */
export async function restoreDumpWithPgRestore(input: RestoreDatabaseInput): Promise<void> {
  const { manifest, log } = input;
  const dump = manifest.database.dump!;
  const dumpMajor = Number(dump.pgDumpVersion.split(".")[0]);
  const { tool, problem } = await findPostgresTool("pg_restore");
  if (!tool || tool.major < dumpMajor) {
    throw new BackupError(
      `This backup was taken with pg_dump ${dump.pgDumpVersion}: restoring it needs pg_restore ${dumpMajor} or newer ` +
        `(on PATH, or named by PG_RESTORE); ${tool ? `found ${tool.command} ${tool.version}` : problem}. Nothing was restored.`,
    );
  }
  const client = new pg.Client({ connectionString: input.databaseUrl });
  await client.connect();
  let setAside: string | null = null;
  let schema = "";
  let access: SchemaAccess | null = null;
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
    schema = await currentSchema(client);
    if (input.force) setAside = `${schema}_before_restore_${randomBytes(3).toString("hex")}`;
    await makeSchemaEmpty(client, schema, input.force, setAside);
    access = await readSchemaAccess(client, schema);
    // The dump creates the schema itself (it was dumped with --schema).
    await client.query(`DROP SCHEMA ${quoteIdentifier(schema)}`);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    await client.end().catch(() => undefined);
    throw error;
  }
  try {
    const connection = libpqConnection(input.databaseUrl);
    log(`Restoring the dump with ${tool.command} ${tool.version}…`);
    await runPostgresTool(
      tool,
      [
        "--single-transaction",
        "--exit-on-error",
        "--no-owner",
        "--no-privileges",
        "--no-password",
        `--dbname=${connection.dbname}`,
        path.join(input.stagingDir, dump.entry),
      ],
      connection.env,
    );
    await verifyRowCounts(client, schema, manifest);
    await applySchemaAccess(client, schema, access!);
    if (setAside) await client.query(`DROP SCHEMA ${quoteIdentifier(setAside)} CASCADE`);
    log(`Restored the dump into schema "${schema}".`);
  } catch (error) {
    // Leave the database as it was: empty, or (with --force) the schema that was set aside.
    await client.query("BEGIN");
    await client.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`);
    if (setAside) await client.query(`ALTER SCHEMA ${quoteIdentifier(setAside)} RENAME TO ${quoteIdentifier(schema)}`);
    else {
      await client.query(`CREATE SCHEMA ${quoteIdentifier(schema)}`);
      await applySchemaAccess(client, schema, access!);
    }
    await client.query("COMMIT");
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Refuses a schema that holds anything, unless `force`: then the schema is dropped (or renamed to
 * `setAsideAs`) and created again with the same owner and privileges.
 */
async function makeSchemaEmpty(client: Queryable, schema: string, force: boolean, setAsideAs: string | null): Promise<void> {
  const contents = await describeSchemaContents(client, schema);
  if (contents.count === 0) return;
  if (!force) {
    throw new BackupError(
      `The target database is not empty: schema "${schema}" holds ${contents.count} objects (${contents.examples.join(", ")}…). ` +
        `Restore into an empty database, or pass --force to drop and recreate the schema (everything in it is lost). Nothing was restored.`,
    );
  }
  const access = await readSchemaAccess(client, schema);
  if (setAsideAs) await client.query(`ALTER SCHEMA ${quoteIdentifier(schema)} RENAME TO ${quoteIdentifier(setAsideAs)}`);
  else await client.query(`DROP SCHEMA ${quoteIdentifier(schema)} CASCADE`);
  await client.query(`CREATE SCHEMA ${quoteIdentifier(schema)}`);
  await applySchemaAccess(client, schema, access);
}

type SchemaAccess = { owner: string; grants: Array<{ grantee: string | null; privilege: string; grantable: boolean }> };

/** The schema's owner and privileges (`public` belongs to pg_database_owner and is usable by everyone since PostgreSQL 15). */
async function readSchemaAccess(client: Queryable, schema: string): Promise<SchemaAccess> {
  const { rows } = await client.query<{ owner: string }>("SELECT nspowner::regrole::text AS owner FROM pg_namespace WHERE nspname = $1", [schema]);
  const { rows: grants } = await client.query<SchemaAccess["grants"][number]>(
    `SELECT CASE WHEN a.grantee = 0 THEN NULL ELSE a.grantee::regrole::text END AS grantee, a.privilege_type AS privilege, a.is_grantable AS grantable
       FROM pg_namespace n, aclexplode(n.nspacl) a WHERE n.nspname = $1 AND a.grantee <> n.nspowner`,
    [schema],
  );
  return { owner: rows[0].owner, grants };
}

async function applySchemaAccess(client: Queryable, schema: string, access: SchemaAccess): Promise<void> {
  // regrole's text form is already quoted where needed.
  await client.query(`ALTER SCHEMA ${quoteIdentifier(schema)} OWNER TO ${access.owner}`);
  for (const grant of access.grants) {
    await client.query(
      `GRANT ${grant.privilege} ON SCHEMA ${quoteIdentifier(schema)} TO ${grant.grantee ?? "PUBLIC"}${grant.grantable ? " WITH GRANT OPTION" : ""}`,
    );
  }
}

async function compareTablesWithManifest(client: Queryable, schema: string, manifest: BackupManifest): Promise<void> {
  const problems: string[] = [];
  const inBackup = new Map(manifest.database.tables.map((table) => [table.name, table]));
  const inDatabase = await listTables(client, schema);
  for (const name of inDatabase) if (!inBackup.has(name)) problems.push(`the migrations create table "${name}", which the backup does not have`);
  for (const table of manifest.database.tables) {
    if (!inDatabase.includes(table.name)) {
      problems.push(`the backup has table "${table.name}", which the migrations do not create`);
      continue;
    }
    const columns = await listCopyColumns(client, schema, table.name);
    const missing = table.columns.filter((column) => !columns.includes(column));
    const extra = columns.filter((column) => !table.columns.includes(column));
    if (missing.length || extra.length) {
      problems.push(
        `table "${table.name}" columns differ (only in the backup: ${missing.join(", ") || "none"}; only after migrating: ${extra.join(", ") || "none"})`,
      );
    }
  }
  if (problems.length) throw new BackupError(`The backup does not fit the schema its migrations build:\n  - ${problems.join("\n  - ")}\nNothing was restored.`);
}

type ForeignKey = { name: string; table: string; definition: string };

async function listForeignKeys(client: Queryable, schema: string): Promise<ForeignKey[]> {
  const { rows } = await client.query<ForeignKey>(
    `SELECT c.conname AS name, t.relname AS table, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = $1 AND c.contype = 'f' ORDER BY t.relname, c.conname`,
    [schema],
  );
  return rows;
}

/** Every sequence continues after the highest restored id, and never below where it stood in the backup. */
async function advanceSequences(client: Queryable, schema: string, manifest: BackupManifest): Promise<void> {
  const backedUp = new Map(manifest.database.sequences.map((sequence) => [sequence.name, sequence]));
  for (const sequence of await listSequences(client, schema)) {
    const candidates: bigint[] = [];
    const saved = backedUp.get(sequence.name);
    if (saved?.isCalled) candidates.push(BigInt(saved.lastValue));
    if (sequence.ownedBy) {
      const { rows } = await client.query<{ max: string | null }>(
        `SELECT max(${quoteIdentifier(sequence.ownedBy.column)})::text AS max FROM ${qualifiedName(schema, sequence.ownedBy.table)}`,
      );
      if (rows[0].max !== null) candidates.push(BigInt(rows[0].max));
    }
    if (!candidates.length) continue;
    const value = candidates.reduce((a, b) => (a > b ? a : b));
    await client.query("SELECT setval(to_regclass($1), $2::bigint, true)", [qualifiedName(schema, sequence.name), value.toString()]);
  }
}

async function verifyRowCounts(client: Queryable, schema: string, manifest: BackupManifest): Promise<void> {
  const problems: string[] = [];
  for (const table of manifest.database.tables) {
    const { rows } = await client.query<{ count: string }>(`SELECT count(*)::text AS count FROM ${qualifiedName(schema, table.name)}`);
    if (Number(rows[0].count) !== table.rows) problems.push(`"${table.name}" has ${rows[0].count} rows, the backup lists ${table.rows}`);
  }
  if (problems.length) throw new BackupError(`The restored row counts differ from the backup's:\n  - ${problems.join("\n  - ")}\nNothing was restored.`);
}
