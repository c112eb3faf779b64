import "../support/use-token-only-session";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createAgency } from "@/lib/agency/manage-agencies";
import { listAgenciesAcceptingApplications } from "@/lib/applications/application-agencies";
import { findConsoleApplication, listApplications } from "@/lib/applications/console-applications";
import { computeApplicationClock } from "@/lib/applications/deadlines";
import { recordDecision, recordStep } from "@/lib/applications/handle-application";
import { updateHandlingSection } from "@/lib/applications/handling-section";
import { lookUpApplication } from "@/lib/applications/public-status";
import { countApplicationsForReport } from "@/lib/applications/report-figures";
import { submitApplication, type SubmittedApplication } from "@/lib/applications/submit-application";
import { transferApplication } from "@/lib/applications/transfer-application";
import { listAuditEvents } from "@/lib/audit/query-audit-events";
import type { ActingUser } from "@/lib/auth/acting-user";
import { createApiToken } from "@/lib/auth/api-tokens";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-calendar";
import { todayInBeijing } from "@/lib/dates";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { computeIdNumberCheckCharacter } from "@/lib/identifiers";
import { resetReplyTemplate, saveReplyTemplate } from "@/lib/reply-letters/manage-templates";
import { seedBaseData } from "@/prisma/seed/seed-base";
import { defaultAgencyId, insertSection, insertUser } from "../support/fixtures";
import { pinClock, TEST_START, useMigratedTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * Applications across agencies (集约化, issue 15): 转送 to another agency of the platform (visibility,
 * history, the applicant's status page, the clock, the report figures follow the application), and
 * 本机关不掌握 naming an agency of the platform (its name and contact in the reply letter).
 */

let database: TestDatabase;
let homeAgencyId: number;
const education = { id: 0, code: "SFHJYJ", name: "绥芬河市教育局" };
const market = { id: 0, code: "SFHSCJ", name: "绥芬河市市场监督管理局" };
let home: Record<"staff" | "section_head" | "leader" | "admin", ActingUser>;
let other: Record<"staff" | "section_head" | "leader" | "admin", ActingUser>;
let supervisor: ActingUser;

const idNumber = `23010319900101123${computeIdNumberCheckCharacter("23010319900101123")}`;
let sequence = 0;
const clientKey = () => `transfer-client-${++sequence}`;
const application = (overrides: Record<string, unknown> = {}) => ({
  applicantType: "natural_person",
  name: "张小三",
  idType: "resident_id",
  idNumber,
  phone: "13812345678",
  email: "zhang@example.com",
  description: "2026 年全市中小学校舍安全检查结果",
  deliveryMethod: "email",
  ...overrides,
});
const fieldError = (field: string) => (error: unknown) => error instanceof ValidationError && (error.fields[field]?.length ?? 0) > 0;
const transfer = (overrides: Record<string, unknown> = {}) => ({
  agencyCode: education.code,
  date: todayInBeijing(),
  reason: "所申请信息由教育局制作并保存。",
  ...overrides,
});

before(async () => {
  database = await useMigratedTestDatabase();
  await seedBaseData();
  homeAgencyId = await defaultAgencyId();
  await createAgency(null, {
    code: "SFHZF",
    name: "绥芬河市人民政府",
    shortName: "市政府",
    kind: "government",
    address: "绥芬河市",
    postcode: "157300",
    email: "zf@example.gov.cn",
  });
  const common = { kind: "department", address: "绥芬河市", postcode: "157300", parentCode: "SFHZF" } as const;
  education.id = (
    await createAgency(null, {
      ...common,
      code: education.code,
      name: education.name,
      shortName: "市教育局",
      address: "绥芬河市教育街1号",
      email: "jyj@example.gov.cn",
      phone: "0453-3920000",
      disclosureOffice: "办公室",
    })
  ).id;
  // An agency without anybody to handle applications: it does not accept them.
  market.id = (await createAgency(null, { ...common, code: market.code, name: market.name, shortName: "市市场监管局", email: "scj@example.gov.cn" })).id;

  const homeOffice = await insertSection("综合科");
  const otherOffice = await insertSection("办公室", education.id);
  home = {
    staff: await insertUser("staff", { sectionId: homeOffice }),
    section_head: await insertUser("section_head", { sectionId: homeOffice }),
    leader: await insertUser("leader", { sectionId: homeOffice }),
    admin: await insertUser("admin", { sectionId: homeOffice }),
  };
  other = {
    staff: await insertUser("staff", { sectionId: otherOffice }),
    section_head: await insertUser("section_head", { sectionId: otherOffice }),
    leader: await insertUser("leader", { sectionId: otherOffice }),
    admin: await insertUser("admin", { sectionId: otherOffice }),
  };
  supervisor = await insertUser("supervisor", { sectionId: await insertSection("政务公开办") });
  await updateHandlingSection(home.admin, { handlingSectionId: homeOffice });
});
after(async () => {
  pinClock();
  await database.drop();
});

describe("转送: an open application goes to another agency of the platform", () => {
  let moved: SubmittedApplication;

  test("received on a Monday by the default agency, transferred two weeks later: the receiving agency's clock starts on the transfer day", async () => {
    pinClock("2026-11-16T09:00:00+08:00");
    moved = await submitApplication(application(), { clientKey: clientKey() });
    assert.equal(moved.receivedOn, "2026-11-16");
    pinClock(TEST_START);
    const today = todayInBeijing();
    assert.equal(today, "2026-12-02");
    const result = await transferApplication(home.staff, moved.id, transfer());
    assert.equal(result.agencyCode, education.code);
    const calendar = await loadWorkingDayCalendar();
    const fresh = computeApplicationClock({ calendar, receiptMethod: "in_person", submittedOn: today, steps: [], today });
    assert.equal(result.receivedOn, today);
    assert.equal(result.dueOn, fresh.dueOn);
    assert.notEqual(result.dueOn, moved.dueOn);
    const row = await db.application.findUniqueOrThrow({ where: { id: moved.id }, include: { steps: true } });
    assert.equal(row.agencyId, education.id);
    const step = row.steps.find((each) => each.type === "transfer")!;
    assert.deepEqual([step.fromAgencyId, step.toAgencyId, step.actorId], [homeAgencyId, education.id, home.staff.id]);
    const detail = await findConsoleApplication(other.staff, moved.id);
    assert.equal(detail.clock.dueOn, fresh.dueOn);
    assert.ok(detail.clock.explanation.some((line) => line.includes("转送")));
  });

  test("the sending agency no longer reaches it (404) but keeps its audit row; the receiving agency sees the history with the transfer", async () => {
    await assert.rejects(findConsoleApplication(home.staff, moved.id), NotFoundError);
    await assert.rejects(findConsoleApplication(home.leader, moved.id), NotFoundError);
    await assert.rejects(recordStep(home.staff, moved.id, { type: "third_party_consultation", date: todayInBeijing(), thirdParty: "某公司" }), NotFoundError);
    assert.ok(!(await listApplications(home.staff, { view: "all", pageSize: 500 })).items.some((item) => item.id === moved.id));
    const audit = await listAuditEvents(home.admin, { action: "application.transfer" });
    assert.ok(audit.events.some((event) => event.entityId === String(moved.id)));

    const detail = await findConsoleApplication(other.staff, moved.id);
    assert.equal(detail.agency.code, education.code);
    assert.equal(detail.isHandler, true);
    const entry = detail.timeline.find((each) => each.kind === "transfer")!;
    assert.match(entry.detail ?? "", new RegExp(`→ ${education.name}`));
    assert.equal(entry.note, "所申请信息由教育局制作并保存。");
    assert.ok((await listApplications(other.staff, { view: "open" })).items.some((item) => item.id === moved.id));
    // Its handling section is told, as of a new application.
    const told = await db.notificationEvent.findMany({ where: { recordType: "application", recordId: String(moved.id), kind: "application_assigned" } });
    assert.ok(told.some((event) => event.recipientIds.includes(other.staff.id)));
    // And it handles it.
    await recordStep(other.staff, moved.id, { type: "third_party_consultation", date: todayInBeijing(), thirdParty: "某学校" });
  });

  test("the applicant's status page names the agency holding it and the transfer with its day", async () => {
    const status = await lookUpApplication({ number: moved.number, code: moved.lookupCode }, clientKey());
    assert.equal(status.agencyName, education.name);
    assert.deepEqual(status.transferred, { on: "2026-12-02", agencyName: education.name });
    assert.equal(status.timeline[0].date, "2026-11-16");
    assert.ok(status.timeline.some((event) => event.kind === "transfer" && event.label === `已转至${education.name}办理`));
  });

  test("the report figures count it in the agency holding it at the end", async () => {
    const year = 2026;
    const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, value) => sum + value, 0);
    const atEducation = await countApplicationsForReport(year, { agencyId: education.id });
    const atHome = await countApplicationsForReport(year, { agencyId: homeAgencyId });
    const ids = await db.application.findMany({ where: { agencyId: education.id }, select: { id: true } });
    assert.ok(ids.some((row) => row.id === moved.id));
    assert.equal(total(atEducation.newThisYear), ids.length);
    assert.equal(total(atHome.newThisYear), await db.application.count({ where: { agencyId: homeAgencyId } }));
  });

  test("a transfer recorded on a rest day counts from the next working day (injected clock)", async () => {
    pinClock("2026-12-04T10:00:00+08:00"); // Friday
    try {
      const submitted = await submitApplication(application({ name: "李四" }), { clientKey: clientKey() });
      pinClock("2026-12-05T10:00:00+08:00"); // Saturday
      const result = await transferApplication(home.staff, submitted.id, transfer({ date: "2026-12-05" }));
      assert.equal(result.receivedOn, "2026-12-07");
    } finally {
      pinClock(TEST_START);
    }
  });
});

describe("转送 is refused", () => {
  let open: SubmittedApplication;
  before(async () => {
    open = await submitApplication(application({ name: "王五" }), { clientKey: clientKey() });
  });
  const unchanged = async () => {
    const row = await db.application.findUniqueOrThrow({ where: { id: open.id }, include: { steps: true } });
    assert.equal(row.agencyId, homeAgencyId);
    assert.equal(row.steps.length, 0);
  };

  test("to the same, an unknown or a non-accepting agency, without a reason, on a bad day: field errors, nothing changes", async () => {
    const home_ = await db.agency.findUniqueOrThrow({ where: { id: homeAgencyId } });
    await assert.rejects(transferApplication(home.staff, open.id, transfer({ agencyCode: home_.code })), fieldError("agencyCode"));
    await assert.rejects(transferApplication(home.staff, open.id, transfer({ agencyCode: "NO-SUCH" })), fieldError("agencyCode"));
    await assert.rejects(transferApplication(home.staff, open.id, transfer({ agencyCode: market.code })), fieldError("agencyCode"));
    await assert.rejects(transferApplication(home.staff, open.id, transfer({ agencyCode: "" })), fieldError("agencyCode"));
    await assert.rejects(transferApplication(home.staff, open.id, transfer({ reason: " " })), fieldError("reason"));
    await assert.rejects(transferApplication(home.staff, open.id, transfer({ date: "2026-12-03" })), fieldError("date"));
    await assert.rejects(transferApplication(home.staff, open.id, transfer({ date: "2026-11-01" })), fieldError("date"));
    await unchanged();
    assert.deepEqual((await listAgenciesAcceptingApplications()).map((agency) => agency.code).sort(), [home_.code, education.code].sort());
  });

  test("by anyone but the handling section: 403 within the agency, 404 from another agency; nothing changes", async () => {
    await assert.rejects(transferApplication(home.leader, open.id, transfer()), ForbiddenError);
    await assert.rejects(transferApplication(home.admin, open.id, transfer()), ForbiddenError);
    await assert.rejects(transferApplication(supervisor, open.id, transfer()), ForbiddenError);
    await assert.rejects(transferApplication(other.staff, open.id, transfer()), NotFoundError);
    await assert.rejects(transferApplication(other.section_head, open.id, transfer({ agencyCode: education.code })), NotFoundError);
    await assert.rejects(transferApplication(home.staff, 2_000_000_000, transfer()), NotFoundError);
    await unchanged();
  });

  test("once decided, or while paused: a conflict", async () => {
    const paused = await submitApplication(application({ name: "赵六" }), { clientKey: clientKey() });
    await recordStep(home.staff, paused.id, { type: "correction_request", date: todayInBeijing(), note: "请写明年份" });
    await assert.rejects(transferApplication(home.staff, paused.id, transfer()), ConflictError);
    await recordDecision(home.staff, open.id, { outcome: "disclose", decidedOn: todayInBeijing() });
    await assert.rejects(transferApplication(home.staff, open.id, transfer()), ConflictError);
    assert.equal((await db.application.findUniqueOrThrow({ where: { id: open.id } })).agencyId, homeAgencyId);
  });
});

describe("本机关不掌握 naming an agency of the platform (Art. 36(5))", () => {
  test("the reply letter names that agency and its contact from its record; the audit row names its code", async () => {
    const submitted = await submitApplication(application({ name: "钱七" }), { clientKey: clientKey() });
    await recordDecision(home.staff, submitted.id, {
      outcome: "unable_not_held",
      decidedOn: todayInBeijing(),
      note: "校舍安全检查由教育部门组织实施。",
      otherAgencyCode: "sfhjyj",
    });
    const reply = await db.applicationReply.findUniqueOrThrow({ where: { applicationId: submitted.id } });
    assert.match(
      reply.body,
      new RegExp(
        `负责公开该政府信息的行政机关为${education.name}，联系方式：政府信息公开工作机构：办公室，地址：绥芬河市教育街1号（邮编 157300），电话：0453-3920000`,
      ),
    );
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "application.decide", entityId: String(submitted.id) } });
    assert.equal((audit.details as { otherAgencyCode?: string }).otherAgencyCode, education.code);
  });

  test("an unknown code, the agency itself, both a code and free text, or a code on another outcome: field errors", async () => {
    const submitted = await submitApplication(application({ name: "孙八" }), { clientKey: clientKey() });
    const decide = (fields: Record<string, unknown>) =>
      recordDecision(home.staff, submitted.id, { outcome: "unable_not_held", decidedOn: todayInBeijing(), note: "理由", ...fields });
    const ownCode = (await db.agency.findUniqueOrThrow({ where: { id: homeAgencyId } })).code;
    await assert.rejects(decide({ otherAgencyCode: "NO-SUCH" }), fieldError("otherAgencyCode"));
    await assert.rejects(decide({ otherAgencyCode: ownCode }), fieldError("otherAgencyCode"));
    await assert.rejects(decide({ otherAgencyCode: education.code, otherAgency: "某局" }), fieldError("otherAgencyCode"));
    await assert.rejects(decide({ otherAgencyCode: education.code, outcome: "disclose" }), fieldError("otherAgencyCode"));
    await assert.rejects(decide({ otherAgencyCode: education.code, note: "" }), fieldError("note"));
    assert.equal(await db.applicationReply.count({ where: { applicationId: submitted.id } }), 0);
    // The free text stays for an agency outside the platform.
    await decide({ otherAgency: "牡丹江市教育局", otherAgencyContact: "0453-6000000" });
    assert.match((await db.applicationReply.findUniqueOrThrow({ where: { applicationId: submitted.id } })).body, /牡丹江市教育局，联系方式：0453-6000000/);
  });
});

describe("POST /api/v1/admin/applications/{id}/transfer", () => {
  type Answer = { status: number; body: Record<string, unknown> & { error?: { code: string; fields?: Record<string, string[]> } } };
  const tokens = new Map<number, string>();
  async function tokenOf(user: ActingUser): Promise<string> {
    if (!tokens.has(user.id)) tokens.set(user.id, (await createApiToken(user, { name: "transfer", scope: "read_write", lifetimeDays: 30 })).token);
    return tokens.get(user.id)!;
  }
  /** The route handler as a client calls it, with the user's personal token (none: anonymous). */
  async function post(user: ActingUser | null, id: number | string, body: unknown): Promise<Answer> {
    // Imported here, after the token-only session is installed (a static import would load Auth.js first).
    const { POST } = await import("@/app/api/v1/admin/applications/[id]/transfer/route");
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (user) headers.authorization = `Bearer ${await tokenOf(user)}`;
    const request = new Request(`http://gongkai.test/api/v1/admin/applications/${id}/transfer`, { method: "POST", headers, body: JSON.stringify(body) });
    const response = await POST(request, { params: Promise.resolve({ id: String(id) }) });
    return { status: response.status, body: (await response.json()) as Answer["body"] };
  }
  const reason = "所申请信息由教育局制作并保存。";
  let open: SubmittedApplication;
  before(async () => {
    pinClock(TEST_START);
    open = await submitApplication(application({ name: "周九" }), { clientKey: clientKey() });
  });

  test("refuses without a token (401), without the permission (403), another agency's or an unknown application (404), bad input (422 by field)", async () => {
    assert.equal((await post(null, open.id, { agencyCode: education.code, reason })).status, 401);
    const leader = await post(home.leader, open.id, { agencyCode: education.code, reason });
    assert.deepEqual([leader.status, leader.body.error?.code], [403, "forbidden"]);
    assert.equal((await post(home.admin, open.id, { agencyCode: education.code, reason })).status, 403);
    const elsewhere = await post(other.staff, open.id, { agencyCode: education.code, reason });
    assert.deepEqual([elsewhere.status, elsewhere.body.error?.code], [404, "not_found"]);
    assert.equal((await post(home.staff, 2_000_000_000, { agencyCode: education.code, reason })).status, 404);
    assert.equal((await post(home.staff, "abc", { agencyCode: education.code, reason })).status, 404);
    const bad = await post(home.staff, open.id, { agencyCode: "NO-SUCH", reason: " " });
    assert.equal(bad.status, 422);
    assert.deepEqual(Object.keys(bad.body.error?.fields ?? {}).sort(), ["reason"]);
    const unknown = await post(home.staff, open.id, { agencyCode: "NO-SUCH", reason });
    assert.deepEqual([unknown.status, Object.keys(unknown.body.error?.fields ?? {})], [422, ["agencyCode"]]);
    const notAccepting = await post(home.staff, open.id, { agencyCode: market.code, reason });
    assert.deepEqual([notAccepting.status, Object.keys(notAccepting.body.error?.fields ?? {})], [422, ["agencyCode"]]);
    const tomorrow = await post(home.staff, open.id, { agencyCode: education.code, reason, date: "2026-12-03" });
    assert.deepEqual([tomorrow.status, Object.keys(tomorrow.body.error?.fields ?? {})], [422, ["date"]]);
    const row = await db.application.findUniqueOrThrow({ where: { id: open.id }, include: { steps: true } });
    assert.deepEqual([row.agencyId, row.steps.length], [homeAgencyId, 0]);
  });

  test("transfers as the console's form does (today when no day is given): 200 with the application at the receiving agency", async () => {
    const answer = await post(home.staff, open.id, { agencyCode: "sfhjyj", reason });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const calendar = await loadWorkingDayCalendar();
    const fresh = computeApplicationClock({ calendar, receiptMethod: "in_person", submittedOn: "2026-12-02", steps: [], today: "2026-12-02" });
    assert.deepEqual(
      { ...answer.body, explanation: undefined },
      {
        id: open.id,
        number: open.number,
        status: "processing",
        dueOn: fresh.dueOn,
        provisional: false,
        overdue: false,
        explanation: undefined,
        agencyCode: education.code,
        agencyName: education.name,
        receivedOn: "2026-12-02",
      },
    );
    // The application is the receiving agency's now: the sender's next call is a 404, the receiver handles it.
    assert.equal((await post(home.staff, open.id, { agencyCode: education.code, reason })).status, 404);
    const detail = await findConsoleApplication(other.staff, open.id);
    assert.equal(detail.agency.code, education.code);
    assert.equal(detail.timeline.find((entry) => entry.kind === "transfer")?.note, reason);
    // Back again is the receiving agency's to decide; once it has decided, a conflict.
    await recordDecision(other.staff, open.id, { outcome: "disclose", decidedOn: todayInBeijing() });
    const homeCode = (await db.agency.findUniqueOrThrow({ where: { id: homeAgencyId } })).code;
    const decided = await post(other.staff, open.id, { agencyCode: homeCode, reason });
    assert.deepEqual([decided.status, decided.body.error?.code], [409, "invalid_state"]);
  });
});

describe("the reply letter follows the agency's templates", () => {
  const letterOf = async (applicationId: number) => (await db.applicationReply.findUniqueOrThrow({ where: { applicationId } })).body;
  after(async () => {
    await resetReplyTemplate(home.admin, "disclose");
    await resetReplyTemplate(other.admin, "disclose");
  });

  test("drafted from the template of the agency the application belongs to when decided: after a transfer, the receiving agency's; else the platform's", async () => {
    pinClock(TEST_START);
    await saveReplyTemplate(home.admin, "disclose", {
      title: "政府信息公开申请答复书",
      legalBasis: "条例第三十六条第（二）项",
      body: "{{申请人}}：\n平台模板：{{机关名称}}予以公开。",
    });
    await saveReplyTemplate(other.admin, "disclose", {
      title: "政府信息公开申请答复书",
      legalBasis: "条例第三十六条第（二）项",
      body: "{{申请人}}：\n教育局模板：{{机关名称}}予以公开。",
    });
    const stays = await submitApplication(application({ name: "吴十" }), { clientKey: clientKey() });
    const moves = await submitApplication(application({ name: "郑十一" }), { clientKey: clientKey() });
    await transferApplication(home.staff, moves.id, transfer());
    await recordDecision(home.staff, stays.id, { outcome: "disclose", decidedOn: todayInBeijing() });
    await recordDecision(other.staff, moves.id, { outcome: "disclose", decidedOn: todayInBeijing() });
    const homeName = (await db.agency.findUniqueOrThrow({ where: { id: homeAgencyId } })).name;
    assert.match(await letterOf(stays.id), new RegExp(`平台模板：${homeName}予以公开`));
    assert.match(await letterOf(moves.id), new RegExp(`教育局模板：${education.name}予以公开`));

    // Without its own, the receiving agency's letters come from the platform's template.
    await resetReplyTemplate(other.admin, "disclose");
    const later = await submitApplication(application({ name: "王十二" }), { clientKey: clientKey() });
    await transferApplication(home.staff, later.id, transfer());
    await recordDecision(other.staff, later.id, { outcome: "disclose", decidedOn: todayInBeijing() });
    assert.match(await letterOf(later.id), new RegExp(`平台模板：${education.name}予以公开`));
  });
});
