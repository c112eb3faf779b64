import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import pg from "pg";
import { createAgency } from "@/lib/agency/manage-agencies";
import { listAppealCases, recordAppeal, recordProactiveAppeal, updateAppealResult } from "@/lib/applications/appeals";
import { findConsoleApplication, listApplications, listDueCalendar } from "@/lib/applications/console-applications";
import { closeLapsedApplications, recordDecision, recordStep } from "@/lib/applications/handle-application";
import { findApplicationRules, findHandlingSection, updateHandlingSection } from "@/lib/applications/handling-section";
import { findIssuedReplyForApplicant, lookUpApplication } from "@/lib/applications/public-status";
import { countApplicationsForReport } from "@/lib/applications/report-figures";
import { registerOfflineApplication, submitApplication, type SubmittedApplication } from "@/lib/applications/submit-application";
import type { ActingUser } from "@/lib/auth/acting-user";
import type { Role } from "@/lib/auth/roles";
import { applyMigrations } from "@/lib/database/migrate";
import { isoDateToDateColumn, todayInBeijing } from "@/lib/dates";
import { db } from "@/lib/db";
import { addCalendarDays } from "@/lib/deadlines/iso-date";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { computeIdNumberCheckCharacter } from "@/lib/identifiers";
import { findReplyLetterForStaff } from "@/lib/reply-letters/find-reply-letter";
import { updateReplyDraft } from "@/lib/reply-letters/manage-replies";
import {
  findReplyTemplateForEditing,
  findReplyTemplateScope,
  listReplyTemplates,
  resetReplyTemplate,
  saveReplyTemplate,
} from "@/lib/reply-letters/manage-templates";
import { transitionReply } from "@/lib/reply-letters/reply-letter-review";
import { seedBaseData } from "@/prisma/seed/seed-base";
import { defaultAgencyId, insertSection, insertUser } from "../support/fixtures";
import { applyMigrationsBefore, createEmptyDatabase, migrationsDir, useMigratedTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * Isolation of agencies (集约化, issue 15) in the applications domain (依申请公开): an application
 * belongs to the agency it was made to, and with it its steps, fee, reply letter, reconsiderations
 * and lawsuits. Nobody of another agency reads or writes them (404, never 403), lists show the
 * actor's agency only, platform roles reach every agency (the supervisor only reads, masked).
 */

const consoleRoles = ["staff", "section_head", "leader", "admin"] as const satisfies readonly Role[];
type ConsoleRole = (typeof consoleRoles)[number];

let database: TestDatabase;
let homeAgencyId: number;
let otherAgency: { id: number; code: string; name: string };
let homeOffice: number;
let otherOffice: number;
const home = {} as Record<ConsoleRole, ActingUser>;
const other = {} as Record<ConsoleRole, ActingUser>;
let supervisor: ActingUser;

/** The default agency's application with everything that hangs off it: steps, fee, a draft reply letter, a reconsideration, a lawsuit. */
let homeApplication: SubmittedApplication;
let homeReconsiderationId: number;
let homeLitigationId: number;
let proactiveReconsiderationId: number;
/** The other agency's application (made to it by `agencyCode`). */
let otherApplication: SubmittedApplication;

const idNumber = `23010319900101123${computeIdNumberCheckCharacter("23010319900101123")}`;
let sequence = 0;
const clientKey = () => `isolation-client-${++sequence}`;
const application = (overrides: Record<string, unknown> = {}) => ({
  applicantType: "natural_person",
  name: "张小三",
  idType: "resident_id",
  idNumber,
  phone: "13812345678",
  email: "zhang@example.com",
  address: "绥芬河市光明街 8 号",
  description: "2017 年城区户外广告设施设置规划全文",
  deliveryMethod: "email",
  ...overrides,
});

const fieldError = (field: string) => (error: unknown) => error instanceof ValidationError && (error.fields[field]?.length ?? 0) > 0;

/** What a write could have changed on the default agency's application: unchanged after every refused write. */
async function homeApplicationState() {
  const row = await db.application.findUniqueOrThrow({
    where: { id: homeApplication.id },
    include: { steps: { select: { id: true } }, reply: { select: { version: true, state: true, title: true } }, fee: true },
  });
  const [reconsideration, litigation] = await Promise.all([
    db.reconsideration.findUniqueOrThrow({ where: { id: homeReconsiderationId } }),
    db.litigation.findUniqueOrThrow({ where: { id: homeLitigationId } }),
  ]);
  return {
    version: row.version,
    status: row.status,
    outcome: row.outcome,
    steps: row.steps.length,
    reply: row.reply,
    fee: row.fee?.paidOn ?? null,
    reconsideration: [reconsideration.result, reconsideration.note],
    litigation: [litigation.result, litigation.note],
  };
}

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
  const created = await createAgency(null, {
    parentCode: "SFHZF",
    code: "SFHJYJ",
    name: "绥芬河市教育局",
    shortName: "市教育局",
    kind: "department",
    address: "绥芬河市教育街1号",
    postcode: "157300",
    email: "jyj@example.gov.cn",
    disclosureOffice: "办公室",
  });
  otherAgency = { id: created.id, code: created.code, name: created.name };

  homeOffice = await insertSection("综合科");
  // The other agency's office sorts first: it must still never be taken for the default agency's handling section.
  otherOffice = (await db.section.create({ data: { name: "办公室", agencyId: otherAgency.id, sortOrder: -100 } })).id;
  for (const role of consoleRoles) {
    home[role] = await insertUser(role, { sectionId: homeOffice });
    other[role] = await insertUser(role, { sectionId: otherOffice });
  }
  supervisor = await insertUser("supervisor", { sectionId: await insertSection("政务公开办") });
  await updateHandlingSection(home.admin, { handlingSectionId: homeOffice });

  homeApplication = await submitApplication(application(), { clientKey: clientKey() });
  const today = todayInBeijing();
  await recordStep(home.staff, homeApplication.id, { type: "fee_notice", date: today, method: "by_volume", quantity: 120, noticeDeliveryMethod: "in_person" });
  await recordStep(home.staff, homeApplication.id, { type: "fee_paid", date: today });
  await recordDecision(home.staff, homeApplication.id, { outcome: "disclose", decidedOn: today });
  homeReconsiderationId = (
    await recordAppeal(home.leader, homeApplication.id, { kind: "reconsideration", filedOn: today, body: "绥芬河市人民政府", result: "pending" })
  ).id;
  homeLitigationId = (await recordAppeal(home.leader, homeApplication.id, { kind: "litigation", filedOn: today, body: "绥芬河市人民法院", result: "pending" }))
    .id;
  proactiveReconsiderationId = (
    await recordProactiveAppeal(home.leader, {
      kind: "reconsideration",
      subject: "《2026年行政处罚案件信息公开》",
      filedOn: today,
      body: "绥芬河市人民政府",
      result: "pending",
    })
  ).id;

  otherApplication = await submitApplication(application({ name: "李四", agencyCode: "sfhjyj" }), { clientKey: clientKey() });
});
after(async () => {
  await database.drop();
});

describe("the public submission names the agency it is made to", () => {
  test("agencyCode stores that agency; without it, the default agency; the status lookup works for both", async () => {
    assert.equal((await db.application.findUniqueOrThrow({ where: { id: otherApplication.id } })).agencyId, otherAgency.id);
    assert.equal((await db.application.findUniqueOrThrow({ where: { id: homeApplication.id } })).agencyId, homeAgencyId);
    const status = await lookUpApplication({ number: otherApplication.number, code: otherApplication.lookupCode }, clientKey());
    assert.equal(status.number, otherApplication.number);
    assert.equal(status.status, "processing");
  });

  test("an unknown agency code is a field error on agencyCode, and nothing is stored", async () => {
    const before = await db.application.count();
    await assert.rejects(submitApplication(application({ agencyCode: "NO-SUCH-AGENCY" }), { clientKey: clientKey() }), fieldError("agencyCode"));
    assert.equal(await db.application.count(), before);
  });

  test("the same idempotency key sent to another agency is a conflict, never the first agency's number and code", async () => {
    const first = await submitApplication(application({ idempotencyKey: "isolation-key-0001" }), { clientKey: clientKey() });
    assert.deepEqual(await submitApplication(application({ idempotencyKey: "isolation-key-0001" }), { clientKey: clientKey() }), first);
    await assert.rejects(
      submitApplication(application({ idempotencyKey: "isolation-key-0001", agencyCode: otherAgency.code }), { clientKey: clientKey() }),
      ConflictError,
    );
  });

  test("a new application is told to the handling section of the agency it is made to, never to another agency's", async () => {
    const toldFor = async (id: number) =>
      (await db.notificationEvent.findMany({ where: { recordType: "application", recordId: String(id), kind: "application_assigned" } })).flatMap(
        (event) => event.recipientIds,
      );
    assert.ok((await toldFor(homeApplication.id)).includes(home.staff.id));
    assert.ok(!(await toldFor(homeApplication.id)).includes(other.staff.id));
    assert.ok((await toldFor(otherApplication.id)).includes(other.staff.id));
    assert.ok(!(await toldFor(otherApplication.id)).includes(home.staff.id));
  });
});

describe("another agency's console roles do not reach the default agency's application (404) nor see it in lists", () => {
  for (const role of consoleRoles) {
    test(`${role} of another agency: every read by id and every write is 404, and nothing changes`, async () => {
      const actor = other[role];
      const id = homeApplication.id;
      const today = todayInBeijing();
      const stateBefore = await homeApplicationState();
      await assert.rejects(findConsoleApplication(actor, id), NotFoundError);
      await assert.rejects(findReplyLetterForStaff(actor, id), NotFoundError);
      await assert.rejects(recordStep(actor, id, { type: "third_party_consultation", date: today, thirdParty: "某公司" }), NotFoundError);
      await assert.rejects(recordStep(actor, id, { type: "extension", date: today, days: 10, note: "需要调取档案" }), NotFoundError);
      await assert.rejects(recordDecision(actor, id, { outcome: "not_held", decidedOn: today }), NotFoundError);
      await assert.rejects(updateReplyDraft(actor, id, { title: "篡改的答复书", body: "篡改。" }), NotFoundError);
      for (const action of ["submit", "approve", "return"]) {
        await assert.rejects(transitionReply(actor, id, { action, comment: "退回" }), NotFoundError);
      }
      await assert.rejects(recordAppeal(actor, id, { kind: "reconsideration", filedOn: today, body: "某机关", result: "pending" }), NotFoundError);
      await assert.rejects(updateAppealResult(actor, "reconsideration", homeReconsiderationId, { result: "upheld", resultOn: today }), NotFoundError);
      await assert.rejects(updateAppealResult(actor, "litigation", homeLitigationId, { result: "upheld", resultOn: today }), NotFoundError);
      await assert.rejects(updateAppealResult(actor, "reconsideration", proactiveReconsiderationId, { result: "upheld", resultOn: today }), NotFoundError);
      assert.deepEqual(await homeApplicationState(), stateBefore);
    });

    test(`${role} of another agency: lists, the due calendar and the cases show its own agency's only`, async () => {
      const actor = other[role];
      for (const view of ["open", "all", "closed", "due_soon", "overdue", "paused"] as const) {
        const ids = (await listApplications(actor, { view, pageSize: 500 })).items.map((item) => item.id);
        assert.ok(!ids.includes(homeApplication.id), view);
      }
      const all = await listApplications(actor, { view: "all", pageSize: 500 });
      assert.deepEqual(
        all.items.map((item) => item.id),
        [otherApplication.id],
      );
      assert.equal(all.total, 1);
      assert.equal(all.handlingSection?.id, otherOffice, "the other agency's own handling section");
      const calendar = await listDueCalendar(actor, todayInBeijing().slice(0, 7));
      const listed = calendar.weeks.flat().flatMap((day) => day.entries.map((entry) => entry.id));
      assert.ok(!listed.includes(homeApplication.id));
      const { cases } = await listAppealCases(actor);
      assert.deepEqual(cases, [], "neither the default agency's cases about applications nor those about proactive disclosure");
    });
  }

  test("the same roles of the default agency still read and write it (the refusals above are about the agency)", async () => {
    const today = todayInBeijing();
    for (const role of consoleRoles) {
      const detail = await findConsoleApplication(home[role], homeApplication.id);
      assert.equal(detail.number, homeApplication.number);
      const ids = (await listApplications(home[role], { view: "all", pageSize: 500 })).items.map((item) => item.id);
      assert.ok(ids.includes(homeApplication.id) && !ids.includes(otherApplication.id), role);
      const { cases } = await listAppealCases(home[role]);
      assert.deepEqual(cases.map((entry) => `${entry.kind}:${entry.id}`).sort(), [
        `litigation:${homeLitigationId}`,
        `reconsideration:${homeReconsiderationId}`,
        `reconsideration:${proactiveReconsiderationId}`,
      ]);
      await assert.rejects(findConsoleApplication(home[role], otherApplication.id), NotFoundError);
    }
    assert.equal((await findReplyLetterForStaff(home.staff, homeApplication.id)).number, homeApplication.number);
    await updateReplyDraft(home.staff, homeApplication.id, { title: "政府信息公开申请答复书", body: "申请人：\n予以公开。" });
    await updateAppealResult(home.section_head, "reconsideration", homeReconsiderationId, { result: "upheld", resultOn: today });
    await updateAppealResult(home.leader, "litigation", homeLitigationId, { result: "pending" });
    const submitted = await transitionReply(home.staff, homeApplication.id, { action: "submit" });
    assert.equal(submitted.state, "section_review");
    assert.equal((await transitionReply(home.section_head, homeApplication.id, { action: "return", comment: "请补充依据" })).state, "draft");
    // A new application registered in the console takes the actor's agency.
    const registered = await registerOfflineApplication(home.staff, { ...application(), receiptMethod: "letter", receivedOn: today });
    assert.equal((await db.application.findUniqueOrThrow({ where: { id: registered.id } })).agencyId, homeAgencyId);
    await recordStep(home.section_head, registered.id, { type: "extension", date: today, days: 10, note: "需要调取档案" });
    await recordStep(home.staff, registered.id, { type: "third_party_consultation", date: today, thirdParty: "某公司" });
  });
});

describe("each agency has its own application settings and handling section", () => {
  test("another agency's staff and head handle its own applications; they never handle or see the default agency's", async () => {
    const today = todayInBeijing();
    assert.equal((await findHandlingSection())?.id, homeOffice);
    assert.equal((await findHandlingSection(db, otherAgency.id))?.id, otherOffice);
    const registered = await registerOfflineApplication(other.staff, { ...application({ name: "赵六" }), receiptMethod: "letter", receivedOn: today });
    assert.equal((await db.application.findUniqueOrThrow({ where: { id: registered.id } })).agencyId, otherAgency.id);
    await recordStep(other.section_head, registered.id, { type: "extension", date: today, days: 10, note: "需要调取档案" });
    await recordStep(other.staff, registered.id, { type: "third_party_consultation", date: today, thirdParty: "某公司" });
    const detail = await findConsoleApplication(other.staff, registered.id);
    assert.equal(detail.isHandler, true);
    assert.equal(detail.applicant.masked, false);
    assert.equal(detail.handlingSection?.id, otherOffice);
    // The default agency's handlers are not the other agency's: its application is "not found" to them.
    await assert.rejects(findConsoleApplication(home.staff, registered.id), NotFoundError);
    await assert.rejects(recordStep(home.staff, registered.id, { type: "third_party_consultation", date: today, thirdParty: "某公司" }), NotFoundError);
  });

  test("an administrator saves its own agency's settings; a section of another agency is refused as a field error", async () => {
    await assert.rejects(updateHandlingSection(home.admin, { handlingSectionId: otherOffice }), fieldError("handlingSectionId"));
    await assert.rejects(updateHandlingSection(other.admin, { handlingSectionId: homeOffice }), fieldError("handlingSectionId"));
    const saved = await updateHandlingSection(other.admin, {
      handlingSectionId: otherOffice,
      reconsiderationOrgan: "绥芬河市人民政府（教育）",
      deferRestDayReceipt: "false",
    });
    assert.equal(saved.id, otherOffice);
    const rows = await db.applicationSettings.findMany({ orderBy: { agencyId: "asc" } });
    assert.deepEqual(
      rows.map((row) => [row.agencyId, row.handlingSectionId]),
      [
        [homeAgencyId, homeOffice],
        [otherAgency.id, otherOffice],
      ].sort((a, b) => a[0] - b[0]),
    );
    assert.equal((await findApplicationRules(db, otherAgency.id)).deferRestDayReceipt, false);
    assert.equal((await findApplicationRules(db, otherAgency.id)).reconsiderationOrgan, "绥芬河市人民政府（教育）");
    assert.equal((await findApplicationRules()).deferRestDayReceipt, true);
    // Its rule applies to its own applications only: a Sunday receipt is not deferred there, and is at the default agency.
    const sunday = "2026-11-22";
    const there = await registerOfflineApplication(other.staff, { ...application({ name: "钱七" }), receiptMethod: "letter", receivedOn: sunday });
    const here = await registerOfflineApplication(home.staff, { ...application({ name: "钱七" }), receiptMethod: "letter", receivedOn: sunday });
    assert.deepEqual([there.receivedOn, here.receivedOn], [sunday, "2026-11-23"]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "application.configure", actorId: other.admin.id }, orderBy: { id: "desc" } });
    assert.equal(audit.entityId, String(otherAgency.id));
    await updateHandlingSection(other.admin, { handlingSectionId: otherOffice, reconsiderationOrgan: "", deferRestDayReceipt: "true" });
  });

  test("each agency keeps its own reply templates over the platform's: another agency's administrator neither reads nor changes them", async () => {
    const platformTemplate = { title: "平台答复书", legalBasis: "条例第三十六条", body: "{{申请人}}：\n平台的模板。" };
    const ownTemplate = { title: "教育局答复书", legalBasis: "条例第三十六条", body: "{{申请人}}：\n教育局自己的模板。" };
    const disclose = async (actor: ActingUser) => (await listReplyTemplates(actor)).find((template) => template.outcome === "disclose")!;
    const rows = async () =>
      (await db.replyTemplate.findMany({ orderBy: { agencyId: "asc" } })).map((row) => [row.agencyId === homeAgencyId ? "home" : "other", row.title]);

    // Nothing saved: the built-in template, for both.
    assert.deepEqual([(await disclose(home.admin)).source, (await disclose(other.admin)).source], ["builtIn", "builtIn"]);
    // The default agency's administrator keeps the platform's: the other agency uses it until it saves its own.
    await saveReplyTemplate(home.admin, "disclose", platformTemplate);
    assert.deepEqual(await findReplyTemplateScope(home.admin), {
      keepsPlatformTemplates: true,
      platformAgencyName: (await db.agency.findUniqueOrThrow({ where: { id: homeAgencyId } })).name,
    });
    assert.equal((await findReplyTemplateScope(other.admin)).keepsPlatformTemplates, false);
    const inherited = await disclose(other.admin);
    assert.deepEqual([inherited.source, inherited.edited, inherited.title], ["platform", false, "平台答复书"]);

    // Its own version is its own: the default agency's stays as it was, and sees nothing of it.
    await saveReplyTemplate(other.admin, "disclose", ownTemplate);
    const own = await findReplyTemplateForEditing(other.admin, "disclose");
    assert.deepEqual([own.source, own.edited, own.title], ["agency", true, "教育局答复书"]);
    const platform = await disclose(home.admin);
    assert.deepEqual([platform.source, platform.title], ["agency", "平台答复书"]);
    assert.ok(!(await listReplyTemplates(home.admin)).some((template) => template.body.includes("教育局")));
    assert.deepEqual(await rows(), [
      ["home", "平台答复书"],
      ["other", "教育局答复书"],
    ]);

    // Each agency's reset removes its own version only.
    await resetReplyTemplate(home.admin, "disclose");
    assert.deepEqual(await rows(), [["other", "教育局答复书"]]);
    assert.equal((await disclose(other.admin)).title, "教育局答复书");
    await saveReplyTemplate(home.admin, "disclose", platformTemplate);
    await resetReplyTemplate(other.admin, "disclose");
    assert.deepEqual(await rows(), [["home", "平台答复书"]]);
    assert.deepEqual([(await disclose(other.admin)).source, (await disclose(other.admin)).title], ["platform", "平台答复书"]);

    // Only administrators keep templates, in any agency; the audit rows name the agency.
    await assert.rejects(listReplyTemplates(other.staff), ForbiddenError);
    await assert.rejects(saveReplyTemplate(other.leader, "disclose", ownTemplate), ForbiddenError);
    await assert.rejects(saveReplyTemplate(other.admin, "no-such-outcome", ownTemplate), NotFoundError);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "reply_template.reset", actorId: other.admin.id } });
    assert.deepEqual(audit.details, { agencyId: otherAgency.id });
    await resetReplyTemplate(home.admin, "disclose");
  });

  test("a case about proactive disclosure belongs to the default agency: another agency's leader cannot record one", async () => {
    const before = await db.reconsideration.count();
    await assert.rejects(
      recordProactiveAppeal(other.leader, { kind: "reconsideration", subject: "某主动公开事项", filedOn: todayInBeijing(), body: "某机关", result: "pending" }),
      ForbiddenError,
    );
    assert.equal(await db.reconsideration.count(), before);
  });

  test("another agency's leader records a case about its own application; it is not listed to the default agency", async () => {
    const { id } = await recordAppeal(other.leader, otherApplication.id, { kind: "litigation", filedOn: todayInBeijing(), body: "某法院", result: "pending" });
    assert.deepEqual(
      (await listAppealCases(other.staff)).cases.map((entry) => entry.id),
      [id],
    );
    assert.ok(!(await listAppealCases(home.leader)).cases.some((entry) => entry.kind === "litigation" && entry.id === id));
    await assert.rejects(updateAppealResult(home.leader, "litigation", id, { result: "upheld", resultOn: todayInBeijing() }), NotFoundError);
    await db.litigation.delete({ where: { id } });
  });
});

describe("the supervisor (a platform role) reads every agency's applications, masked, and writes none", () => {
  test("lists and details of both agencies, applicant data masked, no reply letter", async () => {
    const ids = (await listApplications(supervisor, { view: "all", pageSize: 500 })).items.map((item) => item.id);
    assert.ok(ids.includes(homeApplication.id) && ids.includes(otherApplication.id));
    for (const id of [homeApplication.id, otherApplication.id]) {
      const detail = await findConsoleApplication(supervisor, id);
      assert.equal(detail.applicant.masked, true);
      assert.equal(detail.applicant.description, null);
      assert.deepEqual(detail.stepTypes, []);
      await assert.rejects(findReplyLetterForStaff(supervisor, id), ForbiddenError);
    }
    const cases = (await listAppealCases(supervisor)).cases.map((entry) => `${entry.kind}:${entry.id}`);
    assert.ok(cases.includes(`reconsideration:${homeReconsiderationId}`) && cases.includes(`reconsideration:${proactiveReconsiderationId}`));
  });

  test("every write is refused (403) and nothing changes", async () => {
    const today = todayInBeijing();
    const id = homeApplication.id;
    const stateBefore = await homeApplicationState();
    await assert.rejects(registerOfflineApplication(supervisor, { ...application(), receiptMethod: "letter", receivedOn: today }), ForbiddenError);
    await assert.rejects(recordStep(supervisor, id, { type: "third_party_consultation", date: today, thirdParty: "某公司" }), ForbiddenError);
    await assert.rejects(recordStep(supervisor, id, { type: "extension", date: today, days: 10, note: "需要调取档案" }), ForbiddenError);
    await assert.rejects(recordDecision(supervisor, id, { outcome: "not_held", decidedOn: today }), ForbiddenError);
    await assert.rejects(updateReplyDraft(supervisor, id, { title: "篡改的答复书", body: "篡改。" }), ForbiddenError);
    await assert.rejects(transitionReply(supervisor, id, { action: "submit" }), ForbiddenError);
    await assert.rejects(recordAppeal(supervisor, id, { kind: "reconsideration", filedOn: today, body: "某机关", result: "pending" }), ForbiddenError);
    await assert.rejects(updateAppealResult(supervisor, "reconsideration", homeReconsiderationId, { result: "upheld", resultOn: today }), ForbiddenError);
    await assert.rejects(updateHandlingSection(supervisor, { handlingSectionId: homeOffice }), ForbiddenError);
    await assert.rejects(saveReplyTemplate(supervisor, "disclose", { title: "答复书", legalBasis: "条例", body: "正文" }), ForbiddenError);
    assert.deepEqual(await homeApplicationState(), stateBefore);
  });
});

describe("reply letters are issued in the name of the application's agency", () => {
  test("a lapsed application of another agency: the drafted letter, the console's letter and the applicant's download name that agency", async () => {
    // The letter template names the agency ({{机关名称}}), so the drafted text shows whose name it took.
    await saveReplyTemplate(home.admin, "other_no_correction", {
      title: "不予处理告知书",
      legalBasis: "条例第三十条",
      body: "{{申请人}}：\n{{机关名称}}于{{收到日期}}收到你的申请，你逾期未补正，视为放弃申请。",
    });
    const lapsing = await submitApplication(application({ name: "王五", agencyCode: otherAgency.code }), { clientKey: clientKey() });
    const today = todayInBeijing();
    const receivedOn = addCalendarDays(today, -60);
    // Test setup: a correction request in the past, written directly.
    await db.application.update({
      where: { id: lapsing.id },
      data: { submittedOn: isoDateToDateColumn(receivedOn), receivedOn: isoDateToDateColumn(receivedOn), status: "awaiting_correction" },
    });
    await db.applicationStep.create({
      data: {
        applicationId: lapsing.id,
        type: "correction_request",
        date: isoDateToDateColumn(addCalendarDays(receivedOn, 1)),
        respondBy: isoDateToDateColumn(addCalendarDays(receivedOn, 20)),
      },
    });
    assert.ok((await closeLapsedApplications()).includes(lapsing.number));
    const reply = await db.applicationReply.findUniqueOrThrow({ where: { applicationId: lapsing.id } });
    assert.match(reply.body, new RegExp(otherAgency.name));
    assert.doesNotMatch(reply.body, /城市管理/);

    const letter = await findReplyLetterForStaff(other.leader, lapsing.id);
    assert.equal(letter.agencyName, otherAgency.name);
    await assert.rejects(findReplyLetterForStaff(home.leader, lapsing.id), NotFoundError);

    await db.applicationReply.update({ where: { id: reply.id }, data: { state: "published", issuedOn: isoDateToDateColumn(today) } });
    const download = await findIssuedReplyForApplicant({ number: lapsing.number, code: lapsing.lookupCode }, clientKey());
    assert.equal(download.agencyName, otherAgency.name);
    await resetReplyTemplate(home.admin, "other_no_correction");
  });
});

describe("report figures can be counted for one agency", () => {
  test("with agencyId, only that agency's applications count", async () => {
    const year = Number(todayInBeijing().slice(0, 4));
    const otherCount = await db.application.count({ where: { agencyId: otherAgency.id, receivedOn: { gte: isoDateToDateColumn(`${year}-01-01`) } } });
    const figures = await countApplicationsForReport(year, { agencyId: otherAgency.id });
    const everyone = await countApplicationsForReport(year);
    const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, value) => sum + value, 0);
    assert.ok(otherCount > 0);
    assert.equal(total(figures.newThisYear), otherCount);
    assert.ok(total(everyone.newThisYear) > otherCount);
  });
});

describe("the installation's reply templates become the default agency's (migration 20261221100000)", () => {
  test("each saved template keeps its text under the default agency; one per agency and outcome", async () => {
    const database = await createEmptyDatabase();
    const client = new pg.Client({ connectionString: database.url });
    try {
      await applyMigrationsBefore(database.url, "20261221100000");
      await client.connect();
      const agency = (value: string, isDefault: boolean | null) =>
        client.query(
          `INSERT INTO "Agency" ("code", "name", "shortName", "address", "postcode", "email", "isDefault", "updatedAt") VALUES ($1, $1, $1, '', '', '', $2, now()) RETURNING "id"`,
          [value, isDefault],
        );
      const [bureau] = (await agency("SFHCGJ", true)).rows as { id: number }[];
      const [education] = (await agency("SFHJYJ", null)).rows as { id: number }[];
      await client.query(
        `INSERT INTO "ReplyTemplate" ("outcome", "title", "legalBasis", "body", "updatedAt") VALUES ('disclose', '答复书', '条例', '正文', now())`,
      );

      await applyMigrations(database.url, migrationsDir);

      const rows = await client.query(`SELECT "agencyId", "outcome", "title", "body" FROM "ReplyTemplate"`);
      assert.deepEqual(rows.rows, [{ agencyId: bureau.id, outcome: "disclose", title: "答复书", body: "正文" }]);
      const insert = (agencyId: number) =>
        client.query(
          `INSERT INTO "ReplyTemplate" ("agencyId", "outcome", "title", "legalBasis", "body", "updatedAt") VALUES ($1, 'disclose', 't', 'l', 'b', now())`,
          [agencyId],
        );
      await insert(education.id);
      await assert.rejects(insert(education.id), /ReplyTemplate_pkey/);
      await assert.rejects(insert(2_000_000_000), /ReplyTemplate_agencyId_fkey/);
    } finally {
      await client.end().catch(() => undefined);
      await database.drop();
    }
  });
});
