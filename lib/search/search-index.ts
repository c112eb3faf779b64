import "server-only";
import { currentTime } from "@/lib/clock";
import { databasePool } from "@/lib/database/pool";
import { db, Prisma, type DatabaseTransaction } from "@/lib/db";
import { bumpPublicContentVersion } from "@/lib/public-content/content-version";
import { buildSearchIndexInBulk } from "@/lib/search/bulk-index";
import { searchEngine } from "@/lib/search/engine";
import { searchSources } from "@/lib/search/sources";
import type { SearchSource } from "@/lib/search/sources/types";
import type { SearchDocumentType } from "@/lib/search/types";

/**
 * Keeps the search index in step with what the public can see.
 *
 * - `syncSearchDocuments(tx, type, ids)`: called in the transaction that publishes or withdraws
 *   records; the index changes in the same transaction (the workflow engine, lib/workflow/engine.ts,
 *   does this for every reviewed record type with a search source).
 * - `ensureSearchIndexCurrent()`: called before every search. When the public content version
 *   (bumped by every public write) differs from the one the index was last reconciled with, it
 *   compares every source's public records and version stamps with the index and fixes the
 *   difference. This covers sources that do not call sync (imports, seeds, other domains).
 */

const RECONCILE_LOCK = 72707381;
const LOAD_BATCH = 500;

function sourceOf(type: SearchDocumentType): SearchSource | undefined {
  return searchSources.find((source) => source.type === type);
}

/** Re-reads these records from their source and updates or removes their documents, in `tx`. */
export async function syncSearchDocuments(tx: DatabaseTransaction, type: SearchDocumentType, ids: number[]): Promise<void> {
  const source = sourceOf(type);
  if (!source || !ids.length) return;
  const documents = await source.loadDocuments(tx, ids);
  const present = new Set(documents.map((document) => document.sourceId));
  await searchEngine.upsertDocuments(documents, tx);
  await searchEngine.removeDocuments(
    type,
    ids.filter((id) => !present.has(id)),
    tx,
  );
}

/**
 * Bumps the public content version after `syncSearchDocuments` wrote this transaction's change to
 * the index: when the index was current before it, it is recorded as current still, so the next
 * search does not compare every record with the index (at a million items that takes seconds,
 * after every publication). A change that was not synced (an import, a seed) leaves the index
 * behind the version as before, and the next search reconciles.
 */
export async function bumpPublicContentVersionWithIndexSynced(tx: DatabaseTransaction): Promise<void> {
  // Locks the version row: concurrent publications advance it, and the index with it, one after the other.
  const [before] = await tx.$queryRaw<{ token: string }[]>`SELECT "token" FROM "PublicContentVersion" WHERE "id" = 1 FOR UPDATE`;
  await bumpPublicContentVersion(tx);
  if (!before) return;
  await tx.$executeRaw`
    UPDATE "SearchIndexState" SET "contentVersion" = (SELECT "token" FROM "PublicContentVersion" WHERE "id" = 1)
     WHERE "id" = 1 AND "contentVersion" = ${before.token}`;
}

/** What a reconciliation changed per source; `bulk` when the empty index was built in bulk. */
export type ReconcileSummary = { type: SearchDocumentType; upserted: number; removed: number; bulk?: boolean }[];

type Difference = { source: SearchSource; changed: number[]; removed: number[] };

/** Records compared per step: a province's million items are never all in the process at once. */
const COMPARE_PAGE = 20_000;

/**
 * Every source's public records against the index, a page of ids at a time: the next COMPARE_PAGE
 * public records above the last id compared, and the documents indexed up to the last of them
 * (all the rest after the last page). Only the differences are kept.
 */
async function findDifferences(client: DatabaseTransaction, pageSize = COMPARE_PAGE): Promise<Difference[]> {
  const differences: Difference[] = [];
  for (const source of searchSources) {
    const changed: number[] = [];
    const removed: number[] = [];
    for (let after = 0; ;) {
      const publicVersions = await source.listPublicVersions(client, { after, limit: pageSize });
      const through = publicVersions.size === pageSize ? [...publicVersions.keys()].at(-1)! : null;
      const indexed = await searchEngine.listIndexedVersions(source.type, { after, through }, client);
      for (const [id, version] of publicVersions) if (indexed.get(id) !== version) changed.push(id);
      for (const id of indexed.keys()) if (!publicVersions.has(id)) removed.push(id);
      if (through === null) break;
      after = through;
    }
    differences.push({ source, changed, removed });
  }
  return differences;
}

async function applyDifferences(client: DatabaseTransaction, differences: Difference[]): Promise<ReconcileSummary> {
  const summary: ReconcileSummary = [];
  for (const { source, changed, removed } of differences) {
    for (let start = 0; start < changed.length; start += LOAD_BATCH) {
      const ids = changed.slice(start, start + LOAD_BATCH);
      await syncSearchDocuments(client, source.type, ids);
    }
    await searchEngine.removeDocuments(source.type, removed, client);
    summary.push({ type: source.type, upserted: changed.length, removed: removed.length });
  }
  return summary;
}

const VERSIONS_SQL = `SELECT (SELECT "token" FROM "PublicContentVersion" WHERE "id" = 1) AS "current",
                             (SELECT "contentVersion" FROM "SearchIndexState" WHERE "id" = 1) AS "indexed"`;
type VersionsRow = { current: string | null; indexed: string | null };

/** The public content version, and the one the index was last reconciled with: in `client`'s transaction, or (before a search) on the primary's pool directly. */
async function readVersions(client?: DatabaseTransaction): Promise<{ current: string; indexed: string | null }> {
  // Before every search: one prepared statement, without Prisma's query machinery.
  const [row] = client
    ? await client.$queryRaw<VersionsRow[]>(Prisma.raw(VERSIONS_SQL))
    : (await databasePool().query<VersionsRow>({ name: "search_versions", text: VERSIONS_SQL })).rows;
  return { current: row?.current ?? "none", indexed: row?.indexed ?? null };
}

async function recordReconciled(client: DatabaseTransaction, version: string): Promise<void> {
  await client.searchIndexState.upsert({
    where: { id: 1 },
    create: { id: 1, contentVersion: version, reconciledAt: currentTime() },
    update: { contentVersion: version, reconciledAt: currentTime() },
  });
}

/**
 * Compares every source with the index and fixes the difference, then records the content
 * version it started from (an empty index with at least `bulkMinimum` public records, default
 * BULK_BUILD_MINIMUM, is built in bulk instead). One process at a time (advisory lock); returns null when another
 * process holds the lock.
 */
export async function reconcileSearchIndex(options: { wait?: boolean; bulkMinimum?: number; comparePage?: number } = {}): Promise<ReconcileSummary | null> {
  // An empty index with many public records (a first start on an existing database) is built in
  // bulk: the same documents, written 5–10× faster (lib/search/bulk-index.ts).
  const built = await buildSearchIndexInBulk({ lockKey: RECONCILE_LOCK, wait: options.wait ?? false, minimum: options.bulkMinimum });
  if (built) return built;
  return db.$transaction(
    async (tx) => {
      if (options.wait) {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${RECONCILE_LOCK})`;
      } else {
        const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${RECONCILE_LOCK}) AS locked`;
        if (!locked) return null;
      }
      const { current } = await readVersions(tx);
      const summary = await applyDifferences(tx, await findDifferences(tx, options.comparePage));
      await recordReconciled(tx, current);
      return summary;
    },
    { timeout: 30 * 60_000, maxWait: 30_000 },
  );
}

const globalForSearch = globalThis as unknown as { gongkaiSearchReconciling?: Promise<unknown> | null };

/**
 * Before a search: when public content changed since the index was last reconciled, reconciles
 * it (once per process at a time) and waits up to `waitMs` for that. A small difference is fixed
 * before the search runs; a large backlog (first start on a big existing database) goes on in the
 * background while searches use the index as it is. Returns the current public content version.
 */
export async function ensureSearchIndexCurrent(waitMs = 5_000): Promise<string> {
  const { current, indexed } = await readVersions();
  if (current === indexed) return current;
  globalForSearch.gongkaiSearchReconciling ??= reconcileSearchIndex({ wait: true })
    .catch((error) => console.error("[search] reconciling the index failed:", error))
    .finally(() => {
      globalForSearch.gongkaiSearchReconciling = null;
    });
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    globalForSearch.gongkaiSearchReconciling,
    new Promise((resolve) => {
      timer = setTimeout(resolve, waitMs);
      timer.unref?.();
    }),
  ]);
  clearTimeout(timer);
  return current;
}
