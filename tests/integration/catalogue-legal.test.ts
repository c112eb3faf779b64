import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { ActingUser } from "@/lib/auth/acting-user";
import { db } from "@/lib/db";
import { transitionItem } from "@/lib/items/item-review";
import { createItem } from "@/lib/items/manage-items";
import { countNormativeDocuments } from "@/lib/reports/item-figures";
import { seedBaseData } from "@/prisma/seed/seed-base";
import { insertSection, insertUser } from "../support/fixtures";
import { useMigratedTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
let staff: ActingUser;
let head: ActingUser;
let leader: ActingUser;

before(async () => {
  database = await useMigratedTestDatabase();
  await seedBaseData();
  const sectionId = await insertSection("综合科");
  staff = await insertUser("staff", { sectionId });
  head = await insertUser("section_head", { sectionId });
  leader = await insertUser("leader");
});
after(async () => {
  await database.drop();
});

async function categoryId(slug: string): Promise<number> {
  return (await db.category.findUniqueOrThrow({ where: { slug } })).id;
}

async function publish(itemId: number): Promise<void> {
  await transitionItem(staff, itemId, { action: "submit" });
  await transitionItem(head, itemId, { action: "approve" });
  await transitionItem(leader, itemId, { action: "approve" });
}

async function draftDocument(slug: string, title: string, fields: Record<string, unknown>): Promise<number> {
  const created = await createItem(staff, { title, body: `<p>${title}正文。</p>`, categoryId: await categoryId(slug), formedAt: "2026-11-30", ...fields });
  return created.id;
}

describe("Table 2's 规章 and 行政规范性文件 rows (国办公开办函〔2021〕30号, Art. 20(1) of the Regulations)", () => {
  test("国办公开办函〔2021〕30号 Table 2: 规章 and 行政规范性文件 are separate categories of the catalogue, the normative one named 行政规范性文件", async () => {
    const [regulations, normative] = await Promise.all([
      db.category.findUniqueOrThrow({ where: { slug: "regulations" } }),
      db.category.findUniqueOrThrow({ where: { slug: "normative-documents" } }),
    ]);
    assert.equal(regulations.name, "规章");
    assert.equal(normative.name, "行政规范性文件");
    assert.equal(regulations.parentId, normative.parentId, "both under 法定主动公开内容");
    assert.equal(await db.category.count({ where: { name: { contains: "规章和规范性文件" } } }), 0);
  });

  test("国办公开办函〔2021〕30号 Table 2 本年制发: counts this agency's own documents by 成文日期, not reposted ones nor old ones published this year", async () => {
    // Published on the website in 2026, every one of them; only the first was 本年制发 by this agency.
    const ownThisYear = await draftDocument("normative-documents", "关于规范城市道路临时占用的规定", { writtenAt: "2026-03-02" });
    const ownOld = await draftDocument("normative-documents", "绥芬河市户外广告设施设置管理办法", { writtenAt: "2019-05-06", formedAt: "2019-05-06" });
    const reposted = await draftDocument("normative-documents", "绥芬河市人民政府关于加强市容管理的通知", {
      writtenAt: "2026-04-01",
      externalIssuingBody: "绥芬河市人民政府",
    });
    const regulation = await draftDocument("regulations", "某市城市管理规章", { writtenAt: "2026-06-01" });
    // Written this year but still in review: not disclosed, not counted.
    await draftDocument("normative-documents", "尚在审核的规范性文件", { writtenAt: "2026-11-20" });
    for (const id of [ownThisYear, ownOld, reposted, regulation]) await publish(id);

    const figures = await countNormativeDocuments(2026);
    assert.deepEqual(
      figures.normativeDocuments,
      { issued: 1, repealed: 0, inForce: 2 },
      "the 2019 document is in force, not 本年制发; the reposted one is not ours",
    );
    assert.deepEqual(figures.regulations, { issued: 1, repealed: 0, inForce: 1 }, "规章 counted in its own row");

    const in2019 = await countNormativeDocuments(2019);
    assert.deepEqual(in2019.normativeDocuments, { issued: 1, repealed: 0, inForce: 1 }, "the old document belongs to the year it was written");
    assert.deepEqual(in2019.regulations, { issued: 0, repealed: 0, inForce: 0 });
  });

  test("a reposted document shows its own issuing authority to the public, not this agency", async () => {
    const item = await db.itemRevision.findFirstOrThrow({ where: { title: "绥芬河市人民政府关于加强市容管理的通知" } });
    const { findPublicItem } = await import("@/lib/items/public-items");
    assert.equal((await findPublicItem(item.itemId))?.issuingBody, "绥芬河市人民政府");
  });
});
