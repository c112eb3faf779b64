import "server-only";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { currentTime } from "@/lib/clock";
import { BinaryCopyWriter, binaryCopyHeader, binaryCopyTrailer } from "@/lib/database/binary-copy";
import { databasePool } from "@/lib/database/pool";
import { db } from "@/lib/db";
import { prepareDocument } from "@/lib/search/postgres-engine";
import { searchSources } from "@/lib/search/sources";
import type { SearchDocumentType } from "@/lib/search/types";

/**
 * Building the whole search index at once, for an empty index (the first start on a database that
 * already holds many public records, a restore, the bench). Reconciling writes documents in
 * batches into a table whose two GIN indexes take every one of a document's ~590 terms as it is
 * inserted: about 1 ms per document, 25 minutes for a million. Here the documents are prepared
 * exactly as reconciliation prepares them (`prepareDocument`), streamed into the table with binary
 * COPY (the term keys go as the 8-byte integers they are stored as) while the GIN indexes are
 * absent, and the indexes are then built from the loaded table in one pass (with PostgreSQL's
 * parallel workers), all in one transaction.
 *
 * While it runs, searches see the index as it was (empty) and wait for nothing; the last step
 * (building the GIN indexes) holds a SHARE lock, so a publication that writes its document in
 * that minute waits for it (up to the statement timeout). If it fails, the transaction rolls back
 * and the indexes are put back on the still empty table.
 */

/** Documents loaded from a source per query. */
const LOAD_BATCH = 2_000;
/** The two GIN indexes, as the migration creates them (prisma/migrations/20261127050000_search). */
const GIN_INDEXES = [
  `CREATE INDEX IF NOT EXISTS "SearchDocument_terms_idx" ON "SearchDocument" USING GIN ("terms")`,
  `CREATE INDEX IF NOT EXISTS "SearchDocument_titleTerms_idx" ON "SearchDocument" USING GIN ("titleTerms")`,
];
const COLUMNS = [
  "type",
  "sourceId",
  "sourceVersion",
  "title",
  "titleText",
  "content",
  "searchText",
  "terms",
  "titleTerms",
  "url",
  "publishedAt",
  "agencyId",
  "categoryId",
  "issuingBody",
  "validity",
  "visibleUntil",
] as const;

/** One prepared document (the same row reconciliation writes) as a binary COPY row of COLUMNS. */
function writeCopyRow(writer: BinaryCopyWriter, document: ReturnType<typeof prepareDocument>): void {
  writer
    .row(COLUMNS.length)
    .text(document.type)
    .int4(document.sourceId)
    .text(document.sourceVersion)
    .text(document.title)
    .text(document.titleText)
    .text(document.content)
    .text(document.searchText)
    .int8Array(document.terms)
    .int8Array(document.titleTerms)
    .text(document.url)
    .timestamptz(document.publishedAt)
    .int4(document.agencyId)
    .int4(document.categoryId)
    .text(document.issuingBody)
    .text(document.validity)
    .date(document.visibleUntil);
}

type SourceIds = { source: (typeof searchSources)[number]; ids: number[] };

/** Every public record of every source as binary COPY data, loading the next batch while this one is written. */
async function* copyData(sources: SourceIds[]): AsyncGenerator<Buffer> {
  const writer = new BinaryCopyWriter();
  yield binaryCopyHeader();
  for (const { source, ids } of sources) {
    let next = ids.length ? source.loadDocuments(db, ids.slice(0, LOAD_BATCH)) : null;
    for (let start = 0; next; start += LOAD_BATCH) {
      const documents = await next;
      const following = ids.slice(start + LOAD_BATCH, start + 2 * LOAD_BATCH);
      next = following.length ? source.loadDocuments(db, following) : null;
      for (const document of documents) writeCopyRow(writer, prepareDocument(document));
      yield writer.take();
    }
  }
  yield binaryCopyTrailer();
}

/**
 * The pool bounds every statement's answer (DATABASE_STATEMENT_TIMEOUT_S + 2 s, pg's query_timeout);
 * the build's long statements (waiting for the lock, COPY, CREATE INDEX) are given hours instead.
 */
const LONG_STATEMENT = 6 * 60 * 60_000;
const long = (text: string, values?: unknown[]) => ({ text, values, query_timeout: LONG_STATEMENT });

/**
 * Puts the GIN indexes back if a build was cut off between dropping them and its transaction's end
 * (the process died: the transaction rolled back, the drop had been committed). Checked in the
 * catalogue first: CREATE INDEX IF NOT EXISTS would lock the table even when they exist.
 */
async function ensureGinIndexes(client: pg.PoolClient): Promise<void> {
  const { rows } = await client.query<{ present: number }>(
    `SELECT count(*)::int AS "present" FROM pg_class WHERE relkind = 'i' AND relname IN ('SearchDocument_terms_idx', 'SearchDocument_titleTerms_idx')`,
  );
  if (rows[0].present < GIN_INDEXES.length) for (const statement of GIN_INDEXES) await client.query(long(statement));
}

/** Every public record's id of a source, in order, read a page at a time (a million ids are 8 MB; their version stamps would be far more). */
async function listPublicIds(source: (typeof searchSources)[number]): Promise<number[]> {
  const ids: number[] = [];
  for (;;) {
    const page = await source.listPublicVersions(db, { after: ids.at(-1) ?? 0, limit: 50_000 });
    for (const id of page.keys()) ids.push(id);
    if (page.size < 50_000) return ids;
  }
}

/** The primary database (a write: never a read replica). */
function primaryConnection(): Promise<pg.PoolClient> {
  return databasePool().connect();
}

export type BulkBuildSummary = { type: SearchDocumentType; upserted: number; removed: number; bulk: true }[];

/** Below this many public records an empty index is filled by reconciling, as any other difference. */
export const BULK_BUILD_MINIMUM = 5_000;

/**
 * Builds the index from every source when it is empty and there are at least `minimum` public
 * records; returns null (doing nothing) otherwise, or when another process is reconciling it
 * (`wait: false`). Holds the reconciliation lock (`lockKey`, at session level) throughout, so no
 * reconciliation runs meanwhile, and records the public content version it started from.
 */
export async function buildSearchIndexInBulk(options: { lockKey: number; wait: boolean; minimum?: number }): Promise<BulkBuildSummary | null> {
  const client = await primaryConnection();
  let broken = false;
  try {
    if (options.wait) await client.query(long("SELECT pg_advisory_lock($1)", [options.lockKey]));
    else if (!(await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [options.lockKey])).rows[0].locked) return null;
    try {
      const { rows } = await client.query<{ empty: boolean; version: string | null }>(
        `SELECT NOT EXISTS (SELECT 1 FROM "SearchDocument") AS "empty", (SELECT "token" FROM "PublicContentVersion" WHERE "id" = 1) AS "version"`,
      );
      if (!rows[0].empty) {
        await ensureGinIndexes(client);
        return null;
      }
      const sources: SourceIds[] = [];
      for (const source of searchSources) sources.push({ source, ids: await listPublicIds(source) });
      const count = sources.reduce((sum, { ids }) => sum + ids.length, 0);
      if (count < (options.minimum ?? BULK_BUILD_MINIMUM)) {
        await ensureGinIndexes(client);
        return null;
      }
      // Dropped in a transaction of their own, on the empty table (an instant): the long transaction
      // below must not hold the ACCESS EXCLUSIVE lock that dropping takes, or every search would wait.
      await client.query(`DROP INDEX IF EXISTS "SearchDocument_terms_idx", "SearchDocument_titleTerms_idx"`);
      try {
        await client.query(
          "BEGIN; SET LOCAL statement_timeout = 0; SET LOCAL synchronous_commit = off; SET LOCAL maintenance_work_mem = '512MB'; SET LOCAL max_parallel_maintenance_workers = 2",
        );
        const copy = Object.assign(copyFrom(`COPY "SearchDocument" (${COLUMNS.map((column) => `"${column}"`).join(", ")}) FROM STDIN WITH (FORMAT binary)`), {
          query_timeout: LONG_STATEMENT,
        });
        const started = performance.now();
        await pipeline(Readable.from(copyData(sources)), client.query(copy));
        const loaded = performance.now();
        for (const statement of GIN_INDEXES) await client.query(long(statement));
        // Minutes at a province's scale: worth a line in the server's log.
        const seconds = (from: number, to: number) => ((to - from) / 1000).toFixed(1);
        console.log(
          `[search] index built in bulk: ${count.toLocaleString("en")} documents loaded in ${seconds(started, loaded)} s, GIN indexes built in ${seconds(loaded, performance.now())} s`,
        );
        await client.query(
          `INSERT INTO "SearchIndexState" ("id", "contentVersion", "reconciledAt") VALUES (1, $1, $2)
           ON CONFLICT ("id") DO UPDATE SET "contentVersion" = EXCLUDED."contentVersion", "reconciledAt" = EXCLUDED."reconciledAt"`,
          [rows[0].version ?? "none", currentTime()],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {
          broken = true;
        });
        throw error;
      } finally {
        // Back on the table whatever happened (an instant when it is empty again after a rollback).
        if (!broken) for (const statement of GIN_INDEXES) await client.query(statement);
      }
      return sources.map(({ source, ids }) => ({ type: source.type, upserted: ids.length, removed: 0, bulk: true as const }));
    } finally {
      if (!broken) await client.query("SELECT pg_advisory_unlock($1)", [options.lockKey]);
    }
  } catch (error) {
    broken = true;
    throw error;
  } finally {
    client.release(broken || undefined);
  }
}
