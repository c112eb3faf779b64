import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import pg from "pg";
import { isStorageKey, type ObjectStore } from "./object-store";

/**
 * `npm run storage:migrate -- --from local --to s3` (and back): copies every uploaded file from one
 * store to the other. The files are those the database refers to (every `storagePath` /
 * `…StoragePath` column) and any other file under uploads/ of the source. Each copy is read back
 * from the target and its SHA-256 compared with the database's (`sha256` / `…Sha256` column) or,
 * where the database has none, with the source's bytes. A file already in the target with the
 * right checksum is left alone, so the command can be run again (before the switch, and once more
 * after stopping the site, for the files uploaded meanwhile).
 */

export type StorageMigrationSummary = {
  /** Files the database refers to. */
  referenced: number;
  /** Files copied (referenced or not). */
  copied: number;
  /** Files already in the target with the right checksum. */
  alreadyPresent: number;
  /** Files under uploads/ of the source that no row refers to (copied too). */
  unreferenced: number;
  /** Files the database refers to that the source does not hold (nothing to copy). */
  missing: string[];
  /** Files whose bytes do not match: the source differs from the database's checksum, or the copy from the source. */
  mismatched: { key: string; problem: string }[];
  bytesCopied: number;
};

export type MigrateStorageOptions = {
  databaseUrl: string;
  from: ObjectStore;
  to: ObjectStore;
  log?: (line: string) => void;
};

export async function migrateStorage(options: MigrateStorageOptions): Promise<StorageMigrationSummary> {
  const { from, to } = options;
  const log = options.log ?? (() => {});
  const expected = await readReferencedFiles(options.databaseUrl);
  const summary: StorageMigrationSummary = {
    referenced: expected.size,
    copied: 0,
    alreadyPresent: 0,
    unreferenced: 0,
    missing: [],
    mismatched: [],
    bytesCopied: 0,
  };

  const keys = new Set<string>();
  for (const key of expected.keys()) {
    if (isStorageKey(key)) keys.add(key);
    else summary.mismatched.push({ key, problem: "the database holds a path outside uploads/; it was not copied" });
  }
  for await (const object of from.list()) {
    if (keys.has(object.key)) continue;
    if (!isStorageKey(object.key)) {
      log(`Skipping ${object.key} in ${from.description}: not a plain name under uploads/.`);
      continue;
    }
    keys.add(object.key);
    summary.unreferenced += 1;
  }

  log(`Copying from ${from.description} to ${to.description}: ${expected.size} files named by the database, ${summary.unreferenced} others.`);
  for (const key of [...keys].sort()) {
    const databaseSha256 = expected.get(key) ?? null;
    const source = await from.stat(key);
    if (!source) {
      summary.missing.push(key);
      log(`Missing: ${key} is not in ${from.description}.`);
      continue;
    }
    const target = await to.stat(key);
    if (target && target.size === source.size) {
      const want = databaseSha256 ?? (await sha256Of(from, key));
      if ((await sha256Of(to, key)) === want) {
        summary.alreadyPresent += 1;
        continue;
      }
    }

    const opened = await from.openRead(key);
    const hash = createHash("sha256");
    const hashed = Readable.from(
      (async function* () {
        for await (const chunk of opened.stream as AsyncIterable<Buffer>) {
          hash.update(chunk);
          yield chunk;
        }
      })(),
    );
    await to.put(key, { stream: hashed, size: opened.size });
    const sourceSha256 = hash.digest("hex");
    if (databaseSha256 && sourceSha256 !== databaseSha256) {
      // A damaged source is not spread: the copy is removed again, and the file reported.
      await to.remove(key);
      summary.mismatched.push({ key, problem: `in ${from.description} its SHA-256 is ${sourceSha256}, the database has ${databaseSha256}; not copied` });
      log(`Mismatch: ${key} in ${from.description} does not match the database's SHA-256; not copied.`);
      continue;
    }
    const copiedSha256 = await sha256Of(to, key);
    if (copiedSha256 !== sourceSha256) {
      summary.mismatched.push({ key, problem: `the copy in ${to.description} has SHA-256 ${copiedSha256}, the source ${sourceSha256}` });
      log(`Mismatch: the copy of ${key} in ${to.description} differs from the source.`);
      continue;
    }
    summary.copied += 1;
    summary.bytesCopied += opened.size;
  }
  return summary;
}

async function sha256Of(store: ObjectStore, key: string): Promise<string> {
  const { stream } = await store.openRead(key);
  const hash = createHash("sha256");
  for await (const chunk of stream as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest("hex");
}

/**
 * Every stored file the database refers to, with its SHA-256 where a column holds one: the columns
 * named `storagePath` (with `sha256` beside it) or ending in `StoragePath` (with `…Sha256`), found
 * in the schema so that a table added later is included without a change here.
 */
export async function readReferencedFiles(databaseUrl: string): Promise<Map<string, string | null>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: columns } = await client.query<{ table_name: string; column_name: string; sha_column: string | null }>(
      `SELECT c.table_name, c.column_name, s.column_name AS sha_column
         FROM information_schema.columns c
         LEFT JOIN information_schema.columns s
           ON s.table_schema = c.table_schema AND s.table_name = c.table_name
          AND s.column_name = CASE WHEN c.column_name = 'storagePath' THEN 'sha256' ELSE left(c.column_name, -length('StoragePath')) || 'Sha256' END
        WHERE c.table_schema = current_schema() AND (c.column_name = 'storagePath' OR c.column_name LIKE '%StoragePath')
        ORDER BY c.table_name, c.column_name`,
    );
    const files = new Map<string, string | null>();
    const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
    for (const column of columns) {
      const sha = column.sha_column ? quote(column.sha_column) : "NULL";
      const { rows } = await client.query<{ path: string; sha256: string | null }>(
        `SELECT ${quote(column.column_name)} AS path, ${sha} AS sha256 FROM ${quote(column.table_name)} WHERE ${quote(column.column_name)} IS NOT NULL`,
      );
      for (const row of rows) {
        const sha256 = row.sha256 && /^[0-9a-f]{64}$/.test(row.sha256) ? row.sha256 : null;
        if (!files.has(row.path) || (files.get(row.path) === null && sha256)) files.set(row.path, sha256);
      }
    }
    return files;
  } finally {
    await client.end();
  }
}
