import { createHash } from "node:crypto";
import { createWriteStream, existsSync } from "node:fs";
import { lstat, mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { currentTime } from "@/lib/clock";
import { NotFoundError } from "@/lib/errors";
import { createLocalDirectoryStore } from "@/lib/storage/local-directory-store";
import type { ObjectStore } from "@/lib/storage/object-store";
import { openArchiveWriter } from "./archive";
import { BackupError } from "./backup-error";
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  MANIFEST_ENTRY,
  PG_DUMP_ENTRY,
  isSafeUploadName,
  tableEntryName,
  type BackupManifest,
  type MigrationRecord,
  type SequenceValue,
  type TableCopy,
} from "./manifest";
import { findPostgresTool, libpqConnection, runPostgresTool, type PostgresTool } from "./postgres-tools";
import { currentSchema, listCopyColumns, listSequences, listTables, qualifiedName, quoteIdentifier, serverVersion } from "./schema-objects";

/**
 * `npm run db:backup`: the database and the uploaded files in one archive. The database part is a
 * pg_dump custom-format dump when a pg_dump at least as new as the server is installed, otherwise
 * every table of the application schema as COPY text, all read in one REPEATABLE READ snapshot so
 * that the tables agree with each other.
 */

export type BackupMethod = "auto" | "copy" | "pg_dump";

export type CreateBackupOptions = {
  databaseUrl: string;
  /** DATA_DIR: uploaded files are read from its `uploads/` folder, unless `store` says otherwise. */
  dataDir: string;
  /** Where the uploaded files are (lib/storage): the configured store; default: the local directory under `dataDir`. */
  store?: ObjectStore;
  outFile: string;
  method?: BackupMethod;
  log?: (line: string) => void;
};

export type BackupSummary = {
  file: string;
  manifest: BackupManifest;
  rows: number;
  archiveBytes: number;
};

/** Uploaded files' storagePath columns hold their storage keys, `uploads/…` (lib/attachments/store-file.ts). */
const STORAGE_PATH_COLUMN = "storagePath";

export async function createBackup(options: CreateBackupOptions): Promise<BackupSummary> {
  const log = options.log ?? (() => {});
  const store = options.store ?? createLocalDirectoryStore(options.dataDir);
  const outFile = path.resolve(options.outFile);
  if (existsSync(outFile)) throw new BackupError(`${outFile} already exists: choose another name (--out) or remove it.`);
  if (!existsSync(path.dirname(outFile))) throw new BackupError(`The folder ${path.dirname(outFile)} does not exist.`);

  const stagingDir = await mkdtemp(path.join(path.dirname(outFile), ".gongkai-backup-"));
  const client = new pg.Client({ connectionString: options.databaseUrl });
  try {
    await client.connect();
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    const server = await serverVersion(client);
    const schema = await currentSchema(client);
    const migrations = await readMigrationHistory(client, schema);
    const pgDump = await choosePgDump(options.method ?? "auto", server.major, log);

    const tables: TableCopy[] = [];
    const tableFiles: string[] = [];
    let dump: { file: string; pgDumpVersion: string } | null = null;
    if (pgDump) {
      // pg_dump reads the very snapshot the row counts below come from.
      const { rows } = await client.query<{ snapshot: string }>("SELECT pg_export_snapshot() AS snapshot");
      const file = path.join(stagingDir, PG_DUMP_ENTRY);
      const connection = libpqConnection(options.databaseUrl);
      log(`Dumping the database with ${pgDump.command} ${pgDump.version}…`);
      await runPostgresTool(
        pgDump,
        [
          "--format=custom",
          `--snapshot=${rows[0].snapshot}`,
          `--schema="${schema.replaceAll('"', '""')}"`,
          "--no-password",
          `--file=${file}`,
          `--dbname=${connection.dbname}`,
        ],
        connection.env,
      );
      dump = { file, pgDumpVersion: pgDump.version };
    }
    for (const [index, table] of (await listTables(client, schema)).entries()) {
      const columns = await listCopyColumns(client, schema, table);
      if (pgDump) {
        const { rows } = await client.query<{ count: string }>(`SELECT count(*) AS count FROM ${qualifiedName(schema, table)}`);
        tables.push({ name: table, columns, rows: Number(rows[0].count) });
        continue;
      }
      const entry = tableEntryName(index);
      const file = path.join(stagingDir, `${String(index).padStart(3, "0")}.copy`);
      const columnList = columns.map(quoteIdentifier).join(", ");
      const stream = client.query(copyTo(`COPY ${qualifiedName(schema, table)} (${columnList}) TO STDOUT`));
      const written = await writeHashed(stream, file);
      tables.push({ name: table, columns, rows: stream.rowCount, entry, ...written });
      tableFiles.push(file);
    }
    const sequences = await readSequences(client, schema);
    const referencedFiles = await readStoragePaths(client, schema);
    await client.query("COMMIT");
    await client.end().catch(() => undefined);

    // The files are listed after the snapshot, so every file it refers to was already stored.
    const uploads = await listUploadedFiles(store, log);
    const uploadNames = new Set(uploads.map((upload) => upload.entry));
    const missingFiles = [...referencedFiles].filter((storagePath) => !uploadNames.has(storagePath)).sort();
    for (const storagePath of missingFiles) log(`Warning: the database refers to ${storagePath}, which is not in ${store.description}.`);

    const createdAt = currentTime();
    const archive = openArchiveWriter(outFile, createdAt);
    try {
      for (const [index, table] of tables.entries()) {
        if (table.entry) await archive.addFile(table.entry, tableFiles[index], table.bytes ?? 0);
      }
      let dumpEntry: NonNullable<BackupManifest["database"]["dump"]> | undefined;
      if (dump) {
        const size = (await lstat(dump.file)).size;
        dumpEntry = { entry: PG_DUMP_ENTRY, ...(await archive.addFile(PG_DUMP_ENTRY, dump.file, size)), pgDumpVersion: dump.pgDumpVersion };
      }
      const files: BackupManifest["files"] = [];
      for (const upload of uploads) {
        let opened;
        try {
          opened = await store.openRead(upload.entry);
        } catch (error) {
          // Removed since it was listed (an attachment deleted meanwhile): not part of the snapshot.
          if (!(error instanceof NotFoundError)) throw error;
          log(`Skipping ${upload.entry}: removed from ${store.description} while the backup ran.`);
          continue;
        }
        files.push({ entry: upload.entry, ...(await archive.addStream(upload.entry, opened.stream, opened.size)) });
      }
      const manifest: BackupManifest = {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        createdAt: createdAt.toISOString(),
        database: { method: pgDump ? "pg_dump" : "copy", serverVersion: server.version, schema, migrations, tables, sequences, dump: dumpEntry },
        files,
        missingFiles,
      };
      await archive.addBuffer(MANIFEST_ENTRY, Buffer.from(JSON.stringify(manifest, null, 2) + "\n"));
      await archive.finish();
      return {
        file: outFile,
        manifest,
        rows: tables.reduce((sum, table) => sum + table.rows, 0),
        archiveBytes: (await lstat(outFile)).size,
      };
    } catch (error) {
      await archive.abort();
      throw error;
    }
  } finally {
    await client.end().catch(() => undefined);
    await rm(stagingDir, { recursive: true, force: true });
  }
}

async function choosePgDump(method: BackupMethod, serverMajor: number, log: (line: string) => void): Promise<PostgresTool | null> {
  if (method === "copy") return null;
  const { tool, explicit, problem } = await findPostgresTool("pg_dump");
  if (tool && tool.major >= serverMajor) return tool;
  const reason = tool
    ? `${tool.command} is version ${tool.version}, older than the server (${serverMajor}); pg_dump refuses newer servers`
    : `no pg_dump found (${problem})`;
  if (method === "pg_dump" || explicit) throw new BackupError(`Cannot back up with pg_dump: ${reason}.`);
  log(`${reason}: writing the tables with COPY instead.`);
  return null;
}

async function readMigrationHistory(client: pg.Client, schema: string): Promise<MigrationRecord[]> {
  const { rows: found } = await client.query("SELECT to_regclass($1) IS NOT NULL AS present", [qualifiedName(schema, "_prisma_migrations")]);
  if (!found[0].present) {
    throw new BackupError(`The database has no _prisma_migrations table in schema "${schema}": it is not a Gongkai database, or it was never migrated.`);
  }
  const { rows } = await client.query<{ name: string; checksum: string }>(
    `SELECT migration_name AS name, checksum FROM ${qualifiedName(schema, "_prisma_migrations")}
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name COLLATE "C"`,
  );
  return rows;
}

async function readSequences(client: pg.Client, schema: string): Promise<SequenceValue[]> {
  const sequences: SequenceValue[] = [];
  for (const sequence of await listSequences(client, schema)) {
    const { rows } = await client.query<{ last_value: string; is_called: boolean }>(
      `SELECT last_value::text AS last_value, is_called FROM ${qualifiedName(schema, sequence.name)}`,
    );
    sequences.push({ name: sequence.name, lastValue: rows[0].last_value, isCalled: rows[0].is_called });
  }
  return sequences;
}

/** Every uploaded file the database refers to (the `storagePath` columns of the attachment tables). */
async function readStoragePaths(client: pg.Client, schema: string): Promise<Set<string>> {
  const { rows: tables } = await client.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.columns WHERE table_schema = $1 AND column_name = $2",
    [schema, STORAGE_PATH_COLUMN],
  );
  const paths = new Set<string>();
  for (const { table_name } of tables) {
    const { rows } = await client.query<{ path: string }>(
      `SELECT ${quoteIdentifier(STORAGE_PATH_COLUMN)} AS path FROM ${qualifiedName(schema, table_name)} WHERE ${quoteIdentifier(STORAGE_PATH_COLUMN)} IS NOT NULL`,
    );
    for (const row of rows) paths.add(row.path);
  }
  return paths;
}

type UploadedFile = { entry: string; size: number };

/** Every object of the store with a plain name under uploads/ (the local driver skips files still being written). */
async function listUploadedFiles(store: ObjectStore, log: (line: string) => void): Promise<UploadedFile[]> {
  const found: UploadedFile[] = [];
  for await (const object of store.list()) {
    if (isSafeUploadName(object.key)) found.push({ entry: object.key, size: object.size });
    else log(`Skipping ${object.key} in ${store.description}: not a plain name under uploads/.`);
  }
  return found.sort((a, b) => (a.entry < b.entry ? -1 : a.entry > b.entry ? 1 : 0));
}

async function writeHashed(source: Readable, file: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash("sha256");
  let bytes = 0;
  await pipeline(
    source,
    async function* (chunks: AsyncIterable<Buffer>) {
      for await (const chunk of chunks) {
        hash.update(chunk);
        bytes += chunk.byteLength;
        yield chunk;
      }
    },
    createWriteStream(file, { flags: "wx", mode: 0o600 }),
  );
  return { bytes, sha256: hash.digest("hex") };
}
