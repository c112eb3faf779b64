import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import * as OpenCC from "opencc-js";
import type { ActingUser } from "@/lib/auth/acting-user";
import { currentTime } from "@/lib/clock";
import { poolForCurrentRead, searchPoolForCurrentRead } from "@/lib/database/pool";
import { db, Prisma } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { transitionItem } from "@/lib/items/item-review";
import { createItem } from "@/lib/items/manage-items";
import { bumpPublicContentVersion } from "@/lib/public-content/content-version";
import { forgetSearchStatistics, runSearch } from "@/lib/search/postgres-engine";
import { parseSearchQuery } from "@/lib/search/query";
import { ensureSearchIndexCurrent, reconcileSearchIndex } from "@/lib/search/search-index";
import { searchPublicContent, toApiSearchResponse, type PublicSearchPage } from "@/lib/search/search-public";
import { termKey } from "@/lib/search/text/normalize";
import type { SearchEngineRequest } from "@/lib/search/types";
import { seedBaseData } from "@/prisma/seed/seed-base";
import { corpus, relevanceQueries, type CorpusDocument } from "../fixtures/search-relevance-corpus";
import { insertSection, insertUser } from "../support/fixtures";
import { useMigratedTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
let staff: ActingUser;
let head: ActingUser;
let leader: ActingUser;
let sectionId: number;
const keyOfItem = new Map<number, string>();
const itemOfKey = new Map<string, number>();

// An independent oracle: OpenCC's own phrase-aware traditional → simplified converter (not the
// engine's character table), NFKC and lower case, then a plain substring test.
const toSimplified = OpenCC.Converter({ from: "t", to: "cn" });
const oracleFold = (text: string) =>
  toSimplified(text.normalize("NFKC").toLowerCase())
    .replace(/[〔【［]/g, "[")
    .replace(/[〕】］]/g, "]")
    .replace(/\s+/g, " ");
const documentText = (document: CorpusDocument, indexNumber: string) =>
  oracleFold(
    [
      document.title,
      indexNumber,
      document.documentNumber ?? "",
      document.body,
      document.attachment ? `${document.attachment.name}\n${document.attachment.text}` : "",
    ].join("\n"),
  );
const indexNumbers = new Map<string, string>();

function oracleMatches(q: string): Set<string> {
  const phrases = parseSearchQuery(q).phrases.map((phrase) => oracleFold(phrase.text));
  return new Set(
    corpus
      .filter((document) => (document.state ?? "published") === "published")
      .filter((document) => phrases.length > 0 && phrases.every((phrase) => documentText(document, indexNumbers.get(document.key)!).includes(phrase)))
      .map((document) => document.key),
  );
}

async function insertCorpusDocument(document: CorpusDocument, index: number, categories: Map<string, number>): Promise<void> {
  const indexNumber = `TEST/2017-${String(index + 1).padStart(5, "0")}`;
  indexNumbers.set(document.key, indexNumber);
  const state = document.state ?? "published";
  const publishedAt = new Date(`${document.publishedAt}T09:30:00+08:00`);
  await db.$transaction(async (tx) => {
    const item = await tx.item.create({
      data: {
        indexNumber,
        state: state === "withdrawn" ? "withdrawn" : state,
        sectionId,
        authorId: staff.id,
        ...(state === "draft" ? {} : { publishedAt, lastPublishedAt: publishedAt }),
        ...(state === "withdrawn" ? { withdrawnAt: new Date(publishedAt.getTime() + 86_400_000), withdrawalReason: "内容有误" } : {}),
      },
    });
    const revision = await tx.itemRevision.create({
      data: {
        itemId: item.id,
        number: 1,
        title: document.title,
        body: `<p>${document.body}</p>`,
        bodyText: document.body,
        categoryId: categories.get(document.category)!,
        issuingSectionId: document.bySection ? sectionId : null,
        externalIssuingBody: document.reposted ?? null,
        documentNumber: document.documentNumber ?? null,
        formedAt: new Date(`${document.publishedAt}T00:00:00Z`),
        validity: document.validity ?? "in_force",
        channels: ["website"],
        keywords: [],
        createdById: staff.id,
      },
    });
    if (document.attachment) {
      const file = await tx.storedFile.create({
        data: {
          storagePath: `test/${document.key}`,
          originalName: document.attachment.name,
          mimeType: "application/pdf",
          kind: "pdf",
          sizeBytes: 100,
          sha256: "0".repeat(64),
          extractedText: document.attachment.text,
          uploadedById: staff.id,
        },
      });
      await tx.itemAttachment.create({ data: { revisionId: revision.id, fileId: file.id } });
    }
    await tx.item.update({
      where: { id: item.id },
      data: { latestRevisionId: revision.id, ...(state === "draft" ? {} : { publishedRevisionId: revision.id }) },
    });
    keyOfItem.set(item.id, document.key);
    itemOfKey.set(document.key, item.id);
  });
}

async function searchAll(q: string, extra: Record<string, string> = {}): Promise<{ keys: string[]; pages: PublicSearchPage[] }> {
  const pages: PublicSearchPage[] = [];
  const keys: string[] = [];
  for (let page = 1; page <= 20; page++) {
    const result = await searchPublicContent({ q, pageSize: "10", page: String(page), ...extra });
    pages.push(result);
    keys.push(...result.results.map((entry) => keyOfItem.get(entry.id) ?? `unknown:${entry.id}`));
    if (page * 10 >= result.total) break;
  }
  return { keys, pages };
}

before(async () => {
  database = await useMigratedTestDatabase();
  await seedBaseData();
  sectionId = await insertSection("综合执法大队");
  staff = await insertUser("staff", { sectionId });
  head = await insertUser("section_head", { sectionId });
  leader = await insertUser("leader");
  const categories = new Map((await db.category.findMany()).map((category) => [category.slug, category.id]));
  for (const [index, document] of corpus.entries()) await insertCorpusDocument(document, index, categories);
  // Written straight to the tables, like a seed or an import: the index learns of them through
  // the content version.
  await db.$transaction((tx) => bumpPublicContentVersion(tx));
});
after(async () => {
  await database.drop();
});

describe("relevance test set", () => {
  test("the fixture's expected results are exactly what a plain substring scan finds", () => {
    assert.ok(relevanceQueries.length >= 40, "at least 40 queries");
    for (const query of relevanceQueries) {
      assert.deepEqual([...oracleMatches(query.q)].sort(), [...query.expected].sort(), `fixture for ${query.q}`);
    }
  });

  for (const query of relevanceQueries) {
    test(`${query.q}${query.note ? ` (${query.note})` : ""}`, async () => {
      const first = await searchPublicContent({ q: query.q, pageSize: "10" });
      const topTen = first.results.map((entry) => keyOfItem.get(entry.id));
      const expected = oracleMatches(query.q);
      assert.equal(first.total, expected.size, `total for ${query.q}`);
      assert.equal(first.totalIsEstimate, false);
      // Recall: every exact-phrase match is in the top 10 (every query here has at most 10).
      for (const key of expected) assert.ok(topTen.includes(key), `${key} missing from the top 10 for ${query.q}: ${topTen.join(", ")}`);
      // Precision: nothing without every phrase (for quoted queries: the quoted phrase).
      for (const key of topTen) assert.ok(key && expected.has(key), `${key} does not hold ${query.q}`);
      if (query.first) assert.deepEqual(topTen.slice(0, query.first.length), query.first, `ranking for ${query.q}`);
    });
  }
});

describe("matching", () => {
  test("a one-character query over many documents pages through every match exactly once", async () => {
    const expected = oracleMatches("市");
    assert.ok(expected.size > 10, "the character is common in the corpus");
    const { keys, pages } = await searchAll("市");
    assert.equal(pages[0].total, expected.size);
    assert.equal(new Set(keys).size, keys.length, "no document twice");
    assert.deepEqual([...keys].sort(), [...expected].sort());
  });

  test("relevance puts title matches first, newest first within each tier; date sort is newest first", async () => {
    const byRelevance = (await searchAll("执法")).keys;
    const titled = corpus.filter((document) => oracleFold(document.title).includes("执法") && (document.state ?? "published") === "published");
    assert.deepEqual(new Set(byRelevance.slice(0, titled.length)), new Set(titled.map((document) => document.key)));
    const dates = (keys: string[]) => keys.map((key) => corpus.find((document) => document.key === key)!.publishedAt);
    const titleDates = dates(byRelevance.slice(0, titled.length));
    assert.deepEqual(titleDates, [...titleDates].sort().reverse());
    const byDate = (await searchAll("执法", { sort: "date" })).keys;
    assert.deepEqual(dates(byDate), [...dates(byDate)].sort().reverse());
    assert.deepEqual([...byDate].sort(), [...byRelevance].sort());
  });

  test("filters: type, category (with its subcategories), year, issuing body, validity", async () => {
    const keys = async (q: string, extra: Record<string, string>) => (await searchAll(q, extra)).keys.sort();
    const expectedWith = (q: string, keep: (document: CorpusDocument) => boolean) =>
      [...oracleMatches(q)].filter((key) => keep(corpus.find((document) => document.key === key)!)).sort();
    const statutory = [
      "normative-documents",
      "major-decisions",
      "licensing",
      "penalties",
      "coercion",
      "fees",
      "random-inspections",
      "budgets",
      "plans",
      "statistics",
      "personnel",
      "procurement",
      "functions",
    ];
    assert.deepEqual(
      await keys("城市", { type: "item" }),
      expectedWith("城市", () => true),
    );
    assert.deepEqual(await keys("城市", { type: "power" }), []);
    assert.deepEqual(
      await keys("城市", { category: "normative-documents" }),
      expectedWith("城市", (document) => document.category === "normative-documents"),
    );
    const underStatutory = await keys("城市", { category: "statutory" });
    assert.deepEqual(
      underStatutory,
      expectedWith("城市", (document) => statutory.includes(document.category)),
    );
    assert.ok(underStatutory.length > 2 && !underStatutory.includes("guide"));
    assert.deepEqual(
      await keys("城市", { year: "2019" }),
      expectedWith("城市", (document) => document.publishedAt.startsWith("2019")),
    );
    assert.deepEqual(await keys("城市", { validity: "repealed" }), ["fee-standard"]);
    const bySection = await keys("公示", { issuingBody: String(sectionId) });
    assert.deepEqual(
      bySection,
      expectedWith("公示", (document) => Boolean(document.bySection)),
    );
    assert.ok(bySection.length >= 2);
    // 本机关 is the agency's own documents: a document reposted from another issuer is not one.
    const byAgency = await keys("公示", { issuingBody: "agency" });
    assert.deepEqual(
      byAgency,
      expectedWith("公示", (document) => !document.bySection && !document.reposted),
    );
    assert.ok(!byAgency.includes("reposted-heating-rules"));
    const reposted = (await searchPublicContent({ q: "供热条例" })).results;
    assert.deepEqual(
      reposted.map((entry) => [keyOfItem.get(entry.id), entry.issuingBody]),
      [["reposted-heating-rules", "黑龙江省人民代表大会常务委员会"]],
    );
  });

  test("snippets show the passage with the match highlighted, in the original script", async () => {
    const result = await searchPublicContent({ q: "综合执法" });
    const [entry] = result.results;
    assert.equal(keyOfItem.get(entry.id), "traditional-notice");
    assert.deepEqual(
      entry.titleSegments.filter((segment) => segment.hit).map((segment) => segment.text),
      ["綜合執法"],
    );
    assert.ok(entry.snippetSegments.some((segment) => segment.hit && segment.text === "綜合執法"));
    const api = toApiSearchResponse(result);
    assert.deepEqual(Object.keys(api), ["total", "results"]);
    assert.deepEqual(Object.keys(api.results[0]), ["type", "id", "title", "snippet", "url", "publishedAt", "agencyCode"]);
    assert.equal(api.results[0].url, `/items/${entry.id}`);
    assert.equal(api.results[0].publishedAt, "2017-05-05");
    assert.match(api.results[0].snippet, /<mark>綜合執法<\/mark>/);
    const attachment = await searchPublicContent({ q: "夜间施工" });
    assert.ok(
      attachment.results[0].snippetSegments.some((segment) => segment.hit && segment.text === "夜间施工"),
      "snippet from attachment text",
    );
  });

  test("the snippet escapes HTML in the API", async () => {
    const result = toApiSearchResponse({
      query: "x",
      total: 1,
      totalIsEstimate: false,
      page: 1,
      pageSize: 20,
      resultWindow: 2000,
      results: [
        {
          type: "item",
          id: 1,
          title: "t",
          titleSegments: [],
          snippetSegments: [
            { text: "<b>", hit: false },
            { text: "a&b", hit: true },
          ],
          url: "/items/1",
          publishedAt: "2017-01-01",
          agencyCode: "SFHCGJ",
          category: null,
          issuingBody: null,
          validity: null,
        },
      ],
    });
    assert.equal(result.results[0].snippet, "&lt;b&gt;<mark>a&amp;b</mark>");
  });

  test("bad parameters are 422 errors naming the parameter", async () => {
    const fieldsOf = async (input: Record<string, unknown>) => {
      try {
        await searchPublicContent(input);
      } catch (error) {
        assert.ok(error instanceof ValidationError);
        return Object.keys(error.fields);
      }
      assert.fail("no error");
    };
    assert.deepEqual(await fieldsOf({ q: "" }), ["q"]);
    assert.deepEqual(await fieldsOf({ q: "   " }), ["q"]);
    assert.deepEqual(await fieldsOf({ q: "。，！" }), ["q"]);
    assert.deepEqual(await fieldsOf({ q: "城".repeat(101) }), ["q"]);
    assert.deepEqual(await fieldsOf({ q: "城管", pageSize: "101" }), ["pageSize"]);
    assert.deepEqual(await fieldsOf({ q: "城管", page: "0" }), ["page"]);
    assert.deepEqual(await fieldsOf({ q: "城管", page: "x" }), ["page"]);
    assert.deepEqual(await fieldsOf({ q: "城管", type: "people" }), ["type"]);
    assert.deepEqual(await fieldsOf({ q: "城管", category: "no-such-column" }), ["category"]);
    assert.deepEqual(await fieldsOf({ q: "城管", sort: "random" }), ["sort"]);
    assert.deepEqual(await fieldsOf({ q: "城管", year: "17" }), ["year"]);
  });

  test("a page past the last result is empty but keeps the total", async () => {
    const result = await searchPublicContent({ q: "城管", page: "5", pageSize: "10" });
    assert.equal(result.total, 7);
    assert.deepEqual(result.results, []);
  });
});

describe("the small-index plan (one statement)", () => {
  test("answers exactly as the general plan: every query of the test set, both orders, page by page, with and without filters", async () => {
    await ensureSearchIndexCurrent();
    const [{ categoryId }] = await db.$queryRaw<{ categoryId: number }[]>`
      SELECT "categoryId" FROM "SearchDocument" WHERE "categoryId" IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`;
    const [{ agencyId }] = await db.$queryRaw<{ agencyId: number }[]>`SELECT "agencyId" FROM "SearchDocument" LIMIT 1`;
    const filters: Partial<SearchEngineRequest>[] = [
      {},
      { types: ["item"], year: 2017 },
      { categoryIds: [categoryId] },
      { validity: "in_force" },
      { agencyId, issuingBody: "agency" },
      { agencyId: agencyId + 1_000 },
    ];
    let compared = 0;
    for (const q of [...relevanceQueries.map((query) => query.q), "市", "执法", "城管 执法"])
      for (const sort of ["relevance", "date"] as const)
        for (const filter of filters)
          for (let page = 1; page <= 20; page++) {
            const request: SearchEngineRequest = { query: parseSearchQuery(q), sort, page, pageSize: 3, ...filter };
            const general = await runSearch(request, "general");
            assert.deepEqual(await runSearch(request, "small-index"), general, `${q} ${sort} ${JSON.stringify(filter)} page ${page}`);
            compared += general.hits.length;
            if (page * 3 >= general.total) break;
          }
    assert.ok(compared > 500, `pages compared hold ${compared} hits`);
  });

  test("on an analysed index of this size a search is one statement, on the index's pool", async () => {
    await ensureSearchIndexCurrent();
    await db.$executeRaw`ANALYZE "SearchDocument"`;
    forgetSearchStatistics();
    const request: SearchEngineRequest = { query: parseSearchQuery("城管 执法"), sort: "relevance", page: 1, pageSize: 10 };
    await runSearch(request);
    const pools = [searchPoolForCurrentRead(), poolForCurrentRead()];
    const originals = pools.map((pool) => pool.query);
    const counts = pools.map(() => 0);
    pools.forEach((pool, index) => {
      pool.query = ((...args: unknown[]) => {
        counts[index]++;
        return (originals[index] as (...rest: unknown[]) => unknown).apply(pool, args);
      }) as typeof pool.query;
    });
    let result;
    try {
      result = await runSearch(request);
    } finally {
      pools.forEach((pool, index) => (pool.query = originals[index]));
    }
    assert.deepEqual(counts, [1, 0], "one statement to the index's pool, none to the other");
    assert.ok(result.hits.length > 0);
    assert.deepEqual(result, await runSearch(request, "general"));
  });
});

describe("keeping the index current", () => {
  test("publishing and withdrawing through the workflow change the index in the same transaction", async () => {
    const categoryId = (await db.category.findUniqueOrThrow({ where: { slug: "plans" } })).id;
    const created = await createItem(staff, {
      title: "关于开展冬季供热燃气安全检查的通知",
      body: "<p>对全市供热燃气管网开展安全检查。</p>",
      categoryId,
      formedAt: "2026-11-02",
    });
    await transitionItem(staff, created.id, { action: "submit" });
    await transitionItem(head, created.id, { action: "approve" });
    const indexedBefore = await db.searchDocument.count({ where: { type: "item", sourceId: created.id } });
    assert.equal(indexedBefore, 0, "not public yet, not indexed");
    await searchPublicContent({ q: "燃气" }); // the index is current
    await transitionItem(leader, created.id, { action: "approve" });
    // The publication moved the content version on, and the index with it: nothing left to reconcile.
    const [versions] = await db.$queryRaw<{ current: string; indexed: string }[]>`
      SELECT (SELECT "token" FROM "PublicContentVersion" WHERE "id" = 1) AS "current", (SELECT "contentVersion" FROM "SearchIndexState" WHERE "id" = 1) AS "indexed"`;
    assert.equal(versions.indexed, versions.current, "the index is recorded as current after a synced publication");
    // No search ran in between: the document was written by the publishing transaction itself.
    const document = await db.searchDocument.findUniqueOrThrow({ where: { type_sourceId: { type: "item", sourceId: created.id } } });
    assert.equal(document.title, "关于开展冬季供热燃气安全检查的通知");
    assert.ok(document.terms.includes(BigInt(termKey("燃气"))) && document.terms.includes(BigInt(termKey("燃"))));
    assert.deepEqual(
      (await searchPublicContent({ q: "燃气安全" })).results.map((entry) => entry.id),
      [created.id],
    );

    await transitionItem(leader, created.id, { action: "withdraw", comment: "内容调整" });
    assert.equal(await db.searchDocument.count({ where: { type: "item", sourceId: created.id } }), 0);
    assert.equal((await searchPublicContent({ q: "燃气安全" })).total, 0);
  });

  test("records written directly (seeds, imports) are indexed on the next search after the content version changes", async () => {
    const id = itemOfKey.get("budget")!;
    await db.$transaction(async (tx) => {
      await tx.item.update({ where: { id }, data: { withdrawnAt: currentTime(), withdrawalReason: "测试", state: "withdrawn" } });
      await bumpPublicContentVersion(tx);
    });
    assert.equal((await searchPublicContent({ q: "预算" })).total, 0);
    await db.$transaction(async (tx) => {
      await tx.item.update({ where: { id }, data: { withdrawnAt: null, withdrawalReason: null, state: "published" } });
      await bumpPublicContentVersion(tx);
    });
    assert.equal((await searchPublicContent({ q: "预算" })).total, 1);
  });

  test("reconciling compares the records a page at a time: every change is found across page boundaries, and nothing else", async () => {
    const indexed = await db.$queryRaw<{ sourceId: number; title: string }[]>`
      SELECT "sourceId", "title" FROM "SearchDocument" WHERE "type" = 'item' ORDER BY "sourceId"`;
    const [first, middle, last] = [indexed[0], indexed[Math.floor(indexed.length / 2)], indexed.at(-1)!];
    await db.$executeRaw`UPDATE "SearchDocument" SET "sourceVersion" = 'stale' WHERE "type" = 'item' AND "sourceId" IN (${first.sourceId}, ${last.sourceId})`;
    await db.$executeRaw`DELETE FROM "SearchDocument" WHERE "type" = 'item' AND "sourceId" = ${middle.sourceId}`;
    await db.$executeRaw`INSERT INTO "SearchDocument" ("type", "sourceId", "sourceVersion", "title", "titleText", "content", "searchText", "terms", "titleTerms", "url", "publishedAt", "indexedAt")
      VALUES ('item', ${last.sourceId + 1000}, '1', '孤儿', '孤儿', '', '孤儿', ${["孤", "儿", "孤儿"].map(termKey)}::int8[], ${["孤", "儿", "孤儿"].map(termKey)}::int8[], '/items/0', now(), now())`;
    // Pages of 2 records: the changes fall on the first page, in the middle and on the last.
    const summary = await reconcileSearchIndex({ wait: true, comparePage: 2 });
    assert.deepEqual(
      summary?.find((entry) => entry.type === "item"),
      { type: "item", upserted: 3, removed: 1 },
    );
    const after = await db.$queryRaw<{ sourceId: number; title: string }[]>`
      SELECT "sourceId", "title" FROM "SearchDocument" WHERE "type" = 'item' ORDER BY "sourceId"`;
    assert.deepEqual(after, indexed);
    const [{ stale }] = await db.$queryRaw<{ stale: number }[]>`SELECT count(*)::int AS "stale" FROM "SearchDocument" WHERE "sourceVersion" = 'stale'`;
    assert.equal(stale, 0);
  });

  test("reconciling an index that is current changes nothing", async () => {
    const summary = await reconcileSearchIndex({ wait: true });
    assert.ok(summary);
    assert.deepEqual(
      summary.filter((entry) => entry.upserted || entry.removed),
      [],
    );
  });
});

// Last: the demo data adds items the relevance tests above do not expect.
describe("registers and proposal replies (the demo data)", () => {
  before(async () => {
    const { seedDemoData } = await import("@/prisma/seed/seed-demo");
    await seedDemoData(() => {});
    await db.$transaction((tx) => bumpPublicContentVersion(tx));
  });

  const found = async (q: string, type: string) => (await searchPublicContent({ q: `"${q}"`, type, pageSize: "100" })).results;

  test("a published power is found by its name, and by a word of its duties", async (t) => {
    const power = await db.power.findFirst({ where: { publishedContent: { not: Prisma.DbNull }, withdrawnAt: null }, orderBy: { id: "asc" } });
    if (!power) return t.skip("the demo data has no published power");
    const entry = power.publishedContent as { name: string; responsibilities: string };
    const results = await found(entry.name, "power");
    assert.ok(
      results.some((result) => result.id === power.id && result.url === `/powers/${power.id}`),
      entry.name,
    );
    const duty = entry.responsibilities.replace(/[，。；、\s]/g, "").slice(2, 8);
    assert.ok(
      (await found(duty, "power")).some((result) => result.id === power.id),
      duty,
    );
  });

  test("a published service guide is found by its name", async (t) => {
    const service = await db.service.findFirst({ where: { publishedContent: { not: Prisma.DbNull }, withdrawnAt: null }, orderBy: { id: "asc" } });
    if (!service) return t.skip("the demo data has no published service");
    const name = (service.publishedContent as { name: string }).name;
    assert.ok((await found(name, "service")).some((result) => result.id === service.id && result.url === `/services/${service.id}`));
  });

  test("a 双公示 decision is found by its 文号 while public; a natural person's ID number never is", async (t) => {
    const decision = await db.administrativeDecision.findFirst({
      where: { state: "published", OR: [{ publicUntil: null }, { publicUntil: { gte: currentTime() } }] },
      orderBy: { id: "asc" },
    });
    if (!decision) return t.skip("the demo data has no public decision");
    const results = await found(decision.documentNumber, "decision");
    assert.ok(
      results.some((result) => result.id === decision.id && result.url === `/decisions/${decision.id}`),
      decision.documentNumber,
    );
    const withId = await db.administrativeDecision.findFirst({ where: { idNumber: { not: null } } });
    if (withId?.idNumber) assert.equal((await searchPublicContent({ q: withId.idNumber })).total, 0);
    // An expired publicity period takes it out of results at once, before any reconciliation.
    await db.searchDocument.update({
      where: { type_sourceId: { type: "decision", sourceId: decision.id } },
      data: { visibleUntil: new Date("2000-01-01T00:00:00Z") },
    });
    assert.ok(!(await found(decision.documentNumber, "decision")).some((result) => result.id === decision.id));
  });

  test("a proposal with a public reply is found by its title; replies marked 不公开 are not indexed", async (t) => {
    const proposal = await db.proposal.findFirst({
      where: { replies: { some: { state: "published", withdrawnAt: null, disclosure: { not: "none" } } } },
      orderBy: { id: "asc" },
    });
    if (!proposal) return t.skip("the demo data has no public proposal reply");
    assert.ok((await found(proposal.title, "proposal_reply")).some((result) => result.id === proposal.id && result.url === `/proposals/${proposal.id}`));
    const hidden = await db.proposalReply.findFirst({ where: { disclosure: "none", state: "published" } });
    if (hidden) {
      const document = await db.searchDocument.findUnique({ where: { type_sourceId: { type: "proposal_reply", sourceId: hidden.proposalId } } });
      assert.ok(!document || !document.content.includes(hidden.body.slice(0, 20)));
    }
  });

  test("building an empty index in bulk gives exactly the rows reconciliation writes, and puts its GIN indexes back", async () => {
    const columns = `"type", "sourceId", "sourceVersion", "title", "titleText", "content", "searchText", "terms", "titleTerms", "url",
                     "publishedAt", "categoryId", "issuingBody", "validity", "visibleUntil"`;
    const rows = () => db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT ${columns} FROM "SearchDocument" ORDER BY "type", "sourceId"`);
    const ginIndexes = async () =>
      (
        await db.$queryRaw<{ indexname: string }[]>`
          SELECT indexname FROM pg_indexes WHERE tablename = 'SearchDocument' AND indexdef LIKE '%USING gin%' ORDER BY indexname`
      ).map((row) => row.indexname);
    await db.$executeRawUnsafe(`TRUNCATE "SearchDocument"`);
    const reconciled = await reconcileSearchIndex({ wait: true, bulkMinimum: Number.MAX_SAFE_INTEGER });
    assert.ok(reconciled && !reconciled.some((entry) => entry.bulk));
    const viaReconciliation = await rows();
    const before = await searchPublicContent({ q: "城管" });

    await db.$executeRawUnsafe(`TRUNCATE "SearchDocument"`);
    const built = await reconcileSearchIndex({ wait: true, bulkMinimum: 1 });
    assert.ok(built && built.every((entry) => entry.bulk));
    const viaBulk = await rows();

    // Every source is in it (items with attachments, powers, services, decisions, proposal replies).
    assert.deepEqual(new Set(viaBulk.map((row) => row.type)), new Set(["item", "power", "service", "decision", "proposal_reply"]));
    const keyOf = (row: Record<string, unknown>) => `${row.type}:${row.sourceId}`;
    assert.deepEqual(
      viaBulk.map(keyOf).filter((key) => !viaReconciliation.some((row) => keyOf(row) === key)),
      viaReconciliation.map(keyOf).filter((key) => !viaBulk.some((row) => keyOf(row) === key)),
      "documents only one of the two paths wrote",
    );
    assert.deepEqual(viaBulk, viaReconciliation);
    assert.deepEqual(await ginIndexes(), ["SearchDocument_terms_idx", "SearchDocument_titleTerms_idx"]);
    const after = await searchPublicContent({ q: "城管" });
    assert.equal(after.total, before.total);
    assert.deepEqual(
      after.results.map((result) => [result.type, result.id]),
      before.results.map((result) => [result.type, result.id]),
    );

    // An index that holds documents is never rebuilt in bulk: reconciliation fixes the difference.
    // GIN indexes lost by a build cut off after dropping them (a killed process) are put back.
    await db.$executeRawUnsafe(`DROP INDEX "SearchDocument_terms_idx", "SearchDocument_titleTerms_idx"`);
    const again = await reconcileSearchIndex({ wait: true, bulkMinimum: 1 });
    assert.ok(again && !again.some((entry) => entry.bulk));
    assert.deepEqual(await ginIndexes(), ["SearchDocument_terms_idx", "SearchDocument_titleTerms_idx"]);
  });
});
