import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import pg from "pg";
import { GET as agencyColumnAddress } from "@/app/(public)/agencies/[code]/[...path]/route";
import { GET as agenciesApi } from "@/app/api/v1/agencies/route";
import { GET as itemsApi } from "@/app/api/v1/items/route";
import { GET as searchApi } from "@/app/api/v1/search/route";
import { findAgencyByCode, findDefaultAgency } from "@/lib/agency/agencies";
import { findLeadingGroup } from "@/lib/agency/find-agency";
import { createAgency, findAgencyForEditing, updateAgency } from "@/lib/agency/manage-agencies";
import { loadActingUser, type ActingUser } from "@/lib/auth/acting-user";
import { applyMigrations } from "@/lib/database/migrate";
import { db } from "@/lib/db";
import { AppError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { findConsoleItem, findRevisionView, listConsoleItems } from "@/lib/items/console-items";
import { transitionItem } from "@/lib/items/item-review";
import { createItem, updateItem } from "@/lib/items/manage-items";
import { createSection, listSections, renameSection } from "@/lib/sections/manage-sections";
import { createUser, findUser, listUsers, resetUserPassword, setUserDisabled, updateUser } from "@/lib/users/manage-users";
import { seedBaseData } from "@/prisma/seed/seed-base";
import { insertSection, insertUser } from "../support/fixtures";
import { applyMigrationsBefore, createEmptyDatabase, migrationsDir, useMigratedTestDatabase, type TestDatabase } from "../support/test-database";

const AGENCY_TREE_MIGRATION = "20261219100000_agency_tree";

/** Field errors of a ValidationError, for assert.rejects. */
const fieldError = (field: string, pattern: RegExp) => (error: unknown) =>
  error instanceof ValidationError && (error.fields[field] ?? []).some((message) => pattern.test(message));

const contact = { address: "绥芬河市某街1号", postcode: "157300", email: "office@example.gov.cn" };

describe("a single-agency database becomes a platform holding that agency (migration 20261219100000)", () => {
  test("its agency is the default one, its sections, leading group and users belong to it, and nothing is lost", async () => {
    const database = await createEmptyDatabase();
    const client = new pg.Client({ connectionString: database.url });
    try {
      await applyMigrationsBefore(database.url, AGENCY_TREE_MIGRATION);
      await client.connect();
      // The shape of a database from before: one agency, its sections, leading group and accounts.
      await client.query(`INSERT INTO "Agency" ("code", "name", "shortName", "address", "postcode", "email", "demoMode", "updatedAt")
                          VALUES ('SFHCGJ', '绥芬河市城市管理和综合行政执法局', '绥芬河市城管执法局', '绥芬河市永福街39号', '157399', 'sfhcgj@163.com', true, now())`);
      await client.query(`INSERT INTO "Section" ("name", "sortOrder", "updatedAt") VALUES ('综合科', 10, now()), ('局领导', 0, now())`);
      await client.query(`INSERT INTO "LeadingGroupMember" ("name", "position", "groupRole", "sortOrder") VALUES ('王韶波', '局长', '组长', 0)`);
      await client.query(`INSERT INTO "User" ("username", "displayName", "passwordHash", "role", "sectionId", "updatedAt")
                          SELECT 'admin', '系统管理员', 'x', 'admin', "id", now() FROM "Section" WHERE "name" = '综合科'`);
      const rowsBefore = await client.query(`SELECT (SELECT count(*) FROM "Section") AS sections, (SELECT count(*) FROM "User") AS users`);

      await applyMigrations(database.url, migrationsDir);

      const agency = await client.query(`SELECT "id", "code", "isDefault", "kind", "parentId", "demoMode" FROM "Agency"`);
      assert.equal(agency.rows.length, 1);
      assert.deepEqual(
        { ...agency.rows[0], id: undefined },
        { id: undefined, code: "SFHCGJ", isDefault: true, kind: "department", parentId: null, demoMode: true },
      );
      const sections = await client.query(`SELECT DISTINCT "agencyId" FROM "Section"`);
      assert.deepEqual(sections.rows, [{ agencyId: agency.rows[0].id }]);
      const group = await client.query(`SELECT "agencyId" FROM "LeadingGroupMember"`);
      assert.deepEqual(group.rows, [{ agencyId: agency.rows[0].id }]);
      assert.deepEqual(
        (await client.query(`SELECT (SELECT count(*) FROM "Section") AS sections, (SELECT count(*) FROM "User") AS users`)).rows,
        rowsBefore.rows,
      );
      // A second default agency is refused by the database itself.
      await assert.rejects(
        client.query(
          `INSERT INTO "Agency" ("code", "name", "shortName", "address", "postcode", "email", "isDefault", "updatedAt") VALUES ('OTHER', '另一机关', '另一', '', '', '', true, now())`,
        ),
        /Agency_isDefault_key/,
      );
      await assert.rejects(
        client.query(
          `INSERT INTO "Agency" ("code", "name", "shortName", "address", "postcode", "email", "isDefault", "updatedAt") VALUES ('OTHER', '另一机关', '另一', '', '', '', false, now())`,
        ),
        /Agency_isDefault_true_or_null/,
      );
    } finally {
      await client.end().catch(() => undefined);
      await database.drop();
    }
  });
});

describe("agencies of one platform", () => {
  let database: TestDatabase;
  let platformAdmin: ActingUser;
  let bureauAdmin: ActingUser;
  let otherAdmin: ActingUser;
  let bureauId: number;
  let otherId: number;

  before(async () => {
    database = await useMigratedTestDatabase();
    await seedBaseData();
    const bureau = await findDefaultAgency();
    bureauId = bureau.id;
    await createAgency(null, { code: "sfhzf", name: "绥芬河市人民政府", shortName: "市政府", kind: "government", ...contact });
    await db.agency.update({ where: { id: bureauId }, data: { parentId: (await findAgencyByCode("SFHZF"))!.id } });
    otherId = (await createAgency(null, { code: "SFHJYJ", name: "绥芬河市教育局", shortName: "市教育局", kind: "department", parentCode: "SFHZF", ...contact }))
      .id;
    platformAdmin = await insertUser("platform_admin", { sectionId: await insertSection("政务公开办", (await findAgencyByCode("SFHZF"))!.id) });
    bureauAdmin = await insertUser("admin");
    otherAdmin = await insertUser("admin", { sectionId: await insertSection("办公室", otherId) });
  });
  after(async () => {
    await database.drop();
  });

  test("GET /api/v1/agencies lists each agency's code, names, parent and kind, the government first", async () => {
    const response = await agenciesApi(new Request("http://gongkai.test/api/v1/agencies"));
    assert.equal(response.status, 200);
    const body = await response.json();
    assert.equal(body.total, 3);
    assert.deepEqual(body.items[0], { code: "SFHZF", name: "绥芬河市人民政府", shortName: "市政府", parentCode: null, kind: "government" });
    assert.deepEqual(
      body.items.map((agency: { code: string; parentCode: string | null }) => [agency.code, agency.parentCode]),
      [
        ["SFHZF", null],
        ["SFHCGJ", "SFHZF"],
        ["SFHJYJ", "SFHZF"],
      ],
    );
  });

  test("/agencies/{code}/… leads to the page with that agency chosen; the default agency's to its addresses from before", async () => {
    const go = async (address: string, code: string, path: string[]) => {
      const response = await agencyColumnAddress(new Request(`http://gongkai.test${address}`), { params: Promise.resolve({ code, path }) });
      return { status: response.status, location: response.headers.get("location") };
    };
    assert.deepEqual(await go("/agencies/sfhjyj/catalogue/statutory?page=2", "sfhjyj", ["catalogue", "statutory"]), {
      status: 308,
      location: "http://gongkai.test/catalogue/statutory?page=2&agency=SFHJYJ",
    });
    assert.deepEqual(await go("/agencies/SFHJYJ/reports/annual", "SFHJYJ", ["reports", "annual"]), {
      status: 308,
      location: "http://gongkai.test/reports/annual?agency=SFHJYJ",
    });
    assert.deepEqual(await go("/agencies/SFHCGJ/apply", "SFHCGJ", ["apply"]), { status: 308, location: "http://gongkai.test/apply" });
    assert.equal((await go("/agencies/NOPE/apply", "NOPE", ["apply"])).status, 404, "an unknown agency");
    assert.equal((await go("/agencies/SFHJYJ/admin", "SFHJYJ", ["admin"])).status, 404, "not a page of an agency's column");
  });

  test("the acting user carries its section's agency", async () => {
    assert.equal(bureauAdmin.agencyCode, "SFHCGJ");
    assert.equal(otherAdmin.agencyId, otherId);
    assert.equal((await loadActingUser(otherAdmin.id))!.agencyName, "绥芬河市教育局");
  });

  test("only the platform administrator adds agencies; a bad code, a taken one, a missing parent or a loop is a field error", async () => {
    await assert.rejects(
      createAgency(bureauAdmin, { code: "NEW1", name: "新局", shortName: "新局", kind: "department", parentCode: "SFHZF", ...contact }),
      ForbiddenError,
    );
    await assert.rejects(
      createAgency(platformAdmin, { code: "新局", name: "新局", shortName: "新局", kind: "department", parentCode: "SFHZF", ...contact }),
      fieldError("code", /大写字母/),
    );
    await assert.rejects(
      createAgency(platformAdmin, { code: "sfhjyj", name: "新局", shortName: "新局", kind: "department", parentCode: "SFHZF", ...contact }),
      fieldError("code", /已有机关/),
    );
    await assert.rejects(
      createAgency(platformAdmin, { code: "NEW1", name: "新局", shortName: "新局", kind: "department", ...contact }),
      fieldError("parentCode", /上级机关/),
    );
    await assert.rejects(
      createAgency(platformAdmin, { code: "NEW1", name: "新局", shortName: "新局", kind: "town", parentCode: "NOPE", ...contact }),
      fieldError("parentCode", /不存在/),
    );
    await assert.rejects(
      createAgency(platformAdmin, {
        code: "NEW1",
        name: "新局",
        shortName: "新局",
        kind: "department",
        parentCode: "SFHZF",
        ...contact,
        organizationCode: "11231081412906730X",
      }),
      fieldError("organizationCode", /校验/),
    );
    assert.equal(await db.agency.count({ where: { code: "NEW1" } }), 0, "nothing half-stored");
    await assert.rejects(
      updateAgency(platformAdmin, "SFHZF", { name: "绥芬河市人民政府", shortName: "市政府", ...contact, kind: "government", parentCode: "SFHJYJ" }),
      fieldError("parentCode", /下级/),
    );

    const town = await createAgency(platformAdmin, {
      code: "sfh-town-1",
      name: "绥芬河镇人民政府",
      shortName: "绥芬河镇",
      kind: "town",
      parentCode: "sfhzf",
      ...contact,
    });
    assert.deepEqual([town.code, town.parentCode, town.kind], ["SFH-TOWN-1", "SFHZF", "town"]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "agency.create", actorId: platformAdmin.id } });
    assert.equal((audit.details as { code: string }).code, "SFH-TOWN-1");
  });

  test("an agency's administrator edits its own contact and leading group, not its place, and another agency's is not found", async () => {
    const own = await findAgencyForEditing(bureauAdmin, "sfhcgj");
    assert.equal(own.code, "SFHCGJ");
    const updated = await updateAgency(bureauAdmin, "SFHCGJ", {
      name: own.name,
      shortName: own.shortName,
      address: own.address,
      postcode: own.postcode,
      email: own.email,
      officeHours: "工作日 8:30—17:00",
      disclosureOffice: "综合科",
      leadingGroup: "王韶波，局长，组长\n季晓明，副局长，副组长",
      // Ignored: where the agency stands is the platform's to say.
      kind: "town",
      parentCode: "SFHJYJ",
    });
    assert.equal(updated.officeHours, "工作日 8:30—17:00");
    assert.deepEqual([updated.kind, updated.parentCode], ["department", "SFHZF"]);
    assert.deepEqual(
      (await findLeadingGroup(bureauId)).map((member) => member.name),
      ["王韶波", "季晓明"],
    );
    await assert.rejects(findAgencyForEditing(bureauAdmin, "SFHJYJ"), NotFoundError);
    await assert.rejects(updateAgency(bureauAdmin, "SFHJYJ", { name: "改名", shortName: "改名", ...contact }), NotFoundError);
    assert.equal((await findAgencyByCode("SFHJYJ"))!.name, "绥芬河市教育局");
    await assert.rejects(
      updateAgency(bureauAdmin, "SFHCGJ", { ...contact, name: own.name, shortName: own.shortName, leadingGroup: "王韶波，局长" }),
      fieldError("leadingGroup", /第 1 行/),
    );
    const staff = await insertUser("staff");
    await assert.rejects(findAgencyForEditing(staff, "SFHCGJ"), ForbiddenError);
  });

  test("an agency's administrator sees and changes only its own agency's users and sections", async () => {
    const colleague = await insertUser("staff");
    const outsider = await insertUser("staff", { sectionId: await insertSection("教育科", otherId) });
    const listed = (await listUsers(bureauAdmin)).map((user) => user.id);
    assert.ok(listed.includes(colleague.id));
    assert.ok(!listed.includes(outsider.id), "another agency's user is not listed");
    assert.ok(!listed.includes(platformAdmin.id));
    await assert.rejects(findUser(bureauAdmin, outsider.id), NotFoundError);
    await assert.rejects(updateUser(bureauAdmin, outsider.id, { displayName: "改名" }), NotFoundError);
    await assert.rejects(setUserDisabled(bureauAdmin, outsider.id, true), NotFoundError);
    await assert.rejects(resetUserPassword(bureauAdmin, outsider.id, { password: "another-long-password-1" }), NotFoundError);
    await assert.rejects(
      createUser(bureauAdmin, { username: "sneaky", displayName: "越权", role: "staff", sectionId: outsider.sectionId, password: "another-long-password-1" }),
      fieldError("sectionId", /不存在/),
    );
    await assert.rejects(updateUser(bureauAdmin, colleague.id, { sectionId: outsider.sectionId }), fieldError("sectionId", /不存在/));
    await assert.rejects(updateUser(bureauAdmin, colleague.id, { role: "platform_admin" }), fieldError("role", /平台管理员/));
    assert.equal((await db.user.findUniqueOrThrow({ where: { id: outsider.id } })).disabledAt, null, "nothing changed");

    // The platform administrator reaches every agency's accounts.
    const everyone = (await listUsers(platformAdmin)).map((user) => user.id);
    assert.ok(everyone.includes(outsider.id) && everyone.includes(colleague.id));
    assert.equal((await findUser(platformAdmin, outsider.id)).agencyName, "绥芬河市教育局");
    const supervisor = await createUser(platformAdmin, {
      username: "gkb",
      displayName: "公开办",
      role: "supervisor",
      sectionId: platformAdmin.sectionId,
      password: "another-long-password-1",
    });
    assert.equal(supervisor.role, "supervisor");
  });

  test("section names are unique within an agency; an agency's administrator renames only its own", async () => {
    const ownSection = await createSection(bureauAdmin, { name: "法制科", agencyId: otherId });
    assert.equal(ownSection.agencyId, bureauId, "created in the administrator's own agency whatever it asked for");
    const theirs = await createSection(otherAdmin, { name: "法制科" });
    assert.equal(theirs.agencyId, otherId, "the same name in another agency");
    await assert.rejects(createSection(otherAdmin, { name: "法制科" }), fieldError("name", /同名/));
    await assert.rejects(renameSection(bureauAdmin, theirs.id, { name: "被改名" }), NotFoundError);
    const listed = await listSections(bureauAdmin);
    assert.ok(listed.every((section) => section.agencyId === bureauId));
    const forPlatform = await listSections(platformAdmin, { agencyId: otherId });
    assert.ok(forPlatform.length > 0 && forPlatform.every((section) => section.agencyId === otherId));
    const inOther = await createSection(platformAdmin, { name: "督查科", agencyId: otherId });
    assert.equal(inOther.agencyName, "绥芬河市教育局");
  });

  test("GET /api/v1/items serves the default agency's items unless agency= names another; each item names its agency", async () => {
    const publish = async (sectionId: number, title: string) => {
      const staff = await insertUser("staff", { sectionId });
      const head = await insertUser("section_head", { sectionId });
      const leader = await insertUser("leader", { sectionId });
      const categoryId = (await db.category.findUniqueOrThrow({ where: { slug: "regulations" } })).id;
      const { id } = await createItem(staff, { title, body: "<p>正文</p>", categoryId, formedAt: "2026-11-02" });
      await transitionItem(staff, id, { action: "submit" });
      await transitionItem(head, id, { action: "approve" });
      await transitionItem(leader, id, { action: "approve" });
      return id;
    };
    const ours = await publish(await insertSection("信息科"), "城管局的通知");
    const theirs = await publish(await insertSection("基础教育科", otherId), "教育局的通知");
    const list = async (query: string) => {
      const response = await itemsApi(new Request(`http://gongkai.test/api/v1/items${query}`));
      return { status: response.status, body: await response.json() };
    };
    const plain = await list("");
    assert.deepEqual(
      plain.body.items.map((item: { id: number }) => item.id),
      [ours],
      "the address from before the platform keeps showing the bureau's items only",
    );
    assert.equal(plain.body.items[0].agencyCode, "SFHCGJ");
    const other = await list("?agency=sfhjyj");
    assert.deepEqual(
      other.body.items.map((item: { id: number; agencyCode: string; issuingBody: string }) => [item.id, item.agencyCode, item.issuingBody]),
      [[theirs, "SFHJYJ", "绥芬河市教育局"]],
      "issued in the name of its own agency, not the default one",
    );
    // Each agency numbers its own 索引号, with its own prefix and sequence.
    assert.match(other.body.items[0].indexNumber, /^SFHJYJ\/2026-00001$/);
    const unknown = await list("?agency=NOPE");
    assert.equal(unknown.status, 404);
    assert.match(unknown.body.error.message, /机关不存在/);
  });

  test("one search across the platform: every agency's records without agency=, one agency's with it; results name their agency", async () => {
    const search = async (query: string) => {
      const response = await searchApi(new Request(`http://gongkai.test/api/v1/search${query}`));
      return { status: response.status, body: await response.json() };
    };
    const everywhere = await search("?q=" + encodeURIComponent("的通知") + "&sort=date");
    assert.deepEqual(everywhere.body.results.map((result: { title: string; agencyCode: string }) => [result.title, result.agencyCode]).sort(), [
      ["城管局的通知", "SFHCGJ"],
      ["教育局的通知", "SFHJYJ"],
    ]);
    const theirs = await search("?q=" + encodeURIComponent("的通知") + "&agency=sfhjyj");
    assert.deepEqual(
      theirs.body.results.map((result: { title: string }) => result.title),
      ["教育局的通知"],
    );
    assert.equal(theirs.body.total, 1);
    const unknown = await search("?q=" + encodeURIComponent("通知") + "&agency=NOPE");
    assert.equal(unknown.status, 422);
    assert.match(JSON.stringify(unknown.body.error), /机关不存在/);
  });

  test("items in the console: another agency's leader neither lists, opens nor reviews them (404), a platform supervisor reads them", async () => {
    const sectionId = await insertSection("审核科");
    const staff = await insertUser("staff", { sectionId });
    const head = await insertUser("section_head", { sectionId });
    const categoryId = (await db.category.findUniqueOrThrow({ where: { slug: "regulations" } })).id;
    const { id } = await createItem(staff, { title: "待审的规章", body: "<p>正文</p>", categoryId, formedAt: "2026-11-02" });
    await transitionItem(staff, id, { action: "submit" });
    await transitionItem(head, id, { action: "approve" });

    const foreignLeader = await insertUser("leader", { sectionId: await insertSection("局领导", otherId) });
    const listed = await listConsoleItems(foreignLeader, { scope: "all", pageSize: 100 });
    assert.ok(!listed.items.some((item) => item.id === id), "not in another agency's lists");
    const tasks = await listConsoleItems(foreignLeader, { scope: "tasks", pageSize: 100 });
    assert.equal(tasks.items.length, 0, "nor in its leader's tasks");
    await assert.rejects(findConsoleItem(foreignLeader, id), NotFoundError);
    await assert.rejects(findRevisionView(foreignLeader, id, 1), NotFoundError);
    await assert.rejects(transitionItem(foreignLeader, id, { action: "approve" }), NotFoundError);
    // A stale version changes nothing of that: a 409 would disclose the item and name its last editor.
    const foreignStaff = await insertUser("staff", { sectionId: await insertSection("稽查科", otherId) });
    await assert.rejects(transitionItem(foreignLeader, id, { action: "approve", version: 99 }), NotFoundError);
    await assert.rejects(updateItem(foreignStaff, id, { title: "改", version: 99 }), NotFoundError);
    await assert.rejects(
      updateItem(staff, id, { title: "改", version: 99 }),
      (error) => error instanceof AppError && error.code === "stale_version",
      "its own agency is told",
    );
    assert.equal((await db.item.findUniqueOrThrow({ where: { id } })).state, "leader_review", "nothing changed");

    const ownLeader = await insertUser("leader");
    assert.ok((await listConsoleItems(ownLeader, { scope: "tasks", pageSize: 100 })).items.some((item) => item.id === id));
    const supervisor = await insertUser("supervisor", { sectionId: platformAdmin.sectionId });
    assert.equal((await findConsoleItem(supervisor, id)).latest.title, "待审的规章");
    await assert.rejects(transitionItem(supervisor, id, { action: "approve" }), ForbiddenError, "reads, does not review");
  });
});
