import { z } from "zod";

/**
 * What a backup archive holds, written as `manifest.json`, the archive's last entry. Restore trusts
 * nothing else in the archive: every other entry must be listed here with its size and sha256.
 */

export const BACKUP_FORMAT = "gongkai-backup";
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_ENTRY = "manifest.json";
export const PG_DUMP_ENTRY = "database.dump";

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const byteCount = z.number().int().nonnegative();

/** `database/001.copy`: one table's rows in COPY text format. */
export const tableEntryName = (index: number) => `database/${String(index + 1).padStart(3, "0")}.copy`;
const tableEntryPattern = /^database\/\d{3,6}\.copy$/;

/**
 * An uploaded file's archive name is its path under DATA_DIR (`uploads/2026/11/<uuid>.pdf`). Names
 * come from an archive that may be damaged or forged, so only plain segments are accepted: no
 * empty, `.`/`..` or hidden segments, no backslashes, control characters or absolute paths.
 */
export function isSafeUploadName(name: string): boolean {
  if (!name.startsWith("uploads/") || Buffer.byteLength(name) > 1000) return false;
  return name
    .split("/")
    .slice(1)
    .every((segment) => segment.length > 0 && !segment.startsWith(".") && !/[\\\u0000-\u001f\u007f]/.test(segment));
}

const ZTableCopy = z.object({
  name: z.string().min(1),
  columns: z.array(z.string().min(1)).min(1),
  rows: byteCount,
  /** Absent in a pg_dump backup: the rows are in the dump, the count is only checked. */
  entry: z.string().regex(tableEntryPattern).optional(),
  bytes: byteCount.optional(),
  sha256: sha256Hex.optional(),
});

const ZSequenceValue = z.object({
  name: z.string().min(1),
  lastValue: z.string().regex(/^-?\d+$/),
  isCalled: z.boolean(),
});

const ZMigration = z.object({ name: z.string().min(1), checksum: z.string().min(1) });

const ZUploadedFile = z.object({
  entry: z.string().refine(isSafeUploadName, "not a safe path under uploads/"),
  bytes: byteCount,
  sha256: sha256Hex,
});

export const ZBackupManifest = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    formatVersion: z.number().int().positive(),
    createdAt: z.iso.datetime({ offset: true }),
    database: z.object({
      method: z.enum(["copy", "pg_dump"]),
      serverVersion: z.string(),
      schema: z.string().min(1),
      migrations: z.array(ZMigration),
      tables: z.array(ZTableCopy),
      sequences: z.array(ZSequenceValue),
      /** Only for method "pg_dump": the custom-format dump, restored with pg_restore. */
      dump: z.object({ entry: z.literal(PG_DUMP_ENTRY), bytes: byteCount, sha256: sha256Hex, pgDumpVersion: z.string() }).optional(),
    }),
    files: z.array(ZUploadedFile),
    /** Files the database referred to but that were not under uploads/ when the backup was taken. */
    missingFiles: z.array(z.string()),
  })
  .superRefine((manifest, context) => {
    const { method, tables, dump } = manifest.database;
    if (method === "copy" && (dump || tables.some((table) => !table.entry || table.bytes === undefined || !table.sha256))) {
      context.addIssue({ code: "custom", message: "a COPY backup lists an entry, size and sha256 for every table and no dump" });
    }
    if (method === "pg_dump" && !dump) context.addIssue({ code: "custom", message: "a pg_dump backup lists its dump" });
  });

export type BackupManifest = z.infer<typeof ZBackupManifest>;
export type TableCopy = z.infer<typeof ZTableCopy>;
export type SequenceValue = z.infer<typeof ZSequenceValue>;
export type MigrationRecord = z.infer<typeof ZMigration>;

/** Every entry the archive must hold besides the manifest, with its size and digest. */
export function listedEntries(manifest: BackupManifest): Map<string, { bytes: number; sha256: string }> {
  const entries = new Map<string, { bytes: number; sha256: string }>();
  for (const table of manifest.database.tables) {
    if (table.entry) entries.set(table.entry, { bytes: table.bytes ?? -1, sha256: table.sha256 ?? "" });
  }
  if (manifest.database.dump) entries.set(manifest.database.dump.entry, manifest.database.dump);
  for (const file of manifest.files) entries.set(file.entry, file);
  return entries;
}
