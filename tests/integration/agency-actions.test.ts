import "../security/next-server-environment";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { findAgencyByCode, listAgencies } from "@/lib/agency/agencies";
import { findLeadingGroup } from "@/lib/agency/find-agency";
import { loadActingUser, type ActingUser } from "@/lib/auth/acting-user";
import { db } from "@/lib/db";
import type { FormState } from "@/lib/forms/form-state";
import { form } from "../security/matrix-types";
import { importAppModule } from "../security/matrix-walk";
import { runInRequestScope, sessionCookieFor } from "../security/next-request-scope";
import { setUpWalk } from "../security/walk-setup";

/**
 * The console's agency forms (机关管理, 本机关信息) through their server actions, signed in as the
 * demo platform's accounts: the platform administrator (`platform`) and the bureau's administrator
 * (`admin`, of SFHCGJ). What the forms answer is what a user sees beside the fields.
 */

let tearDown: () => Promise<void>;
let platform: ActingUser;
let admin: ActingUser;
let staff: ActingUser;
type FormAction = (...args: unknown[]) => Promise<FormState>;
// Loaded as the matrix loads actions, once Next's server environment is in place.
let createAgencyAction: FormAction;
let updateAgencyAction: FormAction;

const byName = async (username: string) => (await loadActingUser((await db.user.findUniqueOrThrow({ where: { username } })).id))!;

before(async () => {
  ({ tearDown } = await setUpWalk("agency-actions"));
  [platform, admin, staff] = await Promise.all([byName("platform"), byName("admin"), byName("staff")]);
  const actions = await importAppModule("app/admin/agencies/actions.ts");
  createAgencyAction = actions.createAgencyAction as FormAction;
  updateAgencyAction = actions.updateAgencyAction as FormAction;
});
after(async () => {
  await tearDown();
});

/** Runs a server action as `user`, signed in with a session cookie, as the console's form posts it. */
async function asUser(user: ActingUser, work: () => Promise<FormState>): Promise<FormState> {
  const { sessionEpoch } = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionEpoch: true } });
  const headers = { host: "localhost", origin: "http://localhost", cookie: await sessionCookieFor(user, sessionEpoch) };
  return runInRequestScope({ page: "/admin/agencies", headers }, work);
}

const idle: FormState = { status: "idle" };

const newTown = {
  code: "sfh-syz",
  name: "绥芬河市绥芬河镇人民政府",
  shortName: "绥芬河镇",
  kind: "town",
  parentCode: "SFHZF",
  organizationCode: "",
  sortOrder: "50",
  address: "绥芬河市绥芬河镇政府街1号",
  postcode: "157300",
  email: "sfhz@example.gov.cn",
  phone: "0453-3920000",
  website: "",
  officeHours: "工作日 8:30—11:30，13:30—17:00",
  disclosureOffice: "党政办公室",
  leadingGroup: "李明，镇长，组长\n王芳，副镇长，副组长",
};

const bureauContact = {
  name: "绥芬河市城市管理和综合行政执法局",
  shortName: "绥芬河市城管执法局",
  address: "绥芬河市永福街39号",
  postcode: "157399",
  email: "sfhcgj@163.com",
  phone: "",
  website: "zjj.suifenhe.gov.cn",
  disclosureOffice: "综合科",
  leadingGroup: "王韶波，局长，组长\n季晓明，副局长，副组长",
};

describe("机关管理: the platform administrator's agency forms", () => {
  test("a new agency is stored under its parent with its leading group, its code upper-cased, and audited", async () => {
    const state = await asUser(platform, () => createAgencyAction(idle, form(newTown)));
    assert.equal(state.status, "success", state.message);
    assert.equal(state.message, "已新增机关：绥芬河市绥芬河镇人民政府。");
    const agency = await findAgencyByCode("SFH-SYZ");
    assert.ok(agency);
    assert.equal(agency.kind, "town");
    assert.equal(agency.parentCode, "SFHZF");
    assert.equal(agency.officeHours, newTown.officeHours);
    assert.deepEqual(
      (await findLeadingGroup(agency.id)).map((member) => member.name),
      ["李明", "王芳"],
    );
    assert.ok((await listAgencies()).some((listed) => listed.code === "SFH-SYZ"));
    assert.equal(await db.auditEvent.count({ where: { action: "agency.create", entityId: String(agency.id), actorId: platform.id } }), 1);
  });

  test("a refused new agency is told why next to each field, keeps what was typed, and stores nothing", async () => {
    const before = await db.agency.count();
    const state = await asUser(platform, () =>
      createAgencyAction(idle, form({ ...newTown, code: "SFHCGJ", postcode: "15730", email: "not-an-address", leadingGroup: "只有姓名" })),
    );
    assert.equal(state.status, "error");
    assert.equal(state.errorStatus, 422);
    assert.deepEqual(state.fields?.postcode, ["邮编应为 6 位数字。"]);
    assert.deepEqual(state.fields?.email, ["请填写有效的电子邮箱地址。"]);
    assert.deepEqual(state.fields?.leadingGroup, ["第 1 行应为“姓名，职务，小组职务”三项，每项不超过 40 个字符。"]);
    assert.equal(state.values?.name, newTown.name);

    const taken = await asUser(platform, () => createAgencyAction(idle, form({ ...newTown, code: "sfhcgj" })));
    assert.deepEqual(taken.fields?.code, ["已有机关使用这个代码。"]);
    const orphan = await asUser(platform, () => createAgencyAction(idle, form({ ...newTown, code: "SFH-ORPHAN", kind: "department", parentCode: "" })));
    assert.deepEqual(orphan.fields?.parentCode, ["除本级政府外，每个机关都要选择上级机关。"]);
    assert.equal(await db.agency.count(), before);
  });

  test("an agency cannot be moved below itself", async () => {
    const state = await asUser(platform, () =>
      updateAgencyAction("SFHZF", idle, form({ ...bureauContact, name: "绥芬河市人民政府", kind: "government", parentCode: "SFHCGJ" })),
    );
    assert.deepEqual(state.fields?.parentCode, ["上级机关不能是本机关或其下级机关。"]);
    assert.equal((await findAgencyByCode("SFHZF"))?.parentCode, null);
  });

  test("only the platform administrator adds agencies: the bureau's administrator and staff are refused (403)", async () => {
    const before = await db.agency.count();
    for (const user of [admin, staff]) {
      const state = await asUser(user, () => createAgencyAction(idle, form({ ...newTown, code: `SFH-X${user.id}` })));
      assert.equal(state.errorStatus, 403, user.username);
    }
    assert.equal(await db.agency.count(), before);
  });
});

describe("本机关信息: an agency's administrator edits its own agency", () => {
  test("saves its name and contact; the platform fields it sends (kind, parent, order) are ignored", async () => {
    const state = await asUser(admin, () =>
      updateAgencyAction(
        "sfhcgj",
        idle,
        form({ ...bureauContact, officeHours: "工作日 9:00—12:00，13:30—17:30", kind: "town", parentCode: "", sortOrder: "1", organizationCode: "" }),
      ),
    );
    assert.equal(state.status, "success", state.message);
    const agency = (await findAgencyByCode("SFHCGJ"))!;
    assert.equal(agency.officeHours, "工作日 9:00—12:00，13:30—17:30");
    assert.equal(agency.kind, "department");
    assert.equal(agency.parentCode, "SFHZF");
    assert.equal(agency.sortOrder, 20);
    assert.equal(agency.organizationCode, "11231081412906730M");
  });

  test("another agency is not found (404) and nothing of it changes", async () => {
    const before = await findAgencyByCode("SFHZF");
    const state = await asUser(admin, () => updateAgencyAction("SFHZF", idle, form({ ...bureauContact, name: "改名的政府" })));
    assert.equal(state.status, "error");
    assert.equal(state.errorStatus, 404);
    assert.deepEqual(await findAgencyByCode("SFHZF"), before);
    const staffState = await asUser(staff, () => updateAgencyAction("SFHCGJ", idle, form(bureauContact)));
    assert.equal(staffState.errorStatus, 403);
  });
});
