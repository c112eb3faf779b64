import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { readMigrationFiles } from "@/lib/database/migrate";
import { extractArchive, type ExtractedArchive } from "./archive";
import { BackupError } from "./backup-error";
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, listedEntries, ZBackupManifest, type BackupManifest } from "./manifest";
import { planMigrations } from "./migration-history";
import { restoreCopiedTables, restoreDumpWithPgRestore } from "./restore-database";

/**
 * `npm run db:restore -- <file>`: everything is checked before anything is written — the archive
 * reads cleanly, every part matches the manifest's size and sha256, the migration history fits
 * this copy of Gongkai, the database and the uploads folder are empty (or --force). Then the
 * database is restored in one transaction, and only after it commits are the uploaded files
 * moved into DATA_DIR/uploads.
 */

export type RestoreBackupOptions = {
  databaseUrl: string;
  /** DATA_DIR: the uploaded files go to its `uploads/` folder. */
  dataDir: string;
  archiveFile: string;
  /** Replace a database (and uploads folder) that is not empty. */
  force?: boolean;
  migrationsDir?: string;
  log?: (line: string) => void;
};

export type RestoreSummary = {
  manifest: BackupManifest;
  rows: number;
  files: number;
  /** Migrations newer than the backup, left for `npm run db:migrate`. */
  newerMigrations: string[];
};

const UPLOADS_FOLDER = "uploads";

export async function restoreBackup(options: RestoreBackupOptions): Promise<RestoreSummary> {
  const log = options.log ?? (() => {});
  const force = options.force ?? false;
  const archiveFile = path.resolve(options.archiveFile);
  await mkdir(options.dataDir, { recursive: true });
  // Inside DATA_DIR, so that moving the files into uploads/ is a rename on one filesystem.
  const stagingDir = await mkdtemp(path.join(options.dataDir, ".restore-"));
  let keepStaging = false;
  try {
    const extracted = await extractArchive(archiveFile, stagingDir);
    const manifest = readManifest(archiveFile, extracted);
    checkEntries(archiveFile, manifest, extracted);
    const plan = planMigrations(manifest.database.migrations, readMigrationFiles(options.migrationsDir ?? path.join(process.cwd(), "prisma", "migrations")));
    const uploadsDir = path.join(options.dataDir, UPLOADS_FOLDER);
    if (!force && (await holdsFiles(uploadsDir))) {
      throw new BackupError(`${uploadsDir} already holds files: restore into an empty DATA_DIR, or pass --force to replace them. Nothing was restored.`);
    }

    const input = { databaseUrl: options.databaseUrl, manifest, stagingDir, migrations: plan.toApply, force, log };
    if (manifest.database.method === "pg_dump") await restoreDumpWithPgRestore(input);
    else await restoreCopiedTables(input);

    try {
      await moveUploadsIntoPlace(stagingDir, uploadsDir);
    } catch (error) {
      keepStaging = true;
      throw new BackupError(
        `The database was restored, but the uploaded files could not be moved into ${uploadsDir} (${(error as Error).message}). ` +
          `They are in ${path.join(stagingDir, UPLOADS_FOLDER)}: move that folder to ${uploadsDir} by hand.`,
      );
    }
    log(`Restored ${manifest.files.length} uploaded files into ${uploadsDir}.`);
    if (manifest.missingFiles.length) {
      log(
        `Note: ${manifest.missingFiles.length} files the database refers to were already missing when the backup was taken: ${manifest.missingFiles.join(", ")}`,
      );
    }
    return {
      manifest,
      rows: manifest.database.tables.reduce((sum, table) => sum + table.rows, 0),
      files: manifest.files.length,
      newerMigrations: plan.newer,
    };
  } finally {
    if (!keepStaging) await rm(stagingDir, { recursive: true, force: true });
  }
}

function readManifest(archiveFile: string, extracted: ExtractedArchive): BackupManifest {
  const refuse = (reason: string) => new BackupError(`Cannot restore from ${archiveFile}: ${reason}. Nothing was restored.`);
  if (!extracted.manifest) throw refuse("it holds no manifest.json (cut short, or not a Gongkai backup)");
  let json: unknown;
  try {
    json = JSON.parse(extracted.manifest.toString("utf8"));
  } catch (error) {
    throw refuse(`its manifest.json is not valid JSON (${(error as Error).message})`);
  }
  const header = json as { format?: unknown; formatVersion?: unknown } | null;
  if (header?.format !== BACKUP_FORMAT) throw refuse("it is not a Gongkai backup (manifest.json names another format)");
  if (typeof header.formatVersion === "number" && header.formatVersion > BACKUP_FORMAT_VERSION) {
    throw refuse(`it was written by a newer Gongkai (backup format ${header.formatVersion}; this copy reads format ${BACKUP_FORMAT_VERSION})`);
  }
  const parsed = ZBackupManifest.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw refuse(`its manifest.json is damaged (${issue.path.join(".") || "manifest"}: ${issue.message})`);
  }
  return parsed.data;
}

/** The archive holds exactly the parts the manifest lists, each with the listed size and sha256. */
function checkEntries(archiveFile: string, manifest: BackupManifest, extracted: ExtractedArchive): void {
  const problems: string[] = [];
  const listed = listedEntries(manifest);
  for (const [name, expected] of listed) {
    const found = extracted.entries.get(name);
    if (!found) problems.push(`${name} is missing`);
    else if (found.bytes !== expected.bytes || found.sha256 !== expected.sha256) {
      problems.push(
        `${name} is damaged (${found.bytes} bytes with sha256 ${found.sha256.slice(0, 12)}…, the manifest lists ${expected.bytes} bytes with ${expected.sha256.slice(0, 12)}…)`,
      );
    }
  }
  for (const name of extracted.entries.keys()) if (!listed.has(name)) problems.push(`${name} is not listed in the manifest`);
  if (problems.length) {
    const shown = problems.slice(0, 20).join("\n  - ") + (problems.length > 20 ? `\n  - … and ${problems.length - 20} more` : "");
    throw new BackupError(`Cannot restore from ${archiveFile}: the archive does not match its manifest:\n  - ${shown}\nNothing was restored.`);
  }
}

async function holdsFiles(folder: string): Promise<boolean> {
  if (!existsSync(folder)) return false;
  for (const dirent of await readdir(folder, { withFileTypes: true })) {
    if (!dirent.isDirectory() || (await holdsFiles(path.join(folder, dirent.name)))) return true;
  }
  return false;
}

/** Swaps the restored uploads folder in; an old one (only with --force) is removed after the swap. */
async function moveUploadsIntoPlace(stagingDir: string, uploadsDir: string): Promise<void> {
  const restored = path.join(stagingDir, UPLOADS_FOLDER);
  if (!existsSync(restored)) await mkdir(restored);
  if (existsSync(uploadsDir)) await rename(uploadsDir, path.join(stagingDir, "uploads-replaced"));
  await rename(restored, uploadsDir);
}
