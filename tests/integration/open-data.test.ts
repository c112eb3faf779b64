import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import ExcelJS from "exceljs";
import { GET as exportList } from "@/app/api/v1/export/[file]/route";
import { GET as openApi } from "@/app/api/v1/openapi.json/route";
import { GET as search, OPTIONS as searchPreflight } from "@/app/api/v1/search/route";
import { GET as feed } from "@/app/feeds/[file]/route";
import { GET as categoryFeed } from "@/app/feeds/catalogue/[slug]/[file]/route";
import { GET as sitemap } from "@/app/sitemap.xml/route";
import type { ActingUser } from "@/lib/auth/acting-user";
import { db, Prisma } from "@/lib/db";
import type { PowerStatus } from "@/lib/generated/prisma/enums";
import { transitionItem } from "@/lib/items/item-review";
import { createItem } from "@/lib/items/manage-items";
import { powerStatusesInForce } from "@/lib/powers/power-entry";
import { seedBaseData } from "@/prisma/seed/seed-base";
import { setEnvironment } from "../support/environment";
import { insertSection, insertUser } from "../support/fixtures";
import { useMigratedTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
let staff: ActingUser;
let head: ActingUser;
let leader: ActingUser;
const published: number[] = [];

async function publish(title: string, category: string, body: string): Promise<number> {
  const categoryId = (await db.category.findUniqueOrThrow({ where: { slug: category } })).id;
  const { id } = await createItem(staff, { title, body: `<p>${body}</p>`, categoryId, formedAt: "2026-11-02" });
  await transitionItem(staff, id, { action: "submit" });
  await transitionItem(head, id, { action: "approve" });
  await transitionItem(leader, id, { action: "approve" });
  return id;
}

const get = (path: string, headers: Record<string, string> = {}) => new Request(`http://gongkai.test${path}`, { headers });

before(async () => {
  database = await useMigratedTestDatabase();
  await seedBaseData();
  const sectionId = await insertSection("综合科");
  staff = await insertUser("staff", { sectionId });
  head = await insertUser("section_head", { sectionId });
  leader = await insertUser("leader");
  published.push(await publish("关于规范户外广告设置的通知", "normative-documents", "为规范户外广告设置，现通知如下。"));
  published.push(await publish("2026年行政处罚案件信息公开", "penalties", "本年度办理行政处罚案件12件。"));
  published.push(await publish("牌匾标识整治情况通报", "penalties", "整治牌匾标识46处，户外广告3处。"));
});
after(async () => {
  setEnvironment({ OPEN_DATA_RATE_LIMIT: undefined });
  await database.drop();
});
beforeEach(async () => {
  setEnvironment({ OPEN_DATA_RATE_LIMIT: "1000" });
  await db.rateLimitBucket.deleteMany();
});

describe("search API", () => {
  test("answers {total, results} with CORS, ETag and shared-cache headers", async () => {
    const response = await search(get("/api/v1/search?q=%E6%88%B7%E5%A4%96%E5%B9%BF%E5%91%8A"));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("access-control-allow-origin"), "*");
    assert.match(response.headers.get("cache-control")!, /public, .*s-maxage=\d+, stale-while-revalidate=\d+/);
    const body = await response.json();
    assert.deepEqual(Object.keys(body), ["total", "results"]);
    assert.equal(body.total, 2);
    assert.deepEqual(
      body.results.map((result: { id: number }) => result.id),
      [published[0], published[2]],
      "title match first",
    );
    assert.deepEqual(Object.keys(body.results[0]), ["type", "id", "title", "snippet", "url", "publishedAt", "agencyCode"]);
    assert.match(body.results[0].snippet, /<mark>户外广告<\/mark>/);

    const again = await search(get("/api/v1/search?q=%E6%88%B7%E5%A4%96%E5%B9%BF%E5%91%8A", { "If-None-Match": response.headers.get("etag")! }));
    assert.equal(again.status, 304);
    assert.equal(await again.text(), "");
  });

  test("bad parameters are 422 with the parameter named, not cached", async () => {
    const response = await search(get("/api/v1/search?q=%E5%B9%BF%E5%91%8A&pageSize=500"));
    assert.equal(response.status, 422);
    assert.equal(response.headers.get("cache-control"), "no-store");
    assert.deepEqual(Object.keys((await response.json()).error.fields), ["pageSize"]);
    assert.equal((await search(get("/api/v1/search"))).status, 422);
  });

  test("paging is consistent: page and pageSize slice the same ranking, total stays", async () => {
    const all = await (await search(get(`/api/v1/search?q=%E5%B9%BF%E5%91%8A&pageSize=100`))).json();
    assert.equal(all.total, 2);
    const pages = [];
    for (const page of [1, 2, 3]) pages.push(await (await search(get(`/api/v1/search?q=%E5%B9%BF%E5%91%8A&pageSize=1&page=${page}`))).json());
    assert.deepEqual(
      pages.map((page) => page.total),
      [2, 2, 2],
    );
    assert.deepEqual(
      pages.flatMap((page) => page.results.map((result: { id: number }) => result.id)),
      all.results.map((result: { id: number }) => result.id),
    );
  });

  test("CORS preflight", async () => {
    const response = searchPreflight();
    assert.equal(response.status, 204);
    assert.match(response.headers.get("access-control-allow-methods")!, /GET/);
  });

  test("rate limited per client: 429 with Retry-After (and CORS, so browsers can read it)", async () => {
    setEnvironment({ OPEN_DATA_RATE_LIMIT: "3" });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let index = 0; index < 5; index++) {
      last = await search(get("/api/v1/search?q=%E7%89%8C%E5%8C%BE"));
      statuses.push(last.status);
    }
    assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
    assert.ok(Number(last!.headers.get("retry-after")) >= 1);
    assert.equal(last!.headers.get("access-control-allow-origin"), "*");
    assert.equal((await last!.json()).error.code, "rate_limited");
    // Other endpoints of the open-data API share the allowance.
    assert.equal((await openApi(get("/api/v1/openapi.json"))).status, 429);
  });
});

describe("the open-data wrapper", () => {
  test("a personal answer (policy private) is rate limited and CORS open, but never stored by shared caches", async () => {
    const { openDataRoute } = await import("@/lib/open-data/open-data-route");
    const handler = openDataRoute(async () => ({ json: { status: "受理中" } }), "private");
    const response = await handler(get("/api/v1/applications/X?code=1"));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("cache-control"), "private, no-store");
    assert.equal(response.headers.get("etag"), null);
    assert.equal(response.headers.get("access-control-allow-origin"), "*");
    assert.deepEqual(await response.json(), { status: "受理中" });
  });
});

describe("exports", () => {
  const exportOf = (file: string, query = "") => exportList(get(`/api/v1/export/${file}${query}`), { params: Promise.resolve({ file }) });

  test("items.xlsx: one row per published item with the list's filters", async () => {
    const response = await exportOf("items.xlsx", "?category=penalties");
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-type")!, /spreadsheetml/);
    assert.match(response.headers.get("content-disposition")!, /attachment; filename="items-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0];
    assert.equal(sheet.getRow(1).getCell(2).value, "标题");
    const titles = [2, 3].map((row) => sheet.getRow(row).getCell(2).value).sort();
    assert.deepEqual(titles, ["2026年行政处罚案件信息公开", "牌匾标识整治情况通报"]);
    assert.equal(sheet.rowCount, 3);
    assert.equal(sheet.getRow(2).getCell(9).value, `http://gongkai.test/items/${published[2]}`);
  });

  test("items.csv: UTF-8 with a byte order mark for Excel; bad filters are 422; unknown lists 404", async () => {
    const response = await exportOf("items.csv");
    assert.equal(response.status, 200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    assert.equal(text.trim().split("\n").length, 4);
    assert.match(text, /关于规范户外广告设置的通知/);
    assert.equal((await exportOf("items.csv", "?category=nope")).status, 422);
    assert.equal((await exportOf("items.pdf")).status, 404);
    assert.equal((await exportOf("people.xlsx")).status, 404);
  });
});

describe("feeds, sitemap, OpenAPI", () => {
  test("RSS and Atom of the latest items, overall and per category, with absolute links", async () => {
    const rss = await feed(get("/feeds/rss.xml"), { params: Promise.resolve({ file: "rss.xml" }) });
    assert.equal(rss.status, 200);
    assert.match(rss.headers.get("content-type")!, /application\/rss\+xml/);
    const rssText = await rss.text();
    assert.match(rssText, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<rss version="2.0"/);
    assert.equal(rssText.match(/<item>/g)?.length, 3);
    assert.ok(rssText.includes(`<link>http://gongkai.test/items/${published[0]}</link>`));

    const atom = await categoryFeed(get("/feeds/catalogue/penalties/atom.xml"), { params: Promise.resolve({ slug: "penalties", file: "atom.xml" }) });
    assert.equal(atom.status, 200);
    assert.match(atom.headers.get("content-type")!, /application\/atom\+xml/);
    const atomText = await atom.text();
    assert.equal(atomText.match(/<entry>/g)?.length, 2);
    assert.ok(!atomText.includes("户外广告设置的通知"));
    assert.match(atomText, /<title>[^<]*行政处罚<\/title>/);

    assert.equal((await categoryFeed(get("/feeds/catalogue/nope/rss.xml"), { params: Promise.resolve({ slug: "nope", file: "rss.xml" }) })).status, 404);
    assert.equal((await feed(get("/feeds/feed.json"), { params: Promise.resolve({ file: "feed.json" }) })).status, 404);
  });

  test("sitemap.xml lists the pages, the categories, every agency's column and every public item", async () => {
    const response = await sitemap(get("/sitemap.xml"));
    assert.equal(response.status, 200);
    const text = await response.text();
    assert.match(text, /<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
    for (const id of published) assert.ok(text.includes(`<loc>http://gongkai.test/items/${id}</loc>`), `item ${id}`);
    assert.ok(text.includes("<loc>http://gongkai.test/catalogue/penalties</loc>"));
    // The directory of agencies and each agency's column (集约化).
    const { code } = await db.agency.findFirstOrThrow({ where: { isDefault: true }, select: { code: true } });
    assert.ok(text.includes("<loc>http://gongkai.test/agencies</loc>"));
    assert.ok(text.includes(`<loc>http://gongkai.test/agencies/${code}</loc>`));
    assert.equal((await sitemap(get("/sitemap.xml?part=records-9"))).status, 404);
  });

  test("the OpenAPI document is served as JSON", async () => {
    const response = await openApi(get("/api/v1/openapi.json"));
    assert.equal(response.status, 200);
    const document = await response.json();
    assert.match(document.openapi, /^3\./);
    assert.ok(document.paths["/api/v1/search"].get);
    assert.equal(document.servers[0].url, "http://gongkai.test");
  });
});

// Last: the demo data adds items the tests above do not expect.
describe("exports of the registers (the demo data)", () => {
  before(async () => {
    const { seedDemoData } = await import("@/prisma/seed/seed-demo");
    await seedDemoData(() => {});
  });

  for (const [list, header] of [
    ["powers", "名称"],
    ["services", "名称"],
    ["decisions", "行政相对人"],
    ["proposals", "标题"],
    ["inspections", "标题"],
  ] as const) {
    test(`${list}.xlsx and ${list}.csv`, async () => {
      const xlsx = await exportList(get(`/api/v1/export/${list}.xlsx`), { params: Promise.resolve({ file: `${list}.xlsx` }) });
      assert.equal(
        xlsx.status,
        200,
        await xlsx
          .clone()
          .text()
          .then((text) => text.slice(0, 200)),
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await xlsx.arrayBuffer());
      const sheet = workbook.worksheets[0];
      const headers = (sheet.getRow(1).values as unknown[]).filter(Boolean);
      assert.ok(headers.includes(header), headers.join());
      const csv = await exportList(get(`/api/v1/export/${list}.csv`), { params: Promise.resolve({ file: `${list}.csv` }) });
      assert.equal(csv.status, 200);
      const lines = new TextDecoder()
        .decode(new Uint8Array(await csv.arrayBuffer()).slice(3))
        .trim()
        .split("\n");
      assert.equal(lines.length, sheet.rowCount, "the same rows in both formats");
    });
  }

  test("the public register rows are exported (not drafts; the current power list: the powers in force)", async () => {
    const powersInForce = async (agency: { isDefault: true } | { code: string }) => {
      const published = await db.power.findMany({
        where: { publishedContent: { not: Prisma.DbNull }, withdrawnAt: null, ownerSection: { agency } },
      });
      return {
        published: published.length,
        inForce: published.filter((power) => powerStatusesInForce.includes((power.publishedContent as { status: PowerStatus }).status)).length,
      };
    };
    const exportedRows = async (query: string) => {
      const xlsx = await exportList(get(`/api/v1/export/powers.xlsx${query}`), { params: Promise.resolve({ file: "powers.xlsx" }) });
      if (xlsx.status !== 200) return xlsx.status;
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await xlsx.arrayBuffer());
      return workbook.worksheets[0].rowCount - 1;
    };
    const bureau = await powersInForce({ isDefault: true });
    assert.ok(bureau.inForce < bureau.published, "the demo list has cancelled or delegated powers, which are not exported as current");
    assert.equal(await exportedRows(""), bureau.inForce, "without agency=: the default agency's list");
    // 集约化: agency= exports that agency's list alone, as the lists serve it; an unknown code is 404.
    const school = await powersInForce({ code: "SFHJYJ" });
    assert.ok(school.inForce > 0, "the demo's education bureau has powers of its own");
    assert.equal(await exportedRows("?agency=SFHJYJ"), school.inForce);
    assert.equal(await exportedRows("?agency=NO-SUCH"), 404);

    // Items the same way: the education bureau's published items alone with agency=, none of them without.
    const itemsCsv = async (query: string) => {
      const csv = await exportList(get(`/api/v1/export/items.csv${query}`), { params: Promise.resolve({ file: "items.csv" }) });
      assert.equal(csv.status, 200);
      return new TextDecoder().decode(new Uint8Array(await csv.arrayBuffer()).slice(3));
    };
    const schoolItems = await db.item.findMany({
      where: { publishedRevisionId: { not: null }, section: { agency: { code: "SFHJYJ" } } },
      select: { indexNumber: true },
    });
    assert.ok(schoolItems.length > 0, "the demo's education bureau has published items");
    const schoolCsv = await itemsCsv("?agency=SFHJYJ");
    assert.equal(schoolCsv.trim().split("\n").length - 1, schoolItems.length);
    const defaultCsv = await itemsCsv("");
    for (const { indexNumber } of schoolItems) {
      assert.ok(schoolCsv.includes(indexNumber), indexNumber);
      assert.ok(!defaultCsv.includes(indexNumber), `${indexNumber} is not the default agency's`);
    }
  });
});

describe("exports: the agency's own documents", () => {
  test("issuingBody=agency (本机关) leaves out a document reposted from another issuer; unfiltered it is there", async () => {
    const categoryId = (await db.category.findUniqueOrThrow({ where: { slug: "normative-documents" } })).id;
    const { id } = await createItem(staff, {
      title: "关于转发《黑龙江省城镇供热条例》的通知",
      body: "<p>转发省人大常委会文件。</p>",
      categoryId,
      formedAt: "2026-11-02",
      externalIssuingBody: "黑龙江省人民代表大会常务委员会",
    });
    await transitionItem(staff, id, { action: "submit" });
    await transitionItem(head, id, { action: "approve" });
    await transitionItem(leader, id, { action: "approve" });
    const titlesOf = async (query: string) => {
      const response = await exportList(get(`/api/v1/export/items.csv${query}`), { params: Promise.resolve({ file: "items.csv" }) });
      assert.equal(response.status, 200);
      return new TextDecoder().decode(new Uint8Array(await response.arrayBuffer()).slice(3));
    };
    assert.match(await titlesOf(""), /关于转发《黑龙江省城镇供热条例》的通知/);
    const own = await titlesOf("?issuingBody=agency");
    assert.doesNotMatch(own, /供热条例/);
    assert.match(own, /关于规范户外广告设置的通知/);
  });
});
