import "server-only";
import type pg from "pg";
import { poolForCurrentRead } from "@/lib/database/pool";
import { todayInBeijing } from "@/lib/dates";
import { db, Prisma, type DatabaseTransaction } from "@/lib/db";
import { allTermsOf, type SearchPhrase } from "@/lib/search/query";
import { foldForSearch, indexTermsOf } from "@/lib/search/text/normalize";
import type { SearchDocumentInput, SearchDocumentType, SearchEngine, SearchEngineHit, SearchEngineRequest, SearchEngineResult } from "@/lib/search/types";

/**
 * Search inside PostgreSQL, no extra server. Each public record is one row of "SearchDocument"
 * with two GIN-indexed arrays of index terms (characters and character pairs, see
 * lib/search/text/normalize.ts): `terms` for the whole document, `titleTerms` for the title.
 *
 * Matching: a document matches when it holds every term of every phrase; phrases longer than two
 * characters are then confirmed with strpos() on the folded text, so a match is always the exact
 * phrase. Ranking ("relevance"): documents whose title holds every phrase first, then the others;
 * newest first within each tier. Sorting by date: newest first.
 *
 * Speed at 100,000 documents (measured by `npm run bench`, see docs/search-and-speed.md) comes from
 * never reading the long columns of many rows:
 * - counts stop at COUNT_CAP rows; beyond that the total is extrapolated from how far into the
 *   table the cap was reached (bitmap scans return rows in table order), and phrases that need
 *   confirming are confirmed on a sample of the rows counted (all of them up to CONFIRM_ALL_LIMIT);
 * - a page is either read by walking the publishedAt index newest-first and checking each row
 *   (cheap when matches are common: few rows are walked) or by collecting all matches through the
 *   GIN index and sorting them (cheap when matches are rare). The choice is made here from the
 *   counts, not left to the planner, whose estimates for common character pairs are far off and
 *   which does not price reading TOASTed arrays.
 * Searches use the process's one connection pool (lib/database/pool.ts). Each step runs in a
 * short read-only transaction whose planner settings (SET LOCAL) allow bitmap scans only (a
 * sequential or plain index scan with a terms filter would read every row's TOASTed term array)
 * and no JIT; a page read by walking the date index switches plain index scans on for that one
 * query. The settings end with the transaction, so the connection goes back to the pool as it
 * came. The two counts run in parallel, each in its own transaction.
 */

const COUNT_CAP = 2_000;
const CONFIRM_ALL_LIMIT = 1_000;
/** The title count stops here (or at the end of the page asked for, if further). */
const TITLE_COUNT_CAP = 200;
/** Fewer sampled rows than this give no estimate: all candidates are confirmed instead. */
const MIN_CONFIRM_SAMPLE = 50;
/** Rows an index walk may be expected to read before a bitmap scan is preferred. */
const WALK_BUDGET = 2_000;
/** Below this many documents every page is a bitmap scan (walk estimates mean little). */
const SMALL_TABLE = 5_000;
/** Results beyond this rank are not served (like Elasticsearch's max_result_window). */
export const RESULT_WINDOW = 2_000;
/** Longest content kept per document (characters); longer attachment text is cut. */
export const MAX_CONTENT_LENGTH = 200_000;

type Sql = Prisma.Sql;

/** The planner settings of a search transaction (see above); SET LOCAL lasts until COMMIT or ROLLBACK. */
const SEARCH_TRANSACTION = "BEGIN READ ONLY; SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off; SET LOCAL jit = off";

/** Runs `work` on a pooled connection inside a read-only transaction with the search planner settings. */
async function inSearchTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  // A public search reads the replica's pool when lib/database/read-routing.ts routes it there.
  const client = await poolForCurrentRead().connect();
  let broken = false;
  try {
    await client.query(SEARCH_TRANSACTION);
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    // A connection whose transaction cannot be ended is not given back to the pool.
    await client.query("ROLLBACK").catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    client.release(broken || undefined);
  }
}

type Queryable = { query: pg.Pool["query"] };

async function rowsOf<Row extends pg.QueryResultRow>(client: Queryable, statement: Sql): Promise<Row[]> {
  return (await client.query<Row>(statement.text, statement.values as unknown[])).rows;
}

const and = (parts: Sql[]): Sql => (parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`);

function beijingYearRange(year: number): [Date, Date] {
  return [new Date(`${year}-01-01T00:00:00+08:00`), new Date(`${year + 1}-01-01T00:00:00+08:00`)];
}

function filterConditions(request: SearchEngineRequest): Sql[] {
  // Records whose publicity period ended are out even before the next reconciliation removes them.
  const parts: Sql[] = [Prisma.sql`("visibleUntil" IS NULL OR "visibleUntil" >= ${todayInBeijing()}::date)`];
  if (request.types?.length) parts.push(Prisma.sql`"type" = ANY(${request.types}::text[])`);
  if (request.categoryIds?.length) parts.push(Prisma.sql`"categoryId" = ANY(${request.categoryIds}::int[])`);
  if (request.year) {
    const [start, end] = beijingYearRange(request.year);
    parts.push(Prisma.sql`"publishedAt" >= ${start} AND "publishedAt" < ${end}`);
  }
  if (request.issuingBody) parts.push(Prisma.sql`"issuingBody" = ${request.issuingBody}`);
  if (request.validity) parts.push(Prisma.sql`"validity" = ${request.validity}`);
  return parts;
}

const inTitle = (phrases: SearchPhrase[]): Sql[] => phrases.map((phrase) => Prisma.sql`strpos("titleText", ${phrase.text}) > 0`);
const inText = (phrases: SearchPhrase[]): Sql[] => phrases.map((phrase) => Prisma.sql`strpos("searchText", ${phrase.text}) > 0`);

type Tier = {
  /** Conditions for collecting matches through the GIN indexes (bitmap scans). */
  indexed: Sql;
  /** Equivalent conditions for checking rows one by one while walking the date index. */
  checked: Sql;
  count: number;
};

type CountResult = { count: number; estimated: boolean; tableRows: number; confirmedShare: number | null };

type CountRow = { n: number; last_page: number | null; confirmed: number; sampled: number };

/**
 * A capped count of the rows matching `where` (one bitmap scan stopping at COUNT_CAP + 1 rows).
 * With `confirm`, it also checks the phrases on a deterministic sample of the matches it reads
 * (the first two line pointers of each heap page, about one match in fifteen), for an estimate of
 * how many candidates really hold them; only the sampled rows' text is read.
 */
function cappedCount(where: Sql, cap: number, confirm?: Sql): Sql {
  const sample = confirm ? Prisma.sql`CASE WHEN (ctid::text::point)[1] <= 2 THEN (${confirm}) END` : Prisma.sql`NULL::boolean`;
  return Prisma.sql`(SELECT json_build_object('n', count(*), 'last_page', max(page), 'confirmed', count(*) FILTER (WHERE confirmed), 'sampled', count(confirmed))
      FROM (SELECT (ctid::text::point)[0]::int AS page, ${sample} AS confirmed
              FROM "SearchDocument" WHERE ${where} LIMIT ${cap + 1}) matched)`;
}

/** Up to two capped counts in one statement, with the table's size for extrapolating them. */
async function countCapped(client: Queryable, counts: { where: Sql; confirm?: Sql; cap?: number }[]): Promise<CountResult[]> {
  const [row] = await rowsOf<{ counts: CountRow[]; pages: number; table_rows: number }>(
    client,
    Prisma.sql`
    SELECT json_build_array(${Prisma.join(counts.map((count) => cappedCount(count.where, count.cap ?? COUNT_CAP, count.confirm)))}) AS counts,
           greatest(1, pg_relation_size('"SearchDocument"'::regclass) / current_setting('block_size')::int)::int AS pages,
           (SELECT reltuples FROM pg_class WHERE oid = '"SearchDocument"'::regclass)::float8 AS table_rows`,
  );
  const tableRows = Math.max(0, Number(row.table_rows));
  return row.counts.map((counted, index) => {
    const confirmedShare = counts[index].confirm && counted.sampled >= MIN_CONFIRM_SAMPLE ? counted.confirmed / counted.sampled : null;
    if (counted.n <= (counts[index].cap ?? COUNT_CAP)) return { count: counted.n, estimated: false, tableRows, confirmedShare };
    // A bitmap scan returns rows in table order: the cap was reached (last_page + 1) pages in.
    const extrapolated = Math.round((counted.n * row.pages) / ((counted.last_page ?? row.pages - 1) + 1));
    const ceiling = tableRows > counted.n ? Math.round(tableRows) : extrapolated;
    return { count: Math.max(counted.n, Math.min(extrapolated, ceiling)), estimated: true, tableRows, confirmedShare };
  });
}

type HitRow = Omit<SearchEngineHit, "type"> & { type: string };

/**
 * The planner settings of a search transaction: "bitmap" (GIN bitmap scans only, as it begins)
 * or "walk" (plain index scans for walking the date index). Switched only when a read needs the
 * other mode, so that a search sends as few statements as possible.
 */
type ScanMode = { current: "bitmap" | "walk" };

async function readTier(client: pg.PoolClient, mode: ScanMode, tier: Tier, offset: number, limit: number, tableRows: number): Promise<SearchEngineHit[]> {
  if (limit <= 0 || tier.count <= 0) return [];
  const walk = tableRows > SMALL_TABLE && ((offset + limit) * tableRows) / tier.count <= WALK_BUDGET;
  const statement = Prisma.sql`
    SELECT "type", "sourceId", "title", "content", "url", "publishedAt", "categoryId", "issuingBody", "validity"
      FROM "SearchDocument" WHERE ${walk ? tier.checked : tier.indexed}
     ORDER BY "publishedAt" DESC, "id" DESC OFFSET ${offset} LIMIT ${limit}`;
  const wanted = walk ? "walk" : "bitmap";
  if (mode.current !== wanted) {
    // The transaction allows bitmap scans only; a walk needs the date index instead.
    await client.query(
      walk ? "SET LOCAL enable_indexscan = on; SET LOCAL enable_bitmapscan = off" : "SET LOCAL enable_indexscan = off; SET LOCAL enable_bitmapscan = on",
    );
    mode.current = wanted;
  }
  const rows = await rowsOf<HitRow>(client, statement);
  return rows.map((row) => ({ ...row, type: row.type as SearchDocumentType }));
}

/**
 * One search, in one read-only transaction on one pooled connection: the counts (one statement),
 * the confirmation of phrases when needed, then the page, tier by tier.
 */
async function runSearch(request: SearchEngineRequest): Promise<SearchEngineResult> {
  const phrases = request.query.phrases;
  if (!phrases.length) return { total: 0, totalIsEstimate: false, hits: [] };
  const terms = allTermsOf(request.query);
  const filters = filterConditions(request);
  const unconfirmed = phrases.filter((phrase) => !phrase.exact);
  const candidates = and([Prisma.sql`"terms" @> ${terms}::text[]`, ...filters]);
  const confirm = and(inText(unconfirmed));
  const titleCondition = and(inTitle(phrases));
  const titleIndexed = and([Prisma.sql`"titleTerms" @> ${terms}::text[]`, titleCondition, ...filters]);

  return inSearchTransaction(async (client) => {
    const offset = (request.page - 1) * request.pageSize;
    const limit = Math.min(request.pageSize, RESULT_WINDOW - offset);
    // The title count only matters for relevance order, and only up to the end of the page asked
    // for: beyond it the page lies within the title tier (its estimate still decides how to read it).
    const [all, titled = null] = await countCapped(client, [
      { where: candidates, confirm: unconfirmed.length ? confirm : undefined },
      ...(request.sort === "relevance" ? [{ where: titleIndexed, cap: Math.max(TITLE_COUNT_CAP, offset + Math.max(0, limit)) }] : []),
    ]);
    let total = all.count;
    let estimated = all.estimated;
    if (unconfirmed.length && total > 0) {
      if (all.count > CONFIRM_ALL_LIMIT && all.confirmedShare !== null) {
        total = Math.round(all.count * all.confirmedShare);
        estimated = true;
      } else {
        const [confirmed] = await countCapped(client, [{ where: and([candidates, confirm]) }]);
        total = confirmed.count;
        estimated = confirmed.estimated;
      }
    }
    if (total === 0 || limit <= 0) return { total, totalIsEstimate: estimated, hits: [] };

    const mode: ScanMode = { current: "bitmap" };
    if (!titled) {
      const everything: Tier = { indexed: and([candidates, confirm]), checked: and([...inText(phrases), ...filters]), count: total };
      return { total, totalIsEstimate: estimated, hits: await readTier(client, mode, everything, offset, limit, all.tableRows) };
    }
    const titleTier: Tier = { indexed: titleIndexed, checked: and([titleCondition, ...filters]), count: titled.count };
    const bodyTier: Tier = {
      indexed: and([candidates, Prisma.sql`NOT (${titleCondition})`, confirm]),
      checked: and([Prisma.sql`NOT (${titleCondition})`, ...inText(phrases), ...filters]),
      count: Math.max(0, total - titled.count),
    };
    const hits = await readTier(client, mode, titleTier, offset, limit, all.tableRows);
    if (hits.length < limit) {
      const bodyOffset = Math.max(0, offset - titled.count);
      hits.push(...(await readTier(client, mode, bodyTier, bodyOffset, limit - hits.length, all.tableRows)));
    }
    // An estimate may fall short of the ranks actually served.
    return { total: hits.length ? Math.max(total, offset + hits.length) : total, totalIsEstimate: estimated, hits };
  });
}

/** A document as stored: folded text and index terms computed here, the same way for every source. */
export function prepareDocument(document: SearchDocumentInput) {
  const content = document.fields
    .filter((field): field is string => Boolean(field && field.trim()))
    .join("\n")
    .slice(0, MAX_CONTENT_LENGTH);
  const titleText = foldForSearch(document.title);
  const searchText = foldForSearch(`${document.title}\n${content}`);
  return {
    type: document.type,
    sourceId: document.sourceId,
    sourceVersion: document.sourceVersion,
    title: document.title,
    titleText,
    content,
    searchText,
    terms: indexTermsOf(searchText),
    titleTerms: indexTermsOf(titleText),
    url: document.url,
    publishedAt: document.publishedAt,
    categoryId: document.categoryId ?? null,
    issuingBody: document.issuingBody ?? null,
    validity: document.validity ?? null,
    visibleUntil: document.visibleUntil ?? null,
  };
}

const UPSERT_BATCH = 500;

async function writeDocuments(client: DatabaseTransaction, documents: SearchDocumentInput[]): Promise<void> {
  for (let start = 0; start < documents.length; start += UPSERT_BATCH) {
    const batch = documents.slice(start, start + UPSERT_BATCH).map(prepareDocument);
    const column = <K extends keyof (typeof batch)[number]>(key: K) => batch.map((document) => document[key]);
    // Term arrays travel as space-separated strings (terms never contain spaces): unnest() cannot
    // take an array of arrays.
    await client.$executeRaw`
      INSERT INTO "SearchDocument" ("type", "sourceId", "sourceVersion", "title", "titleText", "content", "searchText",
                                    "terms", "titleTerms", "url", "publishedAt", "categoryId", "issuingBody", "validity", "visibleUntil", "indexedAt")
      SELECT d.type, d.source_id, d.source_version, d.title, d.title_text, d.content, d.search_text,
             string_to_array(d.terms, ' '), string_to_array(d.title_terms, ' '), d.url, d.published_at,
             d.category_id, d.issuing_body, d.validity, d.visible_until, now()
        FROM unnest(${column("type")}::text[], ${column("sourceId")}::int[], ${column("sourceVersion")}::text[],
                    ${column("title")}::text[], ${column("titleText")}::text[], ${column("content")}::text[],
                    ${column("searchText")}::text[], ${batch.map((document) => document.terms.join(" "))}::text[],
                    ${batch.map((document) => document.titleTerms.join(" "))}::text[], ${column("url")}::text[],
                    ${column("publishedAt")}::timestamptz[], ${column("categoryId")}::int[], ${column("issuingBody")}::text[],
                    ${column("validity")}::text[], ${column("visibleUntil")}::date[])
          AS d(type, source_id, source_version, title, title_text, content, search_text, terms, title_terms, url,
               published_at, category_id, issuing_body, validity, visible_until)
      ON CONFLICT ("type", "sourceId") DO UPDATE SET
        "sourceVersion" = EXCLUDED."sourceVersion", "title" = EXCLUDED."title", "titleText" = EXCLUDED."titleText",
        "content" = EXCLUDED."content", "searchText" = EXCLUDED."searchText", "terms" = EXCLUDED."terms",
        "titleTerms" = EXCLUDED."titleTerms", "url" = EXCLUDED."url", "publishedAt" = EXCLUDED."publishedAt",
        "categoryId" = EXCLUDED."categoryId", "issuingBody" = EXCLUDED."issuingBody", "validity" = EXCLUDED."validity",
        "visibleUntil" = EXCLUDED."visibleUntil", "indexedAt" = now()`;
  }
}

export const postgresSearchEngine: SearchEngine = {
  search(request) {
    return runSearch(request);
  },
  async upsertDocuments(documents, tx) {
    if (documents.length) await writeDocuments(tx ?? db, documents);
  },
  async removeDocuments(type, sourceIds, tx) {
    if (!sourceIds.length) return;
    await (tx ?? db).$executeRaw`DELETE FROM "SearchDocument" WHERE "type" = ${type} AND "sourceId" = ANY(${sourceIds}::int[])`;
  },
  async listIndexedVersions(type, tx) {
    const rows = await (tx ?? db).$queryRaw<{ sourceId: number; sourceVersion: string }[]>`
      SELECT "sourceId", "sourceVersion" FROM "SearchDocument" WHERE "type" = ${type}`;
    return new Map(rows.map((row) => [row.sourceId, row.sourceVersion]));
  },
};
