import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { searchPoolForCurrentRead } from "@/lib/database/pool";
import { db } from "@/lib/db";
import { searchEngine } from "@/lib/search/engine";
import { forgetSearchStatistics, runSearch } from "@/lib/search/postgres-engine";
import { parseSearchQuery } from "@/lib/search/query";
import { foldForSearch } from "@/lib/search/text/normalize";
import type { SearchDocumentInput, SearchSort } from "@/lib/search/types";
import { useMigratedTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * Very common terms (lib/search/postgres-engine.ts, searchCommonTerms): above 5,000 documents, a
 * search whose terms the table's statistics show in more documents than the count would stop at
 * is served from a walk of the newest documents with an estimated total. Each answer here is
 * checked against a plain substring scan of the same documents, newest first.
 */

const DOCUMENTS = 6_000;
const start = Date.UTC(2020, 0, 1);

type Stored = { id: number; title: string; text: string; publishedAt: Date };
const stored: Stored[] = [];

function documentOf(id: number): SearchDocumentInput {
  // Every document: 城市管理. Titles: 执法 in every third (2,000), 通知 in the others. Text: 公园 in
  // every second; 管理城 and 城市 in every one, but the phrase 管理城市 only in the three oldest.
  const title = `${id % 3 === 0 ? "执法检查" : "工作通知"}第${id}号`;
  const body = [
    `城市管理第${id}期。`,
    id % 2 === 0 ? "公园绿化养护。" : "道路清扫保洁。",
    "依法管理城区。",
    id <= 3 ? "管理城市的办法。" : "",
    "执法人员到场。",
  ].join("");
  return {
    type: "item",
    sourceId: id,
    sourceVersion: "1",
    title,
    fields: [body],
    url: `/items/${id}`,
    publishedAt: new Date(start + id * 3_600_000),
    agencyId: 1,
  };
}

const SMALL_AGENCY = 2;
const SMALL_AGENCY_DOCUMENTS = 120;
const smallAgencyStored: Stored[] = [];

function smallAgencyDocumentOf(index: number): SearchDocumentInput {
  const id = DOCUMENTS + index;
  return {
    type: "item",
    sourceId: id,
    sourceVersion: "1",
    title: `${index % 4 === 0 ? "园林绿化通知" : "城市管理通知"}第${index}号`,
    fields: [`城市管理第${index}期。依法管理城区。${index % 4 === 0 ? "园林养护。" : ""}`],
    url: `/items/${id}`,
    publishedAt: new Date(start + index * 5_400_000),
    agencyId: SMALL_AGENCY,
  };
}

let database: TestDatabase;

before(async () => {
  database = await useMigratedTestDatabase();
  const documents = Array.from({ length: DOCUMENTS }, (_, index) => documentOf(index + 1));
  await searchEngine.upsertDocuments(documents);
  for (const document of documents)
    stored.push({
      id: document.sourceId,
      title: foldForSearch(document.title),
      text: foldForSearch(`${document.title}\n${document.fields.join("\n")}`),
      publishedAt: document.publishedAt,
    });
  // A small second agency (集约化): 120 documents of its own, 城市管理 in each, 园林 in every fourth.
  const small = Array.from({ length: SMALL_AGENCY_DOCUMENTS }, (_, index) => smallAgencyDocumentOf(index + 1));
  await searchEngine.upsertDocuments(small);
  for (const document of small)
    smallAgencyStored.push({
      id: document.sourceId,
      title: foldForSearch(document.title),
      text: foldForSearch(`${document.title}\n${document.fields.join("\n")}`),
      publishedAt: document.publishedAt,
    });
  await db.$executeRaw`ANALYZE "SearchDocument"`;
  forgetSearchStatistics();
});

after(async () => {
  await database.drop();
});

/** What a plain scan finds: every phrase in the text; for relevance, title matches first; newest first within each. */
function oracle(q: string, sort: SearchSort, documents: Stored[] = stored): number[] {
  const phrases = parseSearchQuery(q).phrases.map((phrase) => phrase.text);
  const newestFirst = documents
    .filter((document) => phrases.every((phrase) => document.text.includes(phrase)))
    .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime());
  if (sort === "date") return newestFirst.map((document) => document.id);
  const inTitle = (document: Stored) => phrases.every((phrase) => document.title.includes(phrase));
  return [...newestFirst.filter(inTitle), ...newestFirst.filter((document) => !inTitle(document))].map((document) => document.id);
}

/** Statements sent to the GIN index (the search pool) while `work` runs: the counts and bitmap reads that common terms skip. */
async function ginStatementsDuring<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const pool = searchPoolForCurrentRead();
  const original = pool.query;
  let statements = 0;
  pool.query = ((...args: Parameters<typeof original>) => {
    statements++;
    return (original as (...rest: unknown[]) => unknown).apply(pool, args);
  }) as typeof original;
  try {
    return { result: await work(), statements };
  } finally {
    pool.query = original;
  }
}

async function search(q: string, sort: SearchSort, page = 1) {
  return searchEngine.search({ query: parseSearchQuery(q), sort, page, pageSize: 20 });
}

describe("very common terms", () => {
  test("a term in every document: the newest matches, pages in order, and an estimated total close to the truth", async () => {
    const expected = oracle("城市管理", "date");
    assert.equal(expected.length, DOCUMENTS);
    for (const page of [1, 2, 7]) {
      const { result, statements } = await ginStatementsDuring(() => search("城市管理", "date", page));
      assert.equal(statements, 0, "nothing counted: the page comes from the walk");
      assert.deepEqual(
        result.hits.map((hit) => hit.sourceId),
        expected.slice((page - 1) * 20, page * 20),
        `page ${page}`,
      );
      assert.equal(result.totalIsEstimate, true, "beyond the count's cap the total is an estimate");
      assert.ok(Math.abs(result.total - DOCUMENTS) <= DOCUMENTS * 0.1, `total ${result.total} within 10 % of ${DOCUMENTS}`);
    }
  });

  test("relevance: titles holding the term first, then the others, each newest first", async () => {
    for (const q of ["执法", "公园"]) {
      const expected = oracle(q, "relevance");
      const first = await search(q, "relevance");
      assert.deepEqual(
        first.hits.map((hit) => hit.sourceId),
        expected.slice(0, 20),
        q,
      );
      assert.ok(Math.abs(first.total - expected.length) <= expected.length * 0.15, `${q}: total ${first.total} near ${expected.length}`);
    }
    // 公园 is in no title: the title tier is counted (empty) and the body tier walked.
    assert.equal(oracle("公园", "relevance")[0], 6_000);
  });

  test("common character pairs that rarely form the phrase: the walk finds too few, so the phrase is counted", async () => {
    const expected = oracle("管理城市", "relevance");
    assert.deepEqual(expected, [3, 2, 1]);
    const result = await search("管理城市", "relevance");
    assert.deepEqual(
      result.hits.map((hit) => hit.sourceId),
      expected,
    );
    // Counted, not taken from the statistics (which put the pairs in every document): the count
    // confirms the phrase on a sample of its candidates, so a small figure, not thousands.
    assert.ok(result.total >= 3 && result.total < 100, `total ${result.total}`);
  });

  test("a filter narrows the search: counted as before, never estimated from the statistics", async () => {
    const { result, statements } = await ginStatementsDuring(() =>
      searchEngine.search({ query: parseSearchQuery("执法"), sort: "date", page: 1, pageSize: 20, year: 2020 }),
    );
    assert.ok(statements >= 1, "counted");
    const expected = stored
      .filter((document) => document.text.includes("执法") && document.publishedAt.getTime() < Date.UTC(2020, 11, 31, 16))
      .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime());
    assert.deepEqual(
      result.hits.map((hit) => hit.sourceId),
      expected.slice(0, 20).map((document) => document.id),
    );
    if (expected.length <= 2_000) assert.equal(result.total, expected.length);
  });
});

describe("one small agency of a large platform", () => {
  test("common terms searched in one agency: that agency's documents alone, exactly counted, in order", async () => {
    for (const [q, sort] of [
      ["城市管理", "date"],
      ["城市管理", "relevance"],
      ["园林", "relevance"],
      ["依法管理城区", "date"],
    ] as const) {
      const expected = oracle(q, sort, smallAgencyStored);
      assert.ok(expected.length > 0, q);
      const found = await searchEngine.search({ query: parseSearchQuery(q), sort, page: 1, pageSize: 20, agencyId: SMALL_AGENCY });
      assert.deepEqual(
        found.hits.map((hit) => hit.sourceId),
        expected.slice(0, 20),
        `${q} (${sort})`,
      );
      assert.equal(found.total, expected.length, `${q}: counted, not estimated`);
      assert.equal(found.totalIsEstimate, false);
      const second = await searchEngine.search({ query: parseSearchQuery(q), sort, page: 2, pageSize: 20, agencyId: SMALL_AGENCY });
      assert.deepEqual(
        second.hits.map((hit) => hit.sourceId),
        expected.slice(20, 40),
        `${q} (${sort}), page 2`,
      );
    }
    // The large agency's documents are untouched by the small one's.
    const large = await searchEngine.search({ query: parseSearchQuery("园林"), sort: "date", page: 1, pageSize: 20, agencyId: 1 });
    assert.equal(large.total, 0);
  });
});

describe("the small-index plan on a table past its size", () => {
  test("an index that grew since its size was read: the one-statement plan gives way to the general plan, with the same answer", async () => {
    for (const [q, sort] of [
      ["城", "date"],
      ["城市", "relevance"],
    ] as const) {
      const request = { query: parseSearchQuery(q), sort, page: 2, pageSize: 20 };
      const general = await runSearch(request, "general");
      assert.equal(general.totalIsEstimate, true, `${q}: more than the count's cap`);
      assert.deepEqual(await runSearch(request, "small-index"), general, q);
    }
    // Narrowed to the small agency the matches are few: the one statement answers, exactly as the general plan.
    for (const sort of ["date", "relevance"] as const) {
      const request = { query: parseSearchQuery("城市管理"), sort, page: 2, pageSize: 20, agencyId: SMALL_AGENCY };
      const small = await runSearch(request, "small-index");
      assert.deepEqual(small, await runSearch(request, "general"), sort);
      assert.deepEqual(
        small.hits.map((hit) => hit.sourceId),
        oracle("城市管理", sort, smallAgencyStored).slice(20, 40),
      );
    }
  });
});
