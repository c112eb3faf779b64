import "../security/next-server-environment";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { findAgencyByCode } from "@/lib/agency/agencies";
import { importAgencies } from "@/lib/agency/import-agencies";
import { loadActingUser, type ActingUser } from "@/lib/auth/acting-user";
import { authenticateApiRequestWith } from "@/lib/auth/api-authentication";
import { checkCredentials } from "@/lib/auth/credentials";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { ForbiddenError, PasswordChangeRequiredError } from "@/lib/errors";
import type { FormState } from "@/lib/forms/form-state";
import { computeCreditCodeCheckCharacter } from "@/lib/identifiers/credit-code";
import { createSection } from "@/lib/sections/manage-sections";
import { readSpreadsheetRows, writeXlsx } from "@/lib/spreadsheets";
import { listUsers, resetUserPassword } from "@/lib/users/manage-users";
import { form } from "../security/matrix-types";
import { changeLogPosition, changesSince, importAppModule, runRoute } from "../security/matrix-walk";
import { isRedirectError, runInRequestScope, sessionCookieFor } from "../security/next-request-scope";
import { setUpWalk } from "../security/walk-setup";

/**
 * 批量导入机关 (issue 15): the platform administrator sets up agencies and their first
 * administrators from one .xlsx, all or nothing; each administrator's one-time password is shown
 * once, stored only as a hash, and must be changed before the console serves that account.
 */

let tearDown: () => Promise<void>;
let platform: ActingUser;
let admin: ActingUser;
type FormAction = (...args: unknown[]) => Promise<FormState>;
let importAgenciesAction: FormAction;
let changePasswordAction: FormAction;
let updateAgencyAction: FormAction;

const byName = async (username: string) => (await loadActingUser((await db.user.findUniqueOrThrow({ where: { username } })).id))!;

before(async () => {
  ({ tearDown } = await setUpWalk("agency-import"));
  [platform, admin] = await Promise.all([byName("platform"), byName("admin")]);
  const agencyActions = await importAppModule("app/admin/agencies/actions.ts");
  importAgenciesAction = agencyActions.importAgenciesAction as FormAction;
  updateAgencyAction = agencyActions.updateAgencyAction as FormAction;
  changePasswordAction = (await importAppModule("app/admin/account/actions.ts")).changePasswordAction as FormAction;
});
after(async () => {
  await tearDown();
});

async function cookieOf(userId: number): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  return sessionCookieFor(user, user.sessionEpoch);
}

/** Runs a server action signed in as `userId` with a session cookie, as the console's form posts it. */
async function asUser<Result>(userId: number, work: () => Promise<Result>): Promise<Result> {
  const headers = { host: "localhost", origin: "http://localhost", cookie: await cookieOf(userId) };
  return runInRequestScope({ page: "/admin/agencies", headers }, work);
}

const header = ["机关代码", "机关全称", "简称", "统一社会信用代码", "上级机关代码", "机关类型", "管理员用户名", "管理员姓名", "地址", "邮政编码", "电子邮箱"];
const creditCode = (seventeen: string) => seventeen + computeCreditCodeCheckCharacter(seventeen);

async function xlsx(rows: string[][], name = "机关.xlsx"): Promise<File> {
  const bytes = await writeXlsx([{ name: "机关", columns: header.map((text) => ({ header: text, text: true })), rows }]);
  return new File([new Uint8Array(bytes)], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
}

const goodRows = [
  [
    "SFH-FGJ",
    "绥芬河市发展和改革局",
    "市发改局",
    creditCode("11231081MB0000011"),
    "SFHZF",
    "部门",
    "fgj-admin",
    "王明",
    "绥芬河市通天路1号",
    "157300",
    "fgj@example.gov.cn",
  ],
  ["SFH-FGJ-NY", "绥芬河市能源服务中心", "能源中心", "", "SFH-FGJ", "部门", "ny-admin", "赵强", "", "", ""],
  ["SFH-JD1", "绥芬河市某某街道办事处", "某某街道", "", "sfhzf", "乡镇(街道)", "Jd1-Admin", "李华", "", "", ""],
  ["SFH-NOADMIN", "绥芬河市档案馆", "档案馆", "", "SFHZF", "部门", "", "", "", "", ""],
];

type Outcome = { agencies: { code: string }[]; credentials: { username: string; password: string; agencyCode: string }[]; download: { base64: string } | null };
let imported: Outcome;

describe("批量导入机关: the platform administrator's import", () => {
  test("creates the agencies under their parents, each with 办公室 and an administrator holding a one-time password", async () => {
    const file = await xlsxFile(goodRows);
    const state = (await asUser(platform.id, () => importAgenciesAction({ status: "idle" }, form({ file })))) as FormState<Outcome>;
    assert.equal(state.status, "success", `${state.message} ${JSON.stringify(state.importProblems)}`);
    assert.equal(state.message, "已导入 4 个机关，建立 3 个管理员账号。");
    imported = state.result!;
    assert.deepEqual(
      imported.agencies.map((agency) => agency.code),
      ["SFH-FGJ", "SFH-FGJ-NY", "SFH-JD1", "SFH-NOADMIN"],
    );
    const bureau = (await findAgencyByCode("SFH-FGJ"))!;
    assert.deepEqual([bureau.parentCode, bureau.kind, bureau.shortName, bureau.postcode], ["SFHZF", "department", "市发改局", "157300"]);
    assert.equal(bureau.organizationCode, goodRows[0][3]);
    assert.equal((await findAgencyByCode("SFH-FGJ-NY"))!.parentCode, "SFH-FGJ", "a parent from an earlier row of the file");
    assert.deepEqual([(await findAgencyByCode("SFH-JD1"))!.kind, (await findAgencyByCode("SFH-JD1"))!.address], ["town", ""]);

    assert.deepEqual(
      imported.credentials.map((credential) => [credential.agencyCode, credential.username]),
      [
        ["SFH-FGJ", "fgj-admin"],
        ["SFH-FGJ-NY", "ny-admin"],
        ["SFH-JD1", "jd1-admin"],
      ],
    );
    for (const credential of imported.credentials) {
      assert.match(credential.password, /^[ACDEFGHJKLMNPQRTUVWXYabcdefghijkmnpqrstuvwxyz34679]{12}$/);
      const user = await db.user.findUniqueOrThrow({ where: { username: credential.username }, include: { section: { include: { agency: true } } } });
      assert.equal(user.role, "admin");
      assert.equal(user.section.name, "办公室");
      assert.equal(user.section.agency.code, credential.agencyCode);
      assert.equal(user.mustChangePassword, true);
      assert.ok(await verifyPassword(credential.password, user.passwordHash));
    }
    assert.equal(new Set(imported.credentials.map((credential) => credential.password)).size, 3);
    const archive = await db.agency.findUniqueOrThrow({ where: { code: "SFH-NOADMIN" }, include: { sections: { include: { users: true } } } });
    assert.deepEqual(
      archive.sections.map((section) => [section.name, section.users.length]),
      [["办公室", 0]],
    );

    // The passwords' spreadsheet came with the response.
    const rows = await readSpreadsheetRows(new Uint8Array(Buffer.from(imported.download!.base64, "base64")), "xlsx");
    assert.deepEqual(rows[0].cells, ["机关代码", "机关全称", "用户名", "姓名", "一次性密码"]);
    assert.deepEqual(
      rows.slice(1).map((row) => [row.cells[2], row.cells[4]]),
      imported.credentials.map((credential) => [credential.username, credential.password]),
    );
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "agency.import" } });
    assert.equal(audit.actorId, platform.id);
    assert.deepEqual((audit.details as { administrators: string[] }).administrators, ["fgj-admin", "ny-admin", "jd1-admin"]);
  });

  test("no password is stored in the clear anywhere: not on the account, not in the audit log, not in any table", async () => {
    for (const { password } of imported.credentials) {
      const tables = await db.$queryRawUnsafe<{ table_name: string }[]>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
      );
      for (const { table_name: table } of tables) {
        const [row] = await db.$queryRawUnsafe<{ hits: string }[]>(`SELECT count(*)::text AS hits FROM "${table}" AS t WHERE t::text LIKE $1`, `%${password}%`);
        assert.equal(row.hits, "0", `${table} holds a one-time password`);
      }
    }
    const hashes = (await db.user.findMany({ where: { username: { in: imported.credentials.map((credential) => credential.username) } } })).map(
      (user) => user.passwordHash,
    );
    const auditText = JSON.stringify(
      await db.auditEvent.findMany({ where: { action: { in: ["agency.import", "user.create", "agency.create"] } } }),
      (_key, value) => (typeof value === "bigint" ? String(value) : (value as unknown)),
    );
    for (const hash of hashes) assert.ok(!auditText.includes(hash), "nor the password's hash in the audit log");
  });

  test("one bad row refuses the whole file: every problem by row and column, and the database unchanged", async () => {
    const position = await changeLogPosition();
    const bad = [
      ["SFH-A", "甲局", "甲局", "", "SFHZF", "部门", "a-admin", "甲", "", "", ""],
      ["SFH-A", "乙局", "乙局", "11231081412906730A", "", "部门", "admin", "乙", "", "1573", ""],
      ["SFH-C", "丙局", "丙局", "", "SFH-D", "局", "c-admin", "", "", "", ""],
      ["SFH-D", "丁局", "丁局", "", "SFH-D", "部门", "A-ADMIN", "丁", "", "", ""],
      ["SFH-FGJ", "戊局", "戊局", goodRows[0][3], "SFHZF", "部门", "fgj-admin", "戊", "", "", "not-an-address"],
    ];
    const file = await xlsxFile(bad);
    const state = await asUser(platform.id, () => importAgenciesAction({ status: "idle" }, form({ file })));
    assert.equal(state.status, "error");
    assert.equal(state.errorStatus, 422);
    const problems = (state.importProblems ?? []).map((problem) => `${problem.row} ${problem.column} ${problem.message}`);
    assert.deepEqual(problems, [
      "3 机关代码 与第 2 行的机关代码重复。",
      "3 统一社会信用代码 统一社会信用代码校验位不正确，请核对（GB 32100-2015）。",
      "3 上级机关代码 除本级政府外，每个机关都要选择上级机关。",
      "3 管理员用户名 已有账号使用这个用户名。",
      "3 邮政编码 邮编应为 6 位数字。",
      "4 上级机关代码 上级机关“SFH-D”既不在平台上，也不在本文件这一行之前。",
      "4 机关类型 “局”不是有效的机关类型（本级政府、政府办公室、部门、乡镇（街道））。",
      "4 管理员姓名 填写了管理员用户名，也请填写管理员姓名。",
      "5 上级机关代码 上级机关不能是本机关或其下级机关。",
      "5 管理员用户名 与第 2 行的管理员用户名重复。",
      "6 机关代码 平台上已有机关使用这个代码。",
      "6 统一社会信用代码 平台上的“绥芬河市发展和改革局”已使用这个统一社会信用代码。",
      "6 管理员用户名 已有账号使用这个用户名。",
      "6 电子邮箱 请填写有效的电子邮箱地址。",
    ]);
    assert.deepEqual(await changesSince(position), [], "nothing was written");
  });

  test("only the platform administrator imports: an agency's administrator is refused (403) and nothing is read or written", async () => {
    const position = await changeLogPosition();
    const file = await xlsxFile([goodRows[3]]);
    const state = await asUser(admin.id, () => importAgenciesAction({ status: "idle" }, form({ file })));
    assert.equal(state.errorStatus, 403);
    await assert.rejects(importAgencies(admin, { name: "机关.xlsx", bytes: new Uint8Array(await file.arrayBuffer()) }), ForbiddenError);
    assert.deepEqual(await changesSince(position), []);
    const template = "GET /admin/agencies/import/template";
    assert.equal((await runRoute(template, {}, await cookieOf(admin.id))).status, 403);
    assert.equal((await runRoute(template, {}, null)).status, 401);
    assert.equal((await runRoute(template, {}, await cookieOf(platform.id))).status, 200);
  });
});

describe("the one-time password must be changed before anything else", () => {
  test("the new administrator signs in, is refused everywhere but the password change, then changes it and works", async () => {
    const credential = imported.credentials[0];
    const userId = (await db.user.findUniqueOrThrow({ where: { username: credential.username } })).id;
    const signIn = await checkCredentials(credential.username, credential.password, "192.0.2.150");
    assert.equal(signIn.ok, true, "the one-time password signs in");
    const pending = (await loadActingUser(userId))!;
    assert.equal(pending.mustChangePassword, true);

    // The data layer, whatever path reached it.
    await assert.rejects(listUsers(pending), PasswordChangeRequiredError);
    await assert.rejects(createSection(pending, { name: "新科室" }), PasswordChangeRequiredError);
    // Server actions: 403 with what to do.
    const own = { name: "绥芬河市发展和改革局", shortName: "市发改局", address: "绥芬河市通天路1号", postcode: "157300", email: "fgj@example.gov.cn" };
    const refused = await asUser(userId, () => updateAgencyAction("SFH-FGJ", { status: "idle" }, form(own)));
    assert.equal(refused.errorStatus, 403);
    assert.match(refused.message ?? "", /一次性密码.*修改密码/);
    // Console pages send it to the password change; the account page itself serves it.
    const { requirePageUser } = await import("@/lib/auth/page-guard");
    const redirected = await asUser(userId, () => requirePageUser("user.manage").catch((error: unknown) => error));
    assert.ok(isRedirectError(redirected) && String((redirected as { digest: string }).digest).includes("/admin/account"));
    assert.equal((await asUser(userId, () => requirePageUser("account.change_password", { allowPendingPasswordChange: true }))).id, userId);
    // The API, with the session or a token alike: 403 password_change_required.
    await assert.rejects(
      authenticateApiRequestWith(new Request("http://localhost/api/v1/me"), async () => pending),
      (error: unknown) => error instanceof PasswordChangeRequiredError && error.status === 403 && error.code === "password_change_required",
    );
    const me = await runRoute("GET /api/v1/me", {}, await cookieOf(userId));
    assert.equal(me.status, 403);
    const users = await runRoute("GET /api/v1/admin/users", {}, await cookieOf(userId));
    assert.equal(users.status, 403);

    // The change: the one thing it may do, which clears the flag and opens the console.
    const changed = await asUser(userId, () =>
      changePasswordAction(
        { status: "idle" },
        form({ currentPassword: credential.password, newPassword: "my-own-password-2026", confirmPassword: "my-own-password-2026" }),
      ).catch((error: unknown) => error),
    );
    assert.ok(isRedirectError(changed), "on to the console after the change");
    const after = await db.user.findUniqueOrThrow({ where: { id: userId } });
    assert.equal(after.mustChangePassword, false);
    assert.equal((await checkCredentials(credential.username, credential.password, "192.0.2.151")).ok, false, "the one-time password is spent");
    assert.equal((await checkCredentials(credential.username, "my-own-password-2026", "192.0.2.151")).ok, true);
    const saved = await asUser(userId, () => updateAgencyAction("SFH-FGJ", { status: "idle" }, form({ ...own, phone: "0453-3920001" })));
    assert.equal(saved.status, "success", saved.message);
    assert.equal((await listUsers((await loadActingUser(userId))!)).length, 1, "its own agency's one account");
  });

  test("an administrator's reset gives a one-time password too", async () => {
    const staff = await db.user.findUniqueOrThrow({ where: { username: "staff" } });
    await resetUserPassword(admin, staff.id, { password: "reset-by-admin-1" });
    assert.equal((await db.user.findUniqueOrThrow({ where: { id: staff.id } })).mustChangePassword, true);
    assert.equal((await loadActingUser(staff.id))!.mustChangePassword, true);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "user.reset_password", entityId: String(staff.id) }, orderBy: { id: "desc" } });
    assert.deepEqual(audit.details, { revokedTokens: 0, mustChangePassword: true });
  });
});

async function xlsxFile(rows: string[][]): Promise<File> {
  return xlsx(rows);
}
