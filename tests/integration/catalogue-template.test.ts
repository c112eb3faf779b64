import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createAgency } from "@/lib/agency/manage-agencies";
import type { ActingUser } from "@/lib/auth/acting-user";
import { findCategoryBySlug, findCategoryTree, flattenCategoryTree } from "@/lib/catalogue/catalogue-tree";
import { createCategory, deleteCategory, updateCategory } from "@/lib/catalogue/manage-catalogue";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { loadItemFormOptions } from "@/lib/items/item-form-options";
import { createItem } from "@/lib/items/manage-items";
import { seedBaseData } from "@/prisma/seed/seed-base";
import { defaultAgencyId, insertSection, insertUser } from "../support/fixtures";
import { useMigratedTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * The platform catalogue template (集约化, issue 15): the statutory columns the 政务公开办 keeps and
 * every agency inherits, and each agency's own columns below them, seen only in its catalogue.
 */

let database: TestDatabase;
let homeAdmin: ActingUser;
let homeStaff: ActingUser;
let otherAdmin: ActingUser;
let otherStaff: ActingUser;
let supervisor: ActingUser;
let homeAgencyId: number;
let otherAgencyId: number;
let statutoryId: number;

const slugs = (tree: Awaited<ReturnType<typeof findCategoryTree>>) => flattenCategoryTree(tree).map((node) => node.slug);
const fieldError = (field: string) => (error: unknown) => error instanceof ValidationError && (error.fields[field]?.length ?? 0) > 0;

before(async () => {
  database = await useMigratedTestDatabase();
  await seedBaseData();
  homeAgencyId = await defaultAgencyId();
  homeAdmin = await insertUser("admin");
  homeStaff = await insertUser("staff");
  // While the platform holds one agency, its administrator keeps the whole catalogue, as before.
  const single = await createCategory(homeAdmin, { name: "单机关时的栏目", slug: "single-agency-column" });
  assert.equal((await db.category.findUniqueOrThrow({ where: { id: single.id } })).agencyId, null, "a template category");
  await deleteCategory(homeAdmin, single.id);

  await createAgency(null, {
    code: "SFHZF",
    name: "绥芬河市人民政府",
    shortName: "市政府",
    kind: "government",
    address: "绥芬河市",
    postcode: "157300",
    email: "zf@example.gov.cn",
  });
  const other = await createAgency(null, {
    parentCode: "SFHZF",
    code: "SFHJYJ",
    name: "绥芬河市教育局",
    shortName: "市教育局",
    kind: "department",
    address: "绥芬河市教育街1号",
    postcode: "157300",
    email: "jyj@example.gov.cn",
  });
  otherAgencyId = other.id;
  const otherSection = await insertSection("办公室", otherAgencyId);
  otherAdmin = await insertUser("admin", { sectionId: otherSection });
  otherStaff = await insertUser("staff", { sectionId: otherSection });
  supervisor = await insertUser("supervisor", { sectionId: await insertSection("政务公开办") });
  statutoryId = (await db.category.findUniqueOrThrow({ where: { slug: "statutory" } })).id;
});
after(async () => {
  await database.drop();
});

describe("the platform catalogue template and each agency's own columns", () => {
  test("an agency's administrator adds its own column under the template; only that agency's catalogue shows it", async () => {
    const own = await createCategory(otherAdmin, { name: "学校信息公开", slug: "school-disclosure", parentId: statutoryId });
    const row = await db.category.findUniqueOrThrow({ where: { id: own.id } });
    assert.equal(row.agencyId, otherAgencyId);
    assert.ok(slugs(await findCategoryTree({ agencyId: otherAgencyId })).includes("school-disclosure"));
    assert.ok(!slugs(await findCategoryTree({ agencyId: homeAgencyId })).includes("school-disclosure"), "not in the bureau's catalogue");
    assert.ok(!slugs(await findCategoryTree()).includes("school-disclosure"), "not in the default agency's (the addresses without an agency)");
    assert.ok(slugs(await findCategoryTree({ agencyId: otherAgencyId })).includes("statutory"), "the template is inherited");
    assert.equal((await findCategoryBySlug("school-disclosure"))?.path.map((node) => node.slug).join("/"), "statutory/school-disclosure");

    // Listed below the template's columns of the same parent.
    const statutory = flattenCategoryTree(await findCategoryTree({ agencyId: otherAgencyId })).find((node) => node.slug === "statutory")!;
    assert.equal(statutory.children.at(-1)?.slug, "school-disclosure");
  });

  test("the template is kept by the 政务公开办: an agency's administrator may not change it, the supervisor may", async () => {
    const input = { name: "法定主动公开内容（改）", slug: "statutory", kind: "list", sortOrder: 0 };
    await assert.rejects(updateCategory(homeAdmin, statutoryId, input), ForbiddenError);
    await assert.rejects(updateCategory(otherAdmin, statutoryId, input), ForbiddenError);
    await assert.rejects(deleteCategory(otherAdmin, statutoryId), ForbiddenError);
    await assert.rejects(updateCategory(homeStaff, statutoryId, input), ForbiddenError);
    const before = await db.category.findUniqueOrThrow({ where: { id: statutoryId } });
    await updateCategory(supervisor, statutoryId, { ...input, name: before.name, sortOrder: before.sortOrder });
    const template = await createCategory(supervisor, { name: "政务公开专题", slug: "platform-topic" });
    assert.equal((await db.category.findUniqueOrThrow({ where: { id: template.id } })).agencyId, null, "the supervisor's new column is the template's");
    assert.ok(slugs(await findCategoryTree({ agencyId: otherAgencyId })).includes("platform-topic"));
    assert.ok(slugs(await findCategoryTree({ agencyId: homeAgencyId })).includes("platform-topic"));
  });

  test("another agency's own column is 404 to an agency's administrator and cannot be a parent; a template column cannot go under an agency's", async () => {
    const own = await db.category.findUniqueOrThrow({ where: { slug: "school-disclosure" } });
    await assert.rejects(updateCategory(homeAdmin, own.id, { name: "改", slug: "school-disclosure" }), NotFoundError);
    await assert.rejects(deleteCategory(homeAdmin, own.id), NotFoundError);
    await assert.rejects(createCategory(homeAdmin, { name: "借用上级", slug: "borrowed-parent", parentId: own.id }), fieldError("parentId"));
    await assert.rejects(updateCategory(supervisor, statutoryId, { name: "法定主动公开内容", slug: "statutory", parentId: own.id }), fieldError("parentId"));
    assert.equal(await db.category.count({ where: { slug: "borrowed-parent" } }), 0);
  });

  test("an item is filed in the template or its own agency's columns, never in another agency's", async () => {
    const own = await db.category.findUniqueOrThrow({ where: { slug: "school-disclosure" } });
    const homeOptions = await loadItemFormOptions(homeStaff);
    assert.ok(!homeOptions.categories.some((option) => option.slug === "school-disclosure"));
    assert.ok((await loadItemFormOptions(otherStaff)).categories.some((option) => option.slug === "school-disclosure"));
    const content = { title: "某校招生简章", body: "<p>正文</p>", categoryId: own.id, formedAt: "2026-11-20", channels: ["website"] };
    await assert.rejects(createItem(homeStaff, content), fieldError("categoryId"));
    const created = await createItem(otherStaff, content);
    assert.ok(created.id > 0);
  });
});
