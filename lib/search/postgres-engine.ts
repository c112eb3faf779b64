import "server-only";
import type pg from "pg";
import { poolForCurrentRead, searchPoolForCurrentRead } from "@/lib/database/pool";
import { todayInBeijing } from "@/lib/dates";
import { db, Prisma, type DatabaseTransaction } from "@/lib/db";
import { allTermsOf, type SearchPhrase } from "@/lib/search/query";
import { shareHoldingAll } from "@/lib/search/term-shares";
import { foldForSearch, indexKeysOf, termKey } from "@/lib/search/text/normalize";
import type { SearchDocumentInput, SearchDocumentType, SearchEngine, SearchEngineHit, SearchEngineRequest, SearchEngineResult } from "@/lib/search/types";

/**
 * Search inside PostgreSQL, no extra server. Each public record is one row of "SearchDocument"
 * with two GIN-indexed arrays of index terms (characters and character pairs, stored as integer
 * keys: see lib/search/text/normalize.ts): `terms` for the whole document, `titleTerms` for the title.
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
 * - when the table's statistics (ANALYZE's share of documents holding each common term) prove that
 *   more than COUNT_CAP documents match, and no filter narrows the search, nothing is counted: the
 *   page comes from a walk of the newest documents and the total is estimated from the statistics
 *   (the GIN bitmap of a term in nearly every document is the dearest part of a search, and it
 *   grows with the table). A walk that does not fill the page within its budget falls back to the
 *   counted path, so a rare combination of common terms still gets an exact answer.
 * No statement opens a transaction: the GIN reads use a pool whose connections carry the planner
 * settings from their start (bitmap scans only, because a sequential or plain index scan with a
 * terms filter would read every row's TOASTed term array; no JIT; read only:
 * searchPoolForCurrentRead), the walks of the date index the process's usual pool, each bounded to
 * the newest rows it may read. A search thus sends two to four statements, each one round trip;
 * on an index of at most SMALL_TABLE documents (a single agency's site), one: at that size the
 * round trips cost more than reading every match (searchSmallIndex).
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

type Queryable = { query: pg.Pool["query"] };

async function rowsOf<Row extends pg.QueryResultRow>(client: Queryable, statement: Sql): Promise<Row[]> {
  return (await client.query<Row>(statement.text, statement.values as unknown[])).rows;
}

const and = (parts: Sql[]): Sql => (parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`);

function beijingYearRange(year: number): [Date, Date] {
  return [new Date(`${year}-01-01T00:00:00+08:00`), new Date(`${year + 1}-01-01T00:00:00+08:00`)];
}

/** The filters as conditions (SMALL_INDEX_STATEMENT holds the same ones as parameters). */
function filterConditions(request: SearchEngineRequest): Sql[] {
  // Records whose publicity period ended are out even before the next reconciliation removes them.
  const parts: Sql[] = [Prisma.sql`("visibleUntil" IS NULL OR "visibleUntil" >= ${todayInBeijing()}::date)`];
  if (request.agencyId !== undefined) parts.push(Prisma.sql`"agencyId" = ${request.agencyId}`);
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

const HIT_COLUMNS = Prisma.sql`"type", "sourceId", "title", "content", "url", "publishedAt", "agencyId", "categoryId", "issuingBody", "validity"`;

function hitsOf(rows: HitRow[]): SearchEngineHit[] {
  return rows.map((row) => ({ ...row, type: row.type as SearchDocumentType }));
}

/**
 * The matches among the `budget` newest documents, newest first (a walk of the date index that
 * checks each row; stops as soon as the page is full). Fewer than `limit` hits means the budget ran
 * out or the table ended. On the usual pool: the walk needs the plain index scan.
 */
async function walkNewest(condition: Sql, offset: number, limit: number, budget: number): Promise<SearchEngineHit[]> {
  const rows = await rowsOf<HitRow>(
    poolForCurrentRead(),
    Prisma.sql`
    SELECT ${HIT_COLUMNS} FROM (SELECT * FROM "SearchDocument" ORDER BY "publishedAt" DESC, "id" DESC LIMIT ${budget}) newest
     WHERE ${condition} ORDER BY "publishedAt" DESC, "id" DESC OFFSET ${offset} LIMIT ${limit}`,
  );
  return hitsOf(rows);
}

/** A page of one tier: a walk when matches are common enough to be met soon, else through the GIN index. */
async function readTier(tier: Tier, offset: number, limit: number, tableRows: number): Promise<SearchEngineHit[]> {
  if (limit <= 0 || tier.count <= 0) return [];
  if (tableRows > SMALL_TABLE && ((offset + limit) * tableRows) / tier.count <= WALK_BUDGET) {
    const walked = await walkNewest(tier.checked, offset, limit, 2 * WALK_BUDGET);
    // The estimate that chose the walk can be wrong (matches bunched among older documents).
    if (walked.length === limit || walked.length === tier.count - offset) return walked;
  }
  const rows = await rowsOf<HitRow>(
    searchPoolForCurrentRead(),
    Prisma.sql`
    SELECT ${HIT_COLUMNS} FROM "SearchDocument" WHERE ${tier.indexed}
     ORDER BY "publishedAt" DESC, "id" DESC OFFSET ${offset} LIMIT ${limit}`,
  );
  return hitsOf(rows);
}

// ---------------------------------------------------------------------------------------------
// Very common terms: the table's statistics instead of a count.

/**
 * The table's size (reltuples; null before the table was first vacuumed or analysed) and, once
 * ANALYZE has run, the share of documents holding each of the most common index terms.
 */
type TermStatistics = { tableRows: number | null; terms: Map<number, number> | null; titleTerms: Map<number, number> | null };

/** How long a process keeps the statistics it read (they change only when ANALYZE runs). */
const STATISTICS_TTL_MS = 60_000;
const globalForStatistics = globalThis as unknown as { gongkaiSearchStatistics?: { readAt: number; value: Promise<TermStatistics | null> } };

async function readTermStatistics(): Promise<TermStatistics> {
  const rows = await rowsOf<{ column: string | null; elements: string[] | null; frequencies: number[] | null; table_rows: number }>(
    poolForCurrentRead(),
    Prisma.sql`
    SELECT s.attname AS "column", s.most_common_elems::text::text[] AS "elements", s.most_common_elem_freqs AS "frequencies",
           c.reltuples::float8 AS "table_rows"
      FROM pg_class c
      LEFT JOIN pg_stats s ON s.schemaname = current_schema() AND s.tablename = 'SearchDocument' AND s.attname IN ('terms', 'titleTerms')
     WHERE c.oid = '"SearchDocument"'::regclass`,
  );
  const columns = new Map(
    rows
      .filter((row) => row.column !== null)
      .map((row) => {
        const shares = new Map<number, number>();
        // The frequencies list ends with three summary figures after one per element.
        (row.elements ?? []).forEach((element, index) => shares.set(Number(element), Number(row.frequencies?.[index] ?? 0)));
        return [row.column, shares];
      }),
  );
  // reltuples is -1 until the table is first vacuumed or analysed.
  const tableRows = rows.length && Number(rows[0].table_rows) >= 0 ? Number(rows[0].table_rows) : null;
  return { tableRows, terms: columns.get("terms") ?? null, titleTerms: columns.get("titleTerms") ?? null };
}

/** The statistics, read at most once a minute per process. */
function termStatistics(): Promise<TermStatistics | null> {
  const cached = globalForStatistics.gongkaiSearchStatistics;
  const now = performance.now();
  if (cached && now - cached.readAt < STATISTICS_TTL_MS) return cached.value;
  const value = readTermStatistics().catch(() => null);
  globalForStatistics.gongkaiSearchStatistics = { readAt: now, value };
  return value;
}

/** Forgets the statistics read (a test that has just run ANALYZE). */
export function forgetSearchStatistics(): void {
  globalForStatistics.gongkaiSearchStatistics = undefined;
}

function narrowed(request: SearchEngineRequest): boolean {
  return Boolean(
    request.agencyId !== undefined || request.types?.length || request.categoryIds?.length || request.year || request.issuingBody || request.validity,
  );
}

/**
 * The share of documents a walk may count on: the Fréchet bound when it says anything, else half
 * the independence estimate (terms that avoid each other would make it too high; a walk that
 * comes back short falls back to counting).
 */
function plannedShare(share: { atLeast: number; estimate: number }): number {
  return share.atLeast > 0 ? share.atLeast : share.estimate / 2;
}

/** Whether a walk of the newest documents may be expected to find `wanted` matches within half its budget. */
function walkable(wanted: number, share: number): boolean {
  return share > 0 && wanted / share <= WALK_BUDGET / 2;
}

/**
 * A search whose terms the statistics show in more than COUNT_CAP documents (so the total would be
 * an estimate anyway), without filters: the total from the statistics, and the page from a bounded
 * walk of the newest documents. For relevance order, the title tier comes first: walked too when
 * titles holding the terms are common, else counted and read through the titles' (small) GIN
 * index, with the walk for the body tier after it. Null when that does not apply or a walk came
 * back short: the caller counts instead.
 */
async function searchCommonTerms(request: SearchEngineRequest, terms: number[], offset: number, limit: number): Promise<SearchEngineResult | null> {
  if (narrowed(request) || limit <= 0) return null;
  const statistics = await termStatistics();
  if (!statistics?.terms || !statistics.titleTerms || statistics.tableRows === null || statistics.tableRows <= SMALL_TABLE) return null;
  const { tableRows } = statistics;
  const phraseTerms = request.query.phrases.map((phrase) => phrase.terms.map(termKey));
  const everywhere = shareHoldingAll(phraseTerms, statistics.terms);
  if (!everywhere || plannedShare(everywhere) * tableRows <= COUNT_CAP) return null;
  const phrases = request.query.phrases;
  const filters = filterConditions(request);
  const end = offset + limit;
  const total = (served: number) => ({ total: Math.max(Math.round(everywhere.estimate * tableRows), served), totalIsEstimate: true });

  if (request.sort === "date") {
    if (!walkable(end, plannedShare(everywhere))) return null;
    const hits = await walkNewest(and([...inText(phrases), ...filters]), offset, limit, WALK_BUDGET);
    return hits.length === limit ? { ...total(end), hits } : null;
  }

  const inTitles = shareHoldingAll(phraseTerms, statistics.titleTerms);
  const titleCondition = and(inTitle(phrases));
  const titleShare = inTitles ? plannedShare(inTitles) : 0;
  if (titleShare * tableRows >= Math.max(TITLE_COUNT_CAP, end) && walkable(end, titleShare)) {
    const hits = await walkNewest(and([titleCondition, ...filters]), offset, limit, WALK_BUDGET);
    // A full page of title matches is the title tier's top, however many more there are.
    if (hits.length === limit) return { ...total(end), hits };
  }
  // Few titles: count them exactly (the titles' GIN index is small), then walk for the body tier.
  const [titled] = await countCapped(searchPoolForCurrentRead(), [
    { where: and([Prisma.sql`"titleTerms" @> ${terms}::int8[]`, titleCondition, ...filters]), cap: Math.max(TITLE_COUNT_CAP, end) },
  ]);
  // More titles than the cap (which is at least the page's end): the page lies in the title tier.
  const bodyOffset = Math.max(0, offset - titled.count);
  const bodyWanted = end - Math.max(offset, titled.count);
  if (bodyWanted > 0 && !walkable(bodyOffset + bodyWanted, plannedShare(everywhere))) return null;
  const titleTier: Tier = {
    indexed: and([Prisma.sql`"titleTerms" @> ${terms}::int8[]`, titleCondition, ...filters]),
    checked: and([titleCondition, ...filters]),
    count: titled.count,
  };
  const hits = await readTier(titleTier, offset, limit, titled.tableRows);
  if (hits.length < limit) {
    const body = await walkNewest(and([Prisma.sql`NOT (${titleCondition})`, ...inText(phrases), ...filters]), bodyOffset, limit - hits.length, WALK_BUDGET);
    if (body.length < limit - hits.length) return null;
    hits.push(...body);
  }
  return { ...total(end), hits };
}

// ---------------------------------------------------------------------------------------------
// A small index: everything in one statement.

/**
 * The one statement of a small index, the same text for every search (its filters are parameters,
 * NULL when not used), so that each connection prepares it once: parsing and planning it cost more
 * than running it (0.55 against 1.3 ms of the database's time per demo search). A generic plan is
 * harmless at this size; the general plan's statements are not prepared, because their best plans
 * depend on how common the searched terms are.
 * $1 keys, $2 every phrase, $3 the phrases to confirm, $4 relevance order, $5 today (Beijing),
 * $6 agency, $7 types, $8 categories, $9/$10 publication range, $11 issuing body, $12 validity,
 * $13 offset, $14 limit.
 */
const SMALL_INDEX_STATEMENT = `
  WITH matched AS MATERIALIZED (
    SELECT "id",
           ($4::boolean AND "titleTerms" @> $1::int8[] AND NOT EXISTS (SELECT FROM unnest($2::text[]) phrase WHERE strpos("titleText", phrase) = 0)) AS "titled"
      FROM "SearchDocument"
     WHERE "terms" @> $1::int8[]
       AND ("visibleUntil" IS NULL OR "visibleUntil" >= $5::date)
       AND ($6::int IS NULL OR "agencyId" = $6::int)
       AND ($7::text[] IS NULL OR "type" = ANY($7::text[]))
       AND ($8::int[] IS NULL OR "categoryId" = ANY($8::int[]))
       AND ($9::timestamptz IS NULL OR ("publishedAt" >= $9::timestamptz AND "publishedAt" < $10::timestamptz))
       AND ($11::text IS NULL OR "issuingBody" = $11::text)
       AND ($12::text IS NULL OR "validity" = $12::text)
       AND NOT EXISTS (SELECT FROM unnest($3::text[]) phrase WHERE strpos("searchText", phrase) = 0)
     LIMIT ${SMALL_TABLE + 1}),
  counted AS (SELECT count(*)::int AS "matches" FROM matched)
  SELECT counted."matches", page.* FROM counted
    LEFT JOIN LATERAL (SELECT ${HIT_COLUMNS.text} FROM matched JOIN "SearchDocument" USING ("id")
                        ORDER BY "titled" DESC, "publishedAt" DESC, "id" DESC OFFSET $13 LIMIT $14) page
      ON counted."matches" <= ${SMALL_TABLE}`;

/**
 * A search of an index of at most SMALL_TABLE documents (a single agency's site, the demo): the
 * matches (phrases confirmed), their exact count and the page, tier by tier, in one prepared
 * statement, one round trip. At this size reading every match costs less than the statements that
 * would avoid it. Null when more than SMALL_TABLE documents match (the table grew since its size
 * was last read): the caller runs the general plan. Its conditions are filterConditions' and the
 * tiers' (tests/integration/search.test.ts compares the two plans).
 */
async function searchSmallIndex(request: SearchEngineRequest, terms: number[], offset: number, limit: number): Promise<SearchEngineResult | null> {
  const phrases = request.query.phrases;
  const range = request.year ? beijingYearRange(request.year) : [null, null];
  const values = [
    terms,
    phrases.map((phrase) => phrase.text),
    phrases.filter((phrase) => !phrase.exact).map((phrase) => phrase.text),
    request.sort === "relevance",
    todayInBeijing(),
    request.agencyId ?? null,
    request.types?.length ? request.types : null,
    request.categoryIds?.length ? request.categoryIds : null,
    range[0],
    range[1],
    request.issuingBody || null,
    request.validity || null,
    offset,
    Math.max(0, limit),
  ];
  const { rows } = await searchPoolForCurrentRead().query<HitRow & { matches: number }>({ name: "search_small_index", text: SMALL_INDEX_STATEMENT, values });
  const total = rows[0]?.matches ?? 0;
  if (total > SMALL_TABLE) return null;
  const hits = rows.filter((row) => row.sourceId !== null).map(({ matches: _matches, ...row }) => row);
  return { total, totalIsEstimate: false, hits: hitsOf(hits) };
}

/** How a search is carried out: chosen from the index's size ("auto"), or forced (tests compare the plans). */
export type SearchPlan = "auto" | "small-index" | "general";

/**
 * One search: on a small index, everything in one statement (searchSmallIndex); else the page
 * straight from a walk when its terms are very common (searchCommonTerms); otherwise the counts
 * (one statement), the confirmation of phrases when needed, then the page, tier by tier. `plan`
 * forces one way (tests compare them).
 */
export async function runSearch(request: SearchEngineRequest, plan: SearchPlan = "auto"): Promise<SearchEngineResult> {
  const phrases = request.query.phrases;
  if (!phrases.length) return { total: 0, totalIsEstimate: false, hits: [] };
  const terms = allTermsOf(request.query).map(termKey);
  const filters = filterConditions(request);
  const unconfirmed = phrases.filter((phrase) => !phrase.exact);
  const candidates = and([Prisma.sql`"terms" @> ${terms}::int8[]`, ...filters]);
  const confirm = and(inText(unconfirmed));
  const titleCondition = and(inTitle(phrases));
  const titleIndexed = and([Prisma.sql`"titleTerms" @> ${terms}::int8[]`, titleCondition, ...filters]);
  const offset = (request.page - 1) * request.pageSize;
  const limit = Math.min(request.pageSize, RESULT_WINDOW - offset);

  if (plan !== "general") {
    const tableRows = plan === "auto" ? (await termStatistics())?.tableRows : 0;
    if (tableRows !== null && tableRows !== undefined && tableRows <= SMALL_TABLE) {
      const small = await searchSmallIndex(request, terms, offset, limit);
      if (small) return small;
    }
  }
  const common = await searchCommonTerms(request, terms, offset, limit);
  if (common) return common;

  const pool = searchPoolForCurrentRead();
  // The title count only matters for relevance order, and only up to the end of the page asked
  // for: beyond it the page lies within the title tier (its estimate still decides how to read it).
  const [all, titled = null] = await countCapped(pool, [
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
      const [confirmed] = await countCapped(pool, [{ where: and([candidates, confirm]) }]);
      total = confirmed.count;
      estimated = confirmed.estimated;
    }
  }
  if (total === 0 || limit <= 0) return { total, totalIsEstimate: estimated, hits: [] };

  if (!titled) {
    const everything: Tier = { indexed: and([candidates, confirm]), checked: and([...inText(phrases), ...filters]), count: total };
    return { total, totalIsEstimate: estimated, hits: await readTier(everything, offset, limit, all.tableRows) };
  }
  const titleTier: Tier = { indexed: titleIndexed, checked: and([titleCondition, ...filters]), count: titled.count };
  const bodyTier: Tier = {
    indexed: and([candidates, Prisma.sql`NOT (${titleCondition})`, confirm]),
    checked: and([Prisma.sql`NOT (${titleCondition})`, ...inText(phrases), ...filters]),
    count: Math.max(0, total - titled.count),
  };
  const hits = await readTier(titleTier, offset, limit, all.tableRows);
  if (hits.length < limit) {
    const bodyOffset = Math.max(0, offset - titled.count);
    hits.push(...(await readTier(bodyTier, bodyOffset, limit - hits.length, all.tableRows)));
  }
  // An estimate may fall short of the ranks actually served.
  return { total: hits.length ? Math.max(total, offset + hits.length) : total, totalIsEstimate: estimated, hits };
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
    terms: indexKeysOf(searchText),
    titleTerms: indexKeysOf(titleText),
    url: document.url,
    publishedAt: document.publishedAt,
    agencyId: document.agencyId,
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
    // Term key arrays travel as space-separated strings: unnest() cannot take an array of arrays.
    await client.$executeRaw`
      INSERT INTO "SearchDocument" ("type", "sourceId", "sourceVersion", "title", "titleText", "content", "searchText",
                                    "terms", "titleTerms", "url", "publishedAt", "agencyId", "categoryId", "issuingBody", "validity", "visibleUntil", "indexedAt")
      SELECT d.type, d.source_id, d.source_version, d.title, d.title_text, d.content, d.search_text,
             string_to_array(d.terms, ' ')::int8[], string_to_array(d.title_terms, ' ')::int8[], d.url, d.published_at, d.agency_id,
             d.category_id, d.issuing_body, d.validity, d.visible_until, now()
        FROM unnest(${column("type")}::text[], ${column("sourceId")}::int[], ${column("sourceVersion")}::text[],
                    ${column("title")}::text[], ${column("titleText")}::text[], ${column("content")}::text[],
                    ${column("searchText")}::text[], ${batch.map((document) => document.terms.join(" "))}::text[],
                    ${batch.map((document) => document.titleTerms.join(" "))}::text[], ${column("url")}::text[],
                    ${column("publishedAt")}::timestamptz[], ${column("agencyId")}::int[], ${column("categoryId")}::int[], ${column("issuingBody")}::text[],
                    ${column("validity")}::text[], ${column("visibleUntil")}::date[])
          AS d(type, source_id, source_version, title, title_text, content, search_text, terms, title_terms, url,
               published_at, agency_id, category_id, issuing_body, validity, visible_until)
      ON CONFLICT ("type", "sourceId") DO UPDATE SET
        "sourceVersion" = EXCLUDED."sourceVersion", "title" = EXCLUDED."title", "titleText" = EXCLUDED."titleText",
        "content" = EXCLUDED."content", "searchText" = EXCLUDED."searchText", "terms" = EXCLUDED."terms",
        "titleTerms" = EXCLUDED."titleTerms", "url" = EXCLUDED."url", "publishedAt" = EXCLUDED."publishedAt",
        "agencyId" = EXCLUDED."agencyId", "categoryId" = EXCLUDED."categoryId", "issuingBody" = EXCLUDED."issuingBody", "validity" = EXCLUDED."validity",
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
  async listIndexedVersions(type, range, tx) {
    const rows = await (tx ?? db).$queryRaw<{ sourceId: number; sourceVersion: string }[]>`
      SELECT "sourceId", "sourceVersion" FROM "SearchDocument"
       WHERE "type" = ${type} AND "sourceId" > ${range.after} AND (${range.through}::int IS NULL OR "sourceId" <= ${range.through}::int)`;
    return new Map(rows.map((row) => [row.sourceId, row.sourceVersion]));
  },
};
