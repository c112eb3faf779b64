import { createReadStream } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import { readMigrationFiles } from "@/lib/database/migrate";
import { createLocalDirectoryStore } from "@/lib/storage/local-directory-store";
import { isStorageKey, type ObjectStore } from "@/lib/storage/object-store";
import { extractArchive, type ExtractedArchive } from "./archive";
import { BackupError } from "./backup-error";
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, listedEntries, ZBackupManifest, type BackupManifest } from "./manifest";
import { planMigrations } from "./migration-history";
import { restoreCopiedTables, restoreDumpWithPgRestore } from "./restore-database";

/**
 * `npm run db:restore -- <file>`: everything is checked before anything is written — the archive
 * reads cleanly, every part matches the manifest's size and sha256, the migration history fits
 * this copy of Gongkai, the database and the file store are empty (or --force). Then the
 * database is restored in one transaction, and only after it commits are the uploaded files put
 * into the store (DATA_DIR/uploads, or the S3 bucket: lib/storage); with --force, files of the
 * store that the backup does not hold are removed after that.
 */

export type RestoreBackupOptions = {
  databaseUrl: string;
  /** DATA_DIR: the archive is unpacked under it; the uploaded files go to its `uploads/` folder unless `store` says otherwise. */
  dataDir: string;
  /** Where the uploaded files go (lib/storage): the configured store; default: the local directory under `dataDir`. */
  store?: ObjectStore;
  archiveFile: string;
  /** Replace a database (and file store) that is not empty. */
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

export async function restoreBackup(options: RestoreBackupOptions): Promise<RestoreSummary> {
  const log = options.log ?? (() => {});
  const force = options.force ?? false;
  const store = options.store ?? createLocalDirectoryStore(options.dataDir);
  const archiveFile = path.resolve(options.archiveFile);
  await mkdir(options.dataDir, { recursive: true });
  const stagingDir = await mkdtemp(path.join(options.dataDir, ".restore-"));
  let keepStaging = false;
  try {
    const extracted = await extractArchive(archiveFile, stagingDir);
    const manifest = readManifest(archiveFile, extracted);
    checkEntries(archiveFile, manifest, extracted);
    const plan = planMigrations(manifest.database.migrations, readMigrationFiles(options.migrationsDir ?? path.join(process.cwd(), "prisma", "migrations")));
    if (!force && (await holdsFiles(store))) {
      throw new BackupError(
        `${store.description} already holds files: restore into an empty DATA_DIR (and file store), or pass --force to replace them. Nothing was restored.`,
      );
    }

    const input = { databaseUrl: options.databaseUrl, manifest, stagingDir, migrations: plan.toApply, force, log };
    if (manifest.database.method === "pg_dump") await restoreDumpWithPgRestore(input);
    else await restoreCopiedTables(input);

    try {
      await putUploadsIntoStore(stagingDir, manifest, store, force);
    } catch (error) {
      keepStaging = true;
      throw new BackupError(
        `The database was restored, but the uploaded files could not all be put into ${store.description} (${(error as Error).message}). ` +
          `They are kept in ${path.join(stagingDir, "uploads")}; once the store is reachable, restore again with --force.`,
      );
    }
    log(`Restored ${manifest.files.length} uploaded files into ${store.description}.`);
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

async function holdsFiles(store: ObjectStore): Promise<boolean> {
  for await (const object of store.list()) if (object) return true;
  return false;
}

/** Puts every restored file into the store; with --force, then removes the store's files the backup does not hold. */
async function putUploadsIntoStore(stagingDir: string, manifest: BackupManifest, store: ObjectStore, force: boolean): Promise<void> {
  for (const file of manifest.files) {
    await store.put(file.entry, { stream: createReadStream(path.join(stagingDir, ...file.entry.split("/"))), size: file.bytes });
  }
  if (!force) return;
  const restored = new Set(manifest.files.map((file) => file.entry));
  const stale: string[] = [];
  for await (const object of store.list()) if (!restored.has(object.key) && isStorageKey(object.key)) stale.push(object.key);
  for (const key of stale) await store.remove(key);
}
