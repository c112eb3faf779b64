import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { GET as feed } from "@/app/feeds/[file]/route";
import { GET as categoryFeed } from "@/app/feeds/catalogue/[slug]/[file]/route";
import { GET as sitemap } from "@/app/sitemap.xml/route";
import { createAgency } from "@/lib/agency/manage-agencies";
import type { ActingUser } from "@/lib/auth/acting-user";
import { createCategory } from "@/lib/catalogue/manage-catalogue";
import { clockStartingAt, setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { transitionItem } from "@/lib/items/item-review";
import { createItem } from "@/lib/items/manage-items";
import { seedBaseData } from "@/prisma/seed/seed-base";
import { insertSection, insertUser } from "../support/fixtures";
import { useMigratedTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * Several agencies on one platform (集约化, issue 15): each agency's feeds carry its own items
 * (`?agency=<code>`), the feeds without it are the default agency's as before, and the sitemap lists
 * every agency's column.
 */

const BUREAU = "绥芬河市城市管理和综合行政执法局";
const EDUCATION = "绥芬河市教育局";
const contact = { address: "绥芬河市某街1号", postcode: "157300", email: "office@example.gov.cn" };

type Staff = { staff: ActingUser; head: ActingUser; leader: ActingUser; admin: ActingUser };

let database: TestDatabase;
let bureau: Staff;
let education: Staff;
const items: Record<string, number> = {};

async function staffOf(agencyId?: number): Promise<Staff> {
  const sectionId = await insertSection(agencyId ? "教育科" : "综合科", agencyId);
  return {
    staff: await insertUser("staff", { sectionId }),
    head: await insertUser("section_head", { sectionId }),
    leader: await insertUser("leader", { sectionId: await insertSection("领导", agencyId) }),
    admin: await insertUser("admin", { sectionId }),
  };
}

async function publish(by: Staff, title: string, category: string): Promise<number> {
  const categoryId = (await db.category.findUniqueOrThrow({ where: { slug: category } })).id;
  const { id } = await createItem(by.staff, { title, body: `<p>${title}。</p>`, categoryId, formedAt: "2026-11-02" });
  await transitionItem(by.staff, id, { action: "submit" });
  await transitionItem(by.head, id, { action: "approve" });
  await transitionItem(by.leader, id, { action: "approve" });
  return id;
}

const request = (path: string, headers: Record<string, string> = {}) => new Request(`http://gongkai.test${path}`, { headers });

async function getFeed(path: string, headers: Record<string, string> = {}): Promise<Response> {
  const url = new URL(path, "http://gongkai.test");
  const parts = url.pathname.split("/").filter(Boolean);
  const file = parts.at(-1)!;
  if (parts[1] === "catalogue") return categoryFeed(request(path, headers), { params: Promise.resolve({ slug: decodeURIComponent(parts[2]), file }) });
  return feed(request(path, headers), { params: Promise.resolve({ file }) });
}

const linksIn = (text: string) => [...text.matchAll(/http:\/\/gongkai\.test\/items\/(\d+)/g)].map((match) => Number(match[1]));

before(async () => {
  setClock(clockStartingAt("2026-11-10T10:00:00+08:00"));
  database = await useMigratedTestDatabase();
  await seedBaseData();
  await createAgency(null, { code: "SFHZF", name: "绥芬河市人民政府", shortName: "市政府", kind: "government", ...contact });
  const educationId = (
    await createAgency(null, { code: "SFHJYJ", name: EDUCATION, shortName: "市教育局", kind: "department", parentCode: "SFHZF", ...contact })
  ).id;
  bureau = await staffOf();
  education = await staffOf(educationId);
  const statutoryId = (await db.category.findUniqueOrThrow({ where: { slug: "statutory" } })).id;
  await createCategory(education.admin, { name: "学校信息公开", slug: "school-disclosure", parentId: statutoryId });
  items.bureauNotice = await publish(bureau, "关于规范户外广告设置的通知", "normative-documents");
  items.bureauPenalty = await publish(bureau, "2026年行政处罚案件信息公开", "penalties");
  items.educationNotice = await publish(education, "关于规范校外培训机构的通知", "normative-documents");
  items.educationSchools = await publish(education, "2026年秋季学校招生信息", "school-disclosure");
});
after(async () => {
  setClock(null);
  await database.drop();
});

describe("an agency's feeds (?agency=<code>)", () => {
  test("carry only that agency's items, named after it; without agency= the default agency's, as before", async () => {
    const site = await (await getFeed("/feeds/rss.xml")).text();
    assert.deepEqual(linksIn(site).sort(), [items.bureauNotice, items.bureauPenalty].flatMap((id) => [id, id]).sort(), "the site's feed: the bureau's");
    assert.match(site, new RegExp(`<title>${BUREAU} · 政府信息公开</title>`));
    assert.match(site, /<atom:link href="http:\/\/gongkai\.test\/feeds\/rss\.xml" rel="self"/);

    const response = await getFeed("/feeds/rss.xml?agency=sfhjyj");
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-type")!, /application\/rss\+xml/);
    const text = await response.text();
    assert.ok(text.includes(`<link>http://gongkai.test/items/${items.educationNotice}</link>`));
    assert.ok(text.includes(`<link>http://gongkai.test/items/${items.educationSchools}</link>`));
    assert.ok(!linksIn(text).includes(items.bureauNotice) && !linksIn(text).includes(items.bureauPenalty), "none of the bureau's items");
    assert.match(text, new RegExp(`<title>${EDUCATION} · 政府信息公开</title>`));
    assert.match(text, /<link>http:\/\/gongkai\.test\/agencies\/SFHJYJ<\/link>/);
    assert.match(text, /<atom:link href="http:\/\/gongkai\.test\/feeds\/rss\.xml\?agency=SFHJYJ" rel="self"/);

    const bureauAtom = await (await getFeed("/feeds/atom.xml?agency=SFHCGJ")).text();
    assert.deepEqual(new Set(linksIn(bureauAtom)), new Set([items.bureauNotice, items.bureauPenalty]));
    assert.match(bureauAtom, new RegExp(`<author><name>${BUREAU}</name></author>`));
  });

  test("a column's feed of an agency: its items in the template's column and in its own; another agency's own column is 404", async () => {
    const shared = await (await getFeed("/feeds/catalogue/normative-documents/atom.xml?agency=SFHJYJ")).text();
    assert.deepEqual(new Set(linksIn(shared)), new Set([items.educationNotice]));
    assert.match(shared, new RegExp(`<title>${EDUCATION} · 行政规范性文件</title>`));
    assert.match(shared, /<link href="http:\/\/gongkai\.test\/catalogue\/normative-documents\?agency=SFHJYJ"\/>/);
    // Without agency=, the same column's feed is the bureau's, as before.
    assert.deepEqual(new Set(linksIn(await (await getFeed("/feeds/catalogue/normative-documents/atom.xml")).text())), new Set([items.bureauNotice]));

    const own = await getFeed("/feeds/catalogue/school-disclosure/rss.xml?agency=SFHJYJ");
    assert.equal(own.status, 200);
    assert.deepEqual(new Set(linksIn(await own.text())), new Set([items.educationSchools]));
    const foreign = await getFeed("/feeds/catalogue/school-disclosure/rss.xml?agency=SFHCGJ");
    assert.equal(foreign.status, 404, "the education bureau's own column is not in the bureau's catalogue");
    assert.equal(((await foreign.json()) as { error: { message: string } }).error.message, "栏目不存在。");
  });

  test("an unknown or malformed agency code is 404 with a message, never 500", async () => {
    for (const code of ["NOPE", "%00", "SFH%00JYJ", "x".repeat(300), "%E6%95%99%E8%82%B2%E5%B1%80", "'%20OR%201=1--", "SFHJYJ%00", "%20"]) {
      for (const path of [`/feeds/rss.xml?agency=${code}`, `/feeds/atom.xml?agency=${code}`, `/feeds/catalogue/normative-documents/rss.xml?agency=${code}`]) {
        const response = await getFeed(path);
        assert.equal(response.status, 404, path);
        assert.equal(((await response.json()) as { error: { message: string } }).error.message, "机关不存在。", path);
      }
    }
    // An empty agency= is no agency: the site's feed.
    assert.equal((await getFeed("/feeds/rss.xml?agency=")).status, 200);
  });

  test("keeps the ETag: a reader holding the agency's feed gets 304, and another agency's feed is another entity", async () => {
    const first = await getFeed("/feeds/rss.xml?agency=SFHJYJ");
    const tag = first.headers.get("etag")!;
    assert.ok(tag);
    assert.match(first.headers.get("cache-control")!, /public/);
    assert.equal((await getFeed("/feeds/rss.xml?agency=SFHJYJ", { "if-none-match": tag })).status, 304);
    const bureauFeed = await getFeed("/feeds/rss.xml?agency=SFHCGJ", { "if-none-match": tag });
    assert.equal(bureauFeed.status, 200);
    assert.notEqual(bureauFeed.headers.get("etag"), tag);
  });
});

describe("the sitemap on a platform", () => {
  test("lists the directory and every agency's column", async () => {
    const text = await (await sitemap(request("/sitemap.xml"))).text();
    for (const code of ["SFHZF", "SFHJYJ", "SFHCGJ"]) assert.ok(text.includes(`<loc>http://gongkai.test/agencies/${code}</loc>`), code);
    assert.ok(text.includes("<loc>http://gongkai.test/agencies</loc>"));
    assert.ok(text.includes(`<loc>http://gongkai.test/items/${items.educationSchools}</loc>`));
  });
});
