import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { findAgencyByCode } from "@/lib/agency/agencies";
import { findAgencyDirectory, PAGE_SIZE, PREVIEW_SIZE } from "@/lib/agency/agency-directory";
import { createAgency } from "@/lib/agency/manage-agencies";
import { db } from "@/lib/db";
import { seedBaseData } from "@/prisma/seed/seed-base";
import { useMigratedTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * The public directory of agencies (/agencies, 集约化) at the size of a county's platform: each kind
 * with its count and its first names, a kind page by page, and the filter by name (`?q=`).
 */

const contact = { address: "绥芬河市某街1号", postcode: "157300", email: "office@example.gov.cn" };

let database: TestDatabase;

before(async () => {
  database = await useMigratedTestDatabase();
  await seedBaseData();
  await createAgency(null, { code: "SFHZF", name: "绥芬河市人民政府", shortName: "市政府", kind: "government", ...contact });
  await createAgency(null, { code: "SFHJYJ", name: "绥芬河市教育局", shortName: "市教育局", kind: "department", parentCode: "SFHZF", ...contact });
});
after(async () => {
  await database.drop();
});

describe("the directory of 500 agencies", () => {
  before(async () => {
    const government = (await findAgencyByCode("SFHZF"))!;
    // 3 agencies exist (the government, the bureau, the education bureau); 397 more departments and
    // 100 towns, named as a county's would be.
    await db.agency.createMany({
      data: Array.from({ length: 497 }, (_, index) => {
        const town = index < 100;
        const serial = String(index + 1).padStart(3, "0");
        return {
          code: `${town ? "TOWN" : "DEPT"}${serial}`,
          name: town ? `绥芬河市第${serial}镇人民政府` : `绥芬河市第${serial}局`,
          shortName: town ? `第${serial}镇` : `第${serial}局`,
          kind: town ? ("town" as const) : ("department" as const),
          parentId: government.id,
          sortOrder: 100 + index,
          ...contact,
        };
      }),
    });
  });

  test("the overview: every kind with its count, the government first, and the first names of the big kinds", async () => {
    const directory = await findAgencyDirectory({});
    assert.equal(directory.total, 500);
    assert.deepEqual(
      directory.groups.map((group) => [group.kind, group.total, group.agencies.length]),
      [
        ["government", 1, 1],
        ["department", 399, PREVIEW_SIZE],
        ["town", 100, PREVIEW_SIZE],
      ],
      "no office on this platform: no empty group",
    );
    assert.deepEqual(directory.groups[0].agencies, [{ code: "SFHZF", name: "绥芬河市人民政府" }]);
  });

  test("a kind page by page: every department once, in order, over the pages", async () => {
    const seen: string[] = [];
    for (let page = 1; page <= Math.ceil(399 / PAGE_SIZE); page++) {
      const directory = await findAgencyDirectory({ kind: "department", page });
      assert.deepEqual(
        directory.groups.map((group) => group.kind),
        ["department"],
      );
      seen.push(...directory.groups[0].agencies.map((agency) => agency.code));
    }
    assert.equal(seen.length, 399);
    assert.equal(new Set(seen).size, 399);
    assert.ok(seen.includes("SFHCGJ") && seen.includes("SFHJYJ"));
    // An unknown kind is the overview; a page past the end is empty.
    assert.equal((await findAgencyDirectory({ kind: "ministry" })).groups.length, 3);
    assert.deepEqual((await findAgencyDirectory({ kind: "town", page: 99 })).groups[0].agencies, []);
  });

  test("the filter by name (?q=) matches the full name, the short name or the code, whatever the width or case", async () => {
    const byName = await findAgencyDirectory({ q: "  教育局 " });
    assert.equal(byName.q, "教育局");
    assert.deepEqual(
      byName.groups.map((group) => [group.kind, group.agencies.map((agency) => agency.code)]),
      [["department", ["SFHJYJ"]]],
    );
    const towns = await findAgencyDirectory({ q: "镇" });
    assert.equal(towns.total, 100);
    assert.deepEqual(
      towns.groups.map((group) => group.kind),
      ["town"],
    );
    assert.deepEqual((await findAgencyDirectory({ q: "ｔｏｗｎ０４５" })).groups[0].agencies, [{ code: "TOWN045", name: "绥芬河市第045镇人民政府" }]);
    assert.equal((await findAgencyDirectory({ q: "市城管执法局" })).groups[0].agencies[0].code, "SFHCGJ", "the short name");
    // `%` and `_` are characters like any other; a filter matching nothing finds nothing.
    assert.equal((await findAgencyDirectory({ q: "%" })).total, 0);
    assert.equal((await findAgencyDirectory({ q: "_" })).total, 0);
    assert.equal((await findAgencyDirectory({ q: "公安局" })).total, 0);
    // A repeated q (?q=a&q=b) is no filter.
    assert.equal((await findAgencyDirectory({ q: ["教育局", "镇"] })).total, 500);
    // Filter and kind together: the towns matching, page by page.
    const filteredKind = await findAgencyDirectory({ q: "第04", kind: "town" });
    assert.deepEqual(
      filteredKind.groups[0].agencies.map((agency) => agency.code),
      ["TOWN040", "TOWN041", "TOWN042", "TOWN043", "TOWN044", "TOWN045", "TOWN046", "TOWN047", "TOWN048", "TOWN049"],
    );
  });
});
