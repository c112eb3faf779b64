import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { updateIndexNumberSettings } from "@/lib/agency/index-number-settings";
import type { ActingUser } from "@/lib/auth/acting-user";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { findConsoleItem } from "@/lib/items/console-items";
import { transitionItem } from "@/lib/items/item-review";
import { createItem, updateItem } from "@/lib/items/manage-items";
import { findPublicItem } from "@/lib/items/public-items";
import { countNormativeDocuments } from "@/lib/reports/item-figures";
import { seedBaseData } from "@/prisma/seed/seed-base";
import { defaultAgencyId, insertSection, insertUser } from "../support/fixtures";
import { pinClock, useMigratedTestDatabase, type TestDatabase } from "../support/test-database";

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

    const figures = await countNormativeDocuments(2026, { agencyId: await defaultAgencyId() });
    assert.deepEqual(
      figures.normativeDocuments,
      { issued: 1, repealed: 0, inForce: 2 },
      "the 2019 document is in force, not 本年制发; the reposted one is not ours",
    );
    assert.deepEqual(figures.regulations, { issued: 1, repealed: 0, inForce: 1 }, "规章 counted in its own row");

    const in2019 = await countNormativeDocuments(2019, { agencyId: await defaultAgencyId() });
    assert.deepEqual(in2019.normativeDocuments, { issued: 1, repealed: 0, inForce: 1 }, "the old document belongs to the year it was written");
    assert.deepEqual(in2019.regulations, { issued: 0, repealed: 0, inForce: 0 });
  });

  test("a reposted document shows its own issuing authority to the public, not this agency", async () => {
    const item = await db.itemRevision.findFirstOrThrow({ where: { title: "绥芬河市人民政府关于加强市容管理的通知" } });
    assert.equal((await findPublicItem(item.itemId))?.issuingBody, "绥芬河市人民政府");
  });
});

describe("the statutory catalogue (Art. 20 of the Regulations, 国务院令第711号)", () => {
  const names = async () => new Map((await db.category.findMany()).map((category) => [category.slug, category]));

  test("Art. 20: the catalogue has 重大行政决策 (the old slug kept), 政策解读, 重大建设项目 and 突发事件应急 under 法定主动公开内容", async () => {
    const bySlug = await names();
    const statutory = bySlug.get("statutory")!;
    assert.equal(bySlug.get("major-decisions")?.name, "重大行政决策");
    for (const [slug, name] of [
      ["policy-interpretations", "政策解读"],
      ["major-projects", "重大建设项目"],
      ["emergencies", "突发事件应急"],
      ["enforcement-disclosure", "行政执法公示"],
    ]) {
      assert.equal(bySlug.get(slug)?.name, name, slug);
      assert.equal(bySlug.get(slug)?.parentId, statutory.id, `${slug} is under 法定主动公开内容`);
    }
    assert.ok(![...bySlug.values()].some((category) => category.name.includes("三重一大")), "no 三重一大 label: the Regulations say 重大行政决策");
    assert.ok(![...bySlug.values()].some((category) => /[()]/.test(category.name)), "labels use Chinese brackets");
  });

  test("国办发〔2018〕118号: 行政执法公示 has the three systems 事前公开, 事中公示 and 事后公开, the last leading to the 执法决定 registers", async () => {
    const bySlug = await names();
    const parent = bySlug.get("enforcement-disclosure")!;
    const children = [...bySlug.values()].filter((category) => category.parentId === parent.id).sort((a, b) => a.sortOrder - b.sortOrder);
    assert.deepEqual(
      children.map((category) => category.name),
      ["事前公开", "事中公示", "事后公开（执法决定）"],
    );
    const { registerLinks } = await import("@/lib/catalogue/register-links");
    assert.deepEqual(
      registerLinks["enforcement-after"].map((link) => link.href),
      ["/decisions?kind=license", "/decisions?kind=penalty", "/decisions?kind=coercion"],
    );
  });

  test("国办发〔2018〕118号: an 执法决定 filed under 事后公开 is due 20 working days after the decision, and the console names that basis", async () => {
    const id = await draftDocument("enforcement-after", "关于对某公司违规设置户外广告的行政处罚决定", { formedAt: "2026-11-02" });
    const item = await findConsoleItem(staff, id);
    // 2026-11-02 (Monday) + 20 working days, no holiday in between: 2026-11-30.
    assert.equal(item.deadline.due, "2026-11-30");
    assert.match(item.deadline.explanation, /国办发〔2018〕118号/);
    const ordinary = await findConsoleItem(staff, await draftDocument("plans", "城市管理工作要点", { formedAt: "2026-11-02" }));
    assert.equal(ordinary.deadline.due, "2026-11-30");
    assert.match(ordinary.deadline.explanation, /第二十六条/);
  });

  test("政策解读 (policy document and interpretation published together): a normative document without an interpretation is flagged; linking one clears it and both pages link each other", async () => {
    const documentId = await draftDocument("normative-documents", "绥芬河市城市绿化管理办法", { writtenAt: "2026-11-10" });
    assert.equal((await findConsoleItem(staff, documentId)).interpretationMissing, true, "warned while it has none");
    const plan = await draftDocument("plans", "不是政策文件", {});
    assert.equal((await findConsoleItem(staff, plan)).interpretationMissing, false, "only 规章 and 行政规范性文件 need one");

    await assert.rejects(
      draftDocument("policy-interpretations", "解读不存在的文件", { interpretedItemId: 999_999 }),
      (error: unknown) => error instanceof ValidationError && Boolean(error.fields.interpretedItemId),
    );
    const interpretationId = await draftDocument("policy-interpretations", "《绥芬河市城市绿化管理办法》政策解读", { interpretedItemId: documentId });
    assert.equal((await findConsoleItem(staff, documentId)).interpretationMissing, false, "an interpretation in preparation clears the warning");

    await publish(documentId);
    await publish(interpretationId);
    const document = await findPublicItem(documentId);
    const interpretation = await findPublicItem(interpretationId);
    assert.deepEqual(document?.interpretations, [{ id: interpretationId, title: "《绥芬河市城市绿化管理办法》政策解读" }]);
    assert.deepEqual(interpretation?.interprets, { id: documentId, title: "绥芬河市城市绿化管理办法" });
  });
});

describe("migrating an installation that has the old catalogue", () => {
  test("Art. 20 catalogue by migration: an existing installation gets the new categories, keeps its slugs and an administrator's own names", async () => {
    const { applyMigrationsBefore, createEmptyDatabase, migrationsDir } = await import("../support/test-database");
    const { applyMigrations } = await import("@/lib/database/migrate");
    const pg = (await import("pg")).default;
    const old = await createEmptyDatabase();
    // The installation as it was before the catalogue migration: only the migrations older than it.
    await applyMigrationsBefore(old.url, "20261216300000_catalogue_legal");
    const client = new pg.Client({ connectionString: old.url });
    await client.connect();
    try {
      // The catalogue as the seed made it before this change, one name edited by an administrator.
      await client.query(`INSERT INTO "Category" ("slug", "name", "sortOrder", "updatedAt") VALUES ('statutory', '法定主动公开内容', 30, now())`);
      await client.query(
        `INSERT INTO "Category" ("parentId", "slug", "name", "sortOrder", "updatedAt")
         SELECT id, v.slug, v.name, v.sort, now() FROM "Category",
                (VALUES ('functions', '机构职能', 10), ('normative-documents', '规章和规范性文件', 20), ('major-decisions', '重大决策(三重一大)', 30),
                        ('power-list', '权责清单', 40), ('procurement', '本局采购', 130), ('plans', '规划计划', 140)) AS v(slug, name, sort)
          WHERE "Category"."slug" = 'statutory'`,
      );
      await applyMigrations(old.url, migrationsDir);
      const { rows } = await client.query<{ slug: string; name: string; parent: string | null; sortOrder: number }>(
        `SELECT c."slug", c."name", p."slug" AS "parent", c."sortOrder" FROM "Category" c LEFT JOIN "Category" p ON p."id" = c."parentId" ORDER BY p."slug" NULLS FIRST, c."sortOrder"`,
      );
      const bySlug = new Map(rows.map((row) => [row.slug, row]));
      assert.equal(bySlug.get("normative-documents")?.name, "行政规范性文件");
      assert.equal(bySlug.get("major-decisions")?.name, "重大行政决策");
      assert.equal(bySlug.get("procurement")?.name, "本局采购", "an administrator's own name is kept");
      for (const slug of ["regulations", "policy-interpretations", "enforcement-disclosure", "major-projects", "emergencies"]) {
        assert.equal(bySlug.get(slug)?.parent, "statutory", slug);
      }
      for (const slug of ["enforcement-before", "enforcement-during", "enforcement-after"])
        assert.equal(bySlug.get(slug)?.parent, "enforcement-disclosure", slug);
      assert.deepEqual(
        rows.filter((row) => row.parent === "statutory").map((row) => row.slug),
        [
          "functions",
          "regulations",
          "normative-documents",
          "policy-interpretations",
          "major-decisions",
          "power-list",
          "enforcement-disclosure",
          "procurement",
          "major-projects",
          "plans",
          "emergencies",
        ],
      );
    } finally {
      await client.end();
      await old.drop();
    }
  });
});

describe("the 索引号: agency code prefix and year", () => {
  let admin: ActingUser;
  const code = "11231081412906730M";
  before(async () => {
    admin = await insertUser("admin");
  });
  after(() => pinClock());

  test("GB 32100-2015 / GB 11714-1997: the 索引号 prefix setting takes an 18-character 统一社会信用代码 or a 9-character 组织机构代码 with a correct check character", async () => {
    const refused = async (organizationCode: string, message: RegExp) =>
      assert.rejects(updateIndexNumberSettings(admin, { organizationCode, indexNumberYearBasis: "written" }), (error: unknown) => {
        assert.ok(error instanceof ValidationError, String(error));
        assert.match(error.fields.organizationCode?.[0] ?? "", message);
        return true;
      });
    await refused("11231081412906730A", /统一社会信用代码校验位/);
    await refused("D21435691", /组织机构代码校验位/);
    await refused("SFHCGJ", /18 位统一社会信用代码或 9 位组织机构代码/);
    await assert.rejects(updateIndexNumberSettings(staff, { organizationCode: code, indexNumberYearBasis: "written" }), /./, "administrators only");
    assert.equal((await updateIndexNumberSettings(admin, { organizationCode: "d2143569-x", indexNumberYearBasis: "written" })).organizationCode, "D2143569X");
    assert.equal(
      (await updateIndexNumberSettings(admin, { organizationCode: ` ${code.toLowerCase()} `, indexNumberYearBasis: "written" })).organizationCode,
      code,
    );
    const audit = await db.auditEvent.findFirst({ where: { action: "index_number_settings.update" }, orderBy: { id: "desc" } });
    assert.equal(audit?.actorId, admin.id);
  });

  test("索引号 year (written basis): the year of the 成文日期, settled at first publication after a correction in review", async () => {
    await updateIndexNumberSettings(admin, { organizationCode: code, indexNumberYearBasis: "written" });
    const id = await draftDocument("normative-documents", "2025年成文的规范性文件", { writtenAt: "2025-12-20", formedAt: "2025-12-20" });
    const created = await db.item.findUniqueOrThrow({ where: { id } });
    assert.match(created.indexNumber, new RegExp(`^${code}/2025-\\d{5}$`));
    const corrected = await draftDocument("normative-documents", "成文日期在审核中更正", { writtenAt: "2026-11-02" });
    assert.match((await db.item.findUniqueOrThrow({ where: { id: corrected } })).indexNumber, new RegExp(`^${code}/2026-`));
    await updateItem(staff, corrected, { writtenAt: "2024-06-30", version: (await db.item.findUniqueOrThrow({ where: { id: corrected } })).version });
    await publish(id);
    await publish(corrected);
    assert.equal((await db.item.findUniqueOrThrow({ where: { id } })).indexNumber, created.indexNumber, "already right: kept");
    assert.match((await db.item.findUniqueOrThrow({ where: { id: corrected } })).indexNumber, new RegExp(`^${code}/2024-\\d{5}$`));
  });

  test("索引号 year (publication basis): an item drafted in December and published in January carries the publication year", async () => {
    await updateIndexNumberSettings(admin, { organizationCode: code, indexNumberYearBasis: "published" });
    const id = await draftDocument("plans", "跨年发布的工作计划", { writtenAt: "2026-11-30" });
    assert.match((await db.item.findUniqueOrThrow({ where: { id } })).indexNumber, new RegExp(`^${code}/2026-`));
    await transitionItem(staff, id, { action: "submit" });
    await transitionItem(head, id, { action: "approve" });
    pinClock("2027-01-06T10:00:00+08:00");
    await transitionItem(leader, id, { action: "approve" });
    assert.match((await db.item.findUniqueOrThrow({ where: { id } })).indexNumber, new RegExp(`^${code}/2027-\\d{5}$`));
    pinClock();
  });

  test("索引号 of published items do not change: one published under the old short code keeps it through a new code and a republished edit", async () => {
    await updateIndexNumberSettings(admin, { organizationCode: "", indexNumberYearBasis: "written" });
    const id = await draftDocument("plans", "旧编号的信息", { writtenAt: "2026-10-09" });
    await publish(id);
    const published = (await db.item.findUniqueOrThrow({ where: { id } })).indexNumber;
    assert.match(published, /^SFHCGJ\/2026-\d{5}$/);
    await updateIndexNumberSettings(admin, { organizationCode: code, indexNumberYearBasis: "published" });
    await updateItem(staff, id, {
      title: "旧编号的信息（修订）",
      writtenAt: "2025-01-02",
      version: (await db.item.findUniqueOrThrow({ where: { id } })).version,
    });
    await publish(id);
    assert.equal((await db.item.findUniqueOrThrow({ where: { id } })).indexNumber, published);
    assert.equal((await findPublicItem(id))?.indexNumber, published);
  });
});
