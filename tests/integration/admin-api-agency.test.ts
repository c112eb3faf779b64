import "../support/use-token-only-session";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createAgency } from "@/lib/agency/manage-agencies";
import type { ActingUser } from "@/lib/auth/acting-user";
import { createApiToken } from "@/lib/auth/api-tokens";
import { db } from "@/lib/db";
import { createItem } from "@/lib/items/manage-items";
import { seedBaseData } from "@/prisma/seed/seed-base";
import { insertSection, insertUser } from "../support/fixtures";
import { useMigratedTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * `agency=<code>` on the admin API (集约化, issue 15): a platform role acts within the named agency
 * alone — its lists are that agency's — while anyone else may name only their own agency (another
 * agency's code is 404, as its records are).
 */

let database: TestDatabase;
let bureauItemId: number;
let schoolItemId: number;
const tokens: Record<"supervisor" | "platformAdmin" | "bureauStaff" | "schoolAdmin", string> = {
  supervisor: "",
  platformAdmin: "",
  bureauStaff: "",
  schoolAdmin: "",
};
let bureauCode: string;

const tokenOf = async (actor: ActingUser) => (await createApiToken(actor, { name: "agency", scope: "read", lifetimeDays: 30 })).token;

before(async () => {
  database = await useMigratedTestDatabase();
  await seedBaseData();
  const contact = { address: "绥芬河市某街1号", postcode: "157300", email: "office@example.gov.cn" };
  const government = await createAgency(null, { code: "SFHZF", name: "绥芬河市人民政府", shortName: "市政府", kind: "government", ...contact });
  const schoolId = (
    await createAgency(null, { code: "SFHJYJ", name: "绥芬河市教育局", shortName: "市教育局", kind: "department", parentCode: "SFHZF", ...contact })
  ).id;
  bureauCode = (await db.agency.findFirstOrThrow({ where: { isDefault: true } })).code;
  const categoryId = (await db.category.findUniqueOrThrow({ where: { slug: "regulations" } })).id;

  const bureauSection = await insertSection("法制科");
  const schoolSection = await insertSection("基础教育科", schoolId);
  const bureauStaff = await insertUser("staff", { sectionId: bureauSection });
  const schoolStaff = await insertUser("staff", { sectionId: schoolSection });
  bureauItemId = (await createItem(bureauStaff, { title: "城管局的草稿", body: "<p>正文</p>", categoryId, formedAt: "2026-11-02" })).id;
  schoolItemId = (await createItem(schoolStaff, { title: "教育局的草稿", body: "<p>正文</p>", categoryId, formedAt: "2026-11-02" })).id;

  const officeSection = await insertSection("政务公开办", government.id);
  tokens.supervisor = await tokenOf(await insertUser("supervisor", { sectionId: officeSection }));
  tokens.platformAdmin = await tokenOf(await insertUser("platform_admin", { sectionId: officeSection }));
  tokens.bureauStaff = await tokenOf(bureauStaff);
  tokens.schoolAdmin = await tokenOf(await insertUser("admin", { sectionId: schoolSection }));
});
after(async () => {
  await database.drop();
});

async function get(path: string, token: string): Promise<Response> {
  const url = new URL(`http://gongkai.test${path}`);
  const request = new Request(url, { headers: { authorization: `Bearer ${token}` } });
  const route = url.pathname.replace(/^\/api\/v1\/admin\//, "");
  if (route === "items") return (await import("@/app/api/v1/admin/items/route")).GET(request);
  if (route.startsWith("items/")) {
    const id = route.slice("items/".length);
    return (await import("@/app/api/v1/admin/items/[id]/route")).GET(request, { params: Promise.resolve({ id }) });
  }
  if (route === "users") return (await import("@/app/api/v1/admin/users/route")).GET(request);
  throw new Error(`no route for ${path}`);
}

const itemIds = async (response: Response) => {
  assert.equal(response.status, 200);
  return ((await response.json()) as { items: { id: number }[] }).items.map((item) => item.id);
};

describe("agency= on the admin API", () => {
  test("the supervisor lists every agency's items, or one agency's with agency=", async () => {
    const all = await itemIds(await get("/api/v1/admin/items", tokens.supervisor));
    assert.ok(all.includes(bureauItemId) && all.includes(schoolItemId), "without agency=: the whole platform");

    const school = await itemIds(await get("/api/v1/admin/items?agency=sfhjyj", tokens.supervisor));
    assert.deepEqual(school, [schoolItemId], "the education bureau's alone (the code in any case)");
    const bureau = await itemIds(await get(`/api/v1/admin/items?agency=${bureauCode}`, tokens.supervisor));
    assert.deepEqual(bureau, [bureauItemId]);
  });

  test("narrowed to an agency, another agency's record is 404 to a platform role too", async () => {
    assert.equal((await get(`/api/v1/admin/items/${bureauItemId}`, tokens.supervisor)).status, 200);
    const refused = await get(`/api/v1/admin/items/${bureauItemId}?agency=SFHJYJ`, tokens.supervisor);
    assert.equal(refused.status, 404);
    assert.equal((await get(`/api/v1/admin/items/${schoolItemId}?agency=SFHJYJ`, tokens.supervisor)).status, 200);
  });

  test("a code no agency has is 404 with the reason in the body, never a 500", async () => {
    for (const code of ["NOPE", "%00", "a'b", "x".repeat(300)]) {
      const response = await get(`/api/v1/admin/items?agency=${code}`, tokens.supervisor);
      assert.equal(response.status, 404, code);
      assert.equal(((await response.json()) as { error: { code: string } }).error.code, "not_found");
    }
  });

  test("an agency's own people may name their agency only: another agency's code is 404", async () => {
    assert.deepEqual(await itemIds(await get(`/api/v1/admin/items?agency=${bureauCode}`, tokens.bureauStaff)), [bureauItemId]);
    assert.equal((await get("/api/v1/admin/items?agency=SFHJYJ", tokens.bureauStaff)).status, 404);
    assert.equal((await get(`/api/v1/admin/users?agency=${bureauCode}`, tokens.schoolAdmin)).status, 404);
  });

  test("the platform administrator lists one agency's accounts with agency=", async () => {
    const usernames = async (query: string) => {
      const response = await get(`/api/v1/admin/users${query}`, tokens.platformAdmin);
      assert.equal(response.status, 200);
      return ((await response.json()) as { users: { agencyCode?: string; sectionName: string }[] }).users;
    };
    const everyone = await usernames("");
    const school = await usernames("?agency=SFHJYJ");
    assert.ok(school.length >= 2 && school.length < everyone.length, "fewer than the whole platform's");
    assert.ok(
      school.every((user) => user.sectionName === "基础教育科"),
      "all of the education bureau's section",
    );
  });
});
