import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import JSZip from "jszip";
import { countAppealsForReport, listAppealCases, recordAppeal, recordProactiveAppeal, updateAppealResult } from "@/lib/applications/appeals";
import { findConsoleApplication, listApplications } from "@/lib/applications/console-applications";
import { closeLapsedApplications, recordDecision, recordStep } from "@/lib/applications/handle-application";
import { findApplicationRules, updateHandlingSection } from "@/lib/applications/handling-section";
import { findIssuedReplyForApplicant, lookupLimits, lookUpApplication } from "@/lib/applications/public-status";
import { countApplicationsForReport, sumFeesForYear } from "@/lib/applications/report-figures";
import { registerOfflineApplication, submitApplication } from "@/lib/applications/submit-application";
import { exportAuditEventsCsv, listAuditEvents } from "@/lib/audit/query-audit-events";
import type { ActingUser } from "@/lib/auth/acting-user";
import { beijingDayOf, todayInBeijing } from "@/lib/dates";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, TooManyRequestsError, ValidationError } from "@/lib/errors";
import { computeIdNumberCheckCharacter } from "@/lib/identifiers";
import { findReplyLetterForStaff } from "@/lib/reply-letters/find-reply-letter";
import { updateReplyDraft } from "@/lib/reply-letters/manage-replies";
import { resetReplyTemplate, saveReplyTemplate } from "@/lib/reply-letters/manage-templates";
import { buildReplyDocx } from "@/lib/reply-letters/reply-document";
import { transitionReply } from "@/lib/reply-letters/reply-letter-review";
import { seedBaseData } from "@/prisma/seed/seed-base";
import { defaultAgencyId, insertSection, insertUser } from "../support/fixtures";
import { useMigratedTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
let staff: ActingUser;
let head: ActingUser;
let otherStaff: ActingUser;
let otherHead: ActingUser;
let leader: ActingUser;
let admin: ActingUser;

const idNumber = `23010319900101123${computeIdNumberCheckCharacter("23010319900101123")}`;
let sequence = 0;
const clientKey = () => `test-client-${++sequence}`;

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

before(async () => {
  database = await useMigratedTestDatabase();
  await seedBaseData();
  const office = await insertSection("综合科");
  const elsewhere = await insertSection("市容环境管理科");
  staff = await insertUser("staff", { sectionId: office });
  head = await insertUser("section_head", { sectionId: office });
  otherStaff = await insertUser("staff", { sectionId: elsewhere });
  otherHead = await insertUser("section_head", { sectionId: elsewhere });
  leader = await insertUser("leader");
  admin = await insertUser("admin", { sectionId: office });
  await updateHandlingSection(admin, { handlingSectionId: office });
});
after(async () => {
  await database.drop();
});

describe("public submission", () => {
  test("returns a number and a lookup code; the code is not stored, only its hash", async () => {
    const submitted = await submitApplication(application(), { clientKey: clientKey() });
    assert.match(submitted.number, /^YSQ-\d{4}-\d{4}$/);
    assert.match(submitted.lookupCode, /^[2-9A-HJKMNP-Z]{10}$/);
    assert.ok(submitted.dueOn > submitted.receivedOn);
    const row = await db.application.findUniqueOrThrow({ where: { number: submitted.number } });
    assert.equal(row.source, "online");
    assert.equal(row.receiptMethod, "online");
    assert.ok(!JSON.stringify(row).includes(submitted.lookupCode));
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "Application", entityId: String(row.id), action: "application.submit" } });
    assert.ok(!JSON.stringify(audit.details).includes(idNumber), "no personal data in the audit log");
  });

  test("submitting the same form twice, one after the other or at once, makes one application with the same code", async () => {
    const before = await db.application.count();
    const first = await submitApplication(application({ idempotencyKey: "form-key-0001" }), { clientKey: clientKey() });
    const again = await submitApplication(application({ idempotencyKey: "form-key-0001" }), { clientKey: clientKey() });
    assert.deepEqual(again, first);
    const atOnce = await Promise.all(
      Array.from({ length: 4 }, () => submitApplication(application({ idempotencyKey: "form-key-0002" }), { clientKey: clientKey() })),
    );
    assert.equal(new Set(atOnce.map((result) => result.number)).size, 1);
    assert.equal(new Set(atOnce.map((result) => result.lookupCode)).size, 1);
    assert.equal(await db.application.count(), before + 2);
  });

  test("the same key with different content is a conflict; without a key every submission is new", async () => {
    await submitApplication(application({ idempotencyKey: "form-key-0003" }), { clientKey: clientKey() });
    await assert.rejects(
      submitApplication(application({ idempotencyKey: "form-key-0003", description: "别的信息" }), { clientKey: clientKey() }),
      ConflictError,
    );
    const a = await submitApplication(application(), { clientKey: clientKey() });
    const b = await submitApplication(application(), { clientKey: clientKey() });
    assert.notEqual(a.number, b.number);
  });

  test("invalid input is refused field by field and stores nothing", async () => {
    const before = await db.application.count();
    await assert.rejects(
      submitApplication(application({ idNumber: "230103199001011230", phone: "", description: "" }), { clientKey: clientKey() }),
      (error: unknown) => {
        assert.ok(error instanceof ValidationError);
        assert.ok(error.fields.idNumber && error.fields.phone && error.fields.description, JSON.stringify(error.fields));
        return true;
      },
    );
    assert.equal(await db.application.count(), before);
  });

  test("submissions are rate-limited per client", async () => {
    const key = clientKey();
    for (let index = 0; index < 20; index++) await submitApplication(application(), { clientKey: key });
    await assert.rejects(submitApplication(application(), { clientKey: key }), TooManyRequestsError);
  });
});

describe("status lookup", () => {
  test("number and code show the status; a wrong code is the same not-found as an unknown number", async () => {
    const submitted = await submitApplication(application(), { clientKey: clientKey() });
    const status = await lookUpApplication({ number: submitted.number, code: submitted.lookupCode.toLowerCase() }, clientKey());
    assert.equal(status.status, "processing");
    assert.equal(status.dueOn, submitted.dueOn);
    assert.deepEqual(
      status.timeline.map((event) => event.kind),
      ["received"],
    );
    const wrongCode = await lookUpApplication({ number: submitted.number, code: "2222222222" }, clientKey()).catch((error: unknown) => error);
    const unknown = await lookUpApplication({ number: "YSQ-1999-0001", code: submitted.lookupCode }, clientKey()).catch((error: unknown) => error);
    assert.ok(wrongCode instanceof NotFoundError && unknown instanceof NotFoundError);
    assert.equal(wrongCode.message, unknown.message);
  });

  test("lookups are rate-limited per client: every lookup, and more tightly wrong codes", async () => {
    const key = clientKey();
    for (let index = 0; index < 30; index++) await lookUpApplication({ number: `YSQ-1999-${1000 + index}`, code: "2222222222" }, key).catch(() => undefined);
    await assert.rejects(lookUpApplication({ number: "YSQ-1999-0999", code: "2222222222" }, key), TooManyRequestsError);
    const submitted = await submitApplication(application(), { clientKey: clientKey() });
    const guesser = clientKey();
    for (let index = 0; index < lookupLimits.failuresPerClient.limit; index++) {
      await assert.rejects(lookUpApplication({ number: submitted.number, code: "2222222222" }, guesser), NotFoundError);
    }
    // Locked out now, even with the right code: the guesser cannot tell a hit from the lock.
    await assert.rejects(lookUpApplication({ number: submitted.number, code: submitted.lookupCode }, guesser), TooManyRequestsError);
    const honest = clientKey();
    for (let index = 0; index < lookupLimits.failuresPerClient.limit + 5; index++)
      await lookUpApplication({ number: submitted.number, code: submitted.lookupCode }, honest);
  });

  test("wrong codes against an application number never lock the real applicant out", async () => {
    const submitted = await submitApplication(application(), { clientKey: clientKey() });
    // Numbers are sequential: anyone can aim wrong codes at the next one, from as many clients as they like.
    for (let attacker = 0; attacker < 5; attacker++) {
      const key = clientKey();
      for (let index = 0; index < 12; index++) await lookUpApplication({ number: submitted.number, code: "2222222222" }, key).catch(() => undefined);
    }
    const status = await lookUpApplication({ number: submitted.number, code: submitted.lookupCode }, clientKey());
    assert.equal(status.number, submitted.number);
  });
});

describe("who sees the applicant", () => {
  let id: number;
  before(async () => {
    id = (await submitApplication(application({ name: "李小四" }), { clientKey: clientKey() })).id;
  });

  test("lists mask the applicant for everyone", async () => {
    for (const actor of [staff, leader, otherStaff, admin]) {
      const list = await listApplications(actor, { view: "open" });
      const row = list.items.find((item) => item.id === id)!;
      assert.equal(row.applicant, "李*四");
    }
  });

  test("the handling section and leaders see the details in full; other sections and the administrator masked", async () => {
    for (const actor of [staff, head, leader]) {
      const detail = await findConsoleApplication(actor, id);
      assert.equal(detail.applicant.masked, false);
      assert.equal(detail.applicant.idNumber, idNumber);
      assert.equal(detail.applicant.description, "2017 年城区户外广告设施设置规划全文");
    }
    for (const actor of [otherStaff, otherHead, admin]) {
      const detail = await findConsoleApplication(actor, id);
      assert.equal(detail.applicant.masked, true);
      assert.equal(detail.applicant.name, "李*四");
      assert.equal(detail.applicant.idNumber, `${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`);
      assert.equal(detail.applicant.phone, "138****5678");
      assert.equal(detail.applicant.description, null);
    }
  });

  test("only the handling section handles; only its head extends (Art. 33); only the administrator edits templates", async () => {
    const today = todayInBeijing();
    await assert.rejects(recordStep(otherStaff, id, { type: "third_party_consultation", date: today, thirdParty: "某公司" }), ForbiddenError);
    await assert.rejects(recordStep(leader, id, { type: "third_party_consultation", date: today, thirdParty: "某公司" }), ForbiddenError);
    await assert.rejects(recordStep(staff, id, { type: "extension", date: today, days: 10, note: "情况复杂" }), ForbiddenError);
    await assert.rejects(recordDecision(admin, id, { outcome: "disclose", decidedOn: today }), ForbiddenError);
    await assert.rejects(registerOfflineApplication(otherStaff, { ...application(), receiptMethod: "letter", receivedOn: today }), ForbiddenError);
    await assert.rejects(saveReplyTemplate(staff, "disclose", { title: "x", legalBasis: "x", body: "x" }), ForbiddenError);
    await assert.rejects(findReplyLetterForStaff(admin, id), ForbiddenError);
    // Art. 33: 经政府信息公开工作机构负责人同意 — the handling section's head by default, not a leader.
    await assert.rejects(recordStep(leader, id, { type: "extension", date: today, days: 10, note: "需要调取档案" }), ForbiddenError);
    await assert.rejects(recordStep(otherHead, id, { type: "extension", date: today, days: 10, note: "需要调取档案" }), ForbiddenError);
    const extended = await recordStep(head, id, { type: "extension", date: today, days: 10, note: "需要调取档案" });
    assert.ok(extended.dueOn);
  });

  test("Art. 33: the role that approves extensions is a setting; set to leaders, the section head may no longer", async () => {
    const office = staff.sectionId;
    const registered = await registerOfflineApplication(staff, { ...application(), receiptMethod: "letter", receivedOn: todayInBeijing() });
    await updateHandlingSection(admin, { handlingSectionId: office, extensionApproverRole: "leader" });
    try {
      await assert.rejects(recordStep(head, registered.id, { type: "extension", date: todayInBeijing(), days: 5, note: "需要调取档案" }), ForbiddenError);
      assert.equal((await findConsoleApplication(leader, registered.id)).canExtend, true);
      await recordStep(leader, registered.id, { type: "extension", date: todayInBeijing(), days: 5, note: "需要调取档案" });
    } finally {
      await updateHandlingSection(admin, { handlingSectionId: office, extensionApproverRole: "section_head" });
    }
    assert.equal((await findConsoleApplication(head, registered.id)).canExtend, true);
    assert.equal((await findConsoleApplication(leader, registered.id)).canExtend, false);
  });
});

describe("handling an application through to the reply", () => {
  test("offline registration, decision from the template, review, issue, delivery; the applicant reads the reply", async () => {
    // 2026-10-03 is in the National Day holiday: the count starts on 2026-10-08.
    const registered = await registerOfflineApplication(staff, { ...application({ name: "王五" }), receiptMethod: "in_person", receivedOn: "2026-10-03" });
    assert.equal(registered.receivedOn, "2026-10-08");
    await saveReplyTemplate(admin, "disclose", {
      title: "政府信息公开申请答复书",
      legalBasis: "《中华人民共和国政府信息公开条例》第三十六条第（二）项",
      body: "{{申请人}}：\n经审查，您申请的“{{申请内容}}”予以公开。依据：{{法律依据}}。\n{{说明}}",
    });
    const decided = await recordDecision(staff, registered.id, { outcome: "disclose", decidedOn: "2026-10-20", note: "信息见附件。" });
    assert.equal(decided.status, "decided");
    let reply = await db.applicationReply.findUniqueOrThrow({ where: { applicationId: registered.id } });
    assert.equal(reply.state, "draft");
    assert.match(
      reply.body,
      // A saved template without the 救济 sentence gets it as the last paragraph (Art. 51: every letter states it).
      /^王五：\n经审查，您申请的“2017 年城区户外广告设施设置规划全文”予以公开。依据：《中华人民共和国政府信息公开条例》第三十六条第（二）项。\n信息见附件。\n如对本答复不服，可以自收到本答复书之日起六十日内.*提起行政诉讼。$/,
    );

    await updateReplyDraft(staff, registered.id, { title: reply.title, body: `${reply.body}\n特此告知。` });
    await transitionReply(staff, registered.id, { action: "submit" });
    // The section head of another section cannot review; the author cannot skip to the leader.
    await assert.rejects(transitionReply(otherHead, registered.id, { action: "approve" }), ForbiddenError);
    await assert.rejects(transitionReply(leader, registered.id, { action: "approve" }), ForbiddenError);
    await assert.rejects(transitionReply(staff, registered.id, { action: "submit" }), ConflictError);
    await assert.rejects(transitionReply(head, registered.id, { action: "return" }), ValidationError);
    await transitionReply(head, registered.id, { action: "approve" });
    // Under review, the decision can no longer change.
    await assert.rejects(recordDecision(staff, registered.id, { outcome: "partial", decidedOn: "2026-10-21" }), ConflictError);
    const issued = await transitionReply(leader, registered.id, { action: "approve" });
    assert.equal(issued.state, "published");
    assert.equal(issued.issuedOn, todayInBeijing());

    const detail = await findConsoleApplication(staff, registered.id);
    assert.equal(detail.status, "closed");
    assert.equal(detail.closedOn, todayInBeijing());
    assert.deepEqual(detail.stepTypes, ["delivery"]);
    await recordStep(staff, registered.id, { type: "delivery", date: todayInBeijing(), deliveryMethod: "email" });
    await assert.rejects(recordStep(staff, registered.id, { type: "delivery", date: todayInBeijing() }), ValidationError);

    const status = await lookUpApplication({ number: registered.number, code: registered.lookupCode }, clientKey());
    assert.equal(status.status, "closed");
    assert.equal(status.reply?.outcome, "disclose");
    assert.deepEqual(
      status.timeline.map((event) => event.kind),
      ["received", "decision", "reply_issued", "delivery"],
    );
    const letter = await findIssuedReplyForApplicant({ number: registered.number, code: registered.lookupCode }, clientKey());
    assert.match(letter.body, /特此告知。$/);
    const zip = await JSZip.loadAsync(await buildReplyDocx(letter));
    const xml = await zip.file("word/document.xml")!.async("string");
    assert.ok(xml.includes("王五：") && xml.includes(registered.number) && xml.includes("特此告知。"));

    reply = await db.applicationReply.findUniqueOrThrow({ where: { applicationId: registered.id } });
    const events = await db.auditEvent.findMany({ where: { entityType: "ApplicationReply", entityId: String(reply.id) }, orderBy: { id: "asc" } });
    assert.deepEqual(events.map((event) => event.toState).filter(Boolean), ["section_review", "leader_review", "published"]);
    await resetReplyTemplate(admin, "disclose");
  });

  test("Art. 36(5), Art. 51: the letter names the responsible agency and its contact, and the settings' reconsideration organ and court", async () => {
    const office = staff.sectionId;
    await assert.rejects(updateHandlingSection(staff, { handlingSectionId: office, reconsiderationOrgan: "某机关" }), ForbiddenError);
    await updateHandlingSection(admin, { handlingSectionId: office, reconsiderationOrgan: "绥芬河市人民政府", litigationCourt: "绥芬河市人民法院" });
    const registered = await registerOfflineApplication(staff, { ...application(), receiptMethod: "letter", receivedOn: "2026-11-23" });
    await assert.rejects(
      recordDecision(staff, registered.id, { outcome: "unable_not_held", decidedOn: todayInBeijing(), otherAgency: "绥芬河市自然资源局" }),
      (error: unknown) => error instanceof ValidationError && Boolean(error.fields.note),
    );
    await recordDecision(staff, registered.id, {
      outcome: "unable_not_held",
      decidedOn: todayInBeijing(),
      note: "该规划许可由自然资源部门作出并保存。",
      otherAgency: "绥芬河市自然资源局",
      otherAgencyContact: "0453-3921000",
    });
    const reply = await db.applicationReply.findUniqueOrThrow({ where: { applicationId: registered.id } });
    assert.match(reply.body, /负责公开该政府信息的行政机关为绥芬河市自然资源局，联系方式：0453-3921000/);
    assert.match(reply.body, /六十日内向绥芬河市人民政府申请行政复议.*六个月内向绥芬河市人民法院提起行政诉讼/);
    // Only what was sent changes: a form without the new fields keeps them.
    await updateHandlingSection(admin, { handlingSectionId: office });
    const settings = await db.applicationSettings.findUniqueOrThrow({ where: { agencyId: await defaultAgencyId() } });
    assert.deepEqual([settings.reconsiderationOrgan, settings.litigationCourt], ["绥芬河市人民政府", "绥芬河市人民法院"]);
  });

  test("Art. 31 (agency setting): whether a rest-day receipt is deferred (顺延) is the agency's choice; a later change moves no existing deadline", async () => {
    const office = staff.sectionId;
    // Sunday 2026-11-22.
    const deferred = await registerOfflineApplication(staff, { ...application(), receiptMethod: "letter", receivedOn: "2026-11-22" });
    assert.equal(deferred.receivedOn, "2026-11-23");
    await updateHandlingSection(admin, { handlingSectionId: office, deferRestDayReceipt: "false" });
    try {
      assert.equal((await findApplicationRules()).deferRestDayReceipt, false);
      const sameDay = await registerOfflineApplication(staff, { ...application(), receiptMethod: "letter", receivedOn: "2026-11-22" });
      assert.equal(sameDay.receivedOn, "2026-11-22");
      assert.equal(sameDay.dueOn, "2026-12-18");
      assert.equal((await findConsoleApplication(staff, deferred.id)).clock.dueOn, "2026-12-21");
      await updateHandlingSection(admin, { handlingSectionId: office, deferRestDayReceipt: "true" });
      assert.equal((await findConsoleApplication(staff, sameDay.id)).clock.dueOn, "2026-12-18");
    } finally {
      await updateHandlingSection(admin, { handlingSectionId: office, deferRestDayReceipt: "true" });
    }
  });

  test("a fee notice shows its computation, stops the clock, and payments are summed for the year", async () => {
    const registered = await registerOfflineApplication(staff, { ...application(), receiptMethod: "letter", receivedOn: "2026-09-01" });
    const paused = await recordStep(staff, registered.id, { type: "fee_notice", date: "2026-09-08", method: "by_volume", quantity: 101 });
    assert.equal(paused.status, "awaiting_fee");
    const fee = await db.applicationFee.findUniqueOrThrow({ where: { applicationId: registered.id } });
    assert.equal(fee.amountYuan, 720);
    const step = await db.applicationStep.findFirstOrThrow({ where: { applicationId: registered.id, type: "fee_notice" } });
    assert.match(step.note!, /共 101 页，应收 720 元/);
    await assert.rejects(recordStep(staff, registered.id, { type: "fee_notice", date: "2026-09-09", method: "by_count", quantity: 12 }), ValidationError);
    const before = await sumFeesForYear(2026);
    const resumed = await recordStep(staff, registered.id, { type: "fee_paid", date: "2026-09-10" });
    assert.equal(resumed.status, "processing");
    assert.equal(await sumFeesForYear(2026), before + 720);
  });

  test("109号: a posted fee notice is never closed while its receipt is unknown; entered, 20 working days run from the day after receipt", async () => {
    const posted = await registerOfflineApplication(staff, { ...application(), receiptMethod: "letter", receivedOn: "2026-09-01" });
    const paused = await recordStep(staff, posted.id, {
      type: "fee_notice",
      date: "2026-09-08",
      method: "by_volume",
      quantity: 40,
      noticeDeliveryMethod: "post",
    });
    assert.equal(paused.status, "awaiting_fee");
    assert.equal((await db.applicationFee.findUniqueOrThrow({ where: { applicationId: posted.id } })).payBy, null);
    // Counted from the day sent, payment would have been due in October and the application closed.
    assert.ok(!(await closeLapsedApplications()).includes(posted.number));
    const flagged = await findConsoleApplication(staff, posted.id);
    assert.equal(flagged.clock.noticesAwaitingReceipt.length, 1);
    assert.ok(flagged.stepTypes.includes("notice_received"));
    const listed = (await listApplications(staff, { view: "all", pageSize: 100 })).items.find((item) => item.id === posted.id)!;
    assert.equal(listed.needsReceiptDate, true);
    const noticeStepId = flagged.clock.noticesAwaitingReceipt[0].stepId!;
    await assert.rejects(recordStep(staff, posted.id, { type: "notice_received", date: "2026-09-07", noticeStepId }), ValidationError);
    await recordStep(staff, posted.id, { type: "notice_received", date: "2026-11-05", noticeStepId });
    const fee = await db.applicationFee.findUniqueOrThrow({ where: { applicationId: posted.id } });
    assert.equal(beijingDayOf(fee.payBy!), "2026-12-03");
    assert.ok(!(await closeLapsedApplications()).includes(posted.number));
    assert.equal((await recordStep(staff, posted.id, { type: "fee_paid", date: todayInBeijing() })).status, "processing");

    // Handed over in person: presumed received that day, so an unpaid notice still lapses.
    const handed = await registerOfflineApplication(staff, { ...application(), receiptMethod: "letter", receivedOn: "2026-09-01" });
    await recordStep(staff, handed.id, { type: "fee_notice", date: "2026-09-08", method: "by_volume", quantity: 40, noticeDeliveryMethod: "in_person" });
    assert.ok((await closeLapsedApplications()).includes(handed.number));
  });

  test("Art. 32, Art. 34: several third parties and agencies are consulted at once; each reply ends its own consultation", async () => {
    const registered = await registerOfflineApplication(staff, { ...application(), receiptMethod: "letter", receivedOn: "2026-11-23" });
    await recordStep(staff, registered.id, { type: "third_party_consultation", date: "2026-11-24", thirdParty: "某公司", noticeDeliveryMethod: "email" });
    await recordStep(staff, registered.id, { type: "third_party_consultation", date: "2026-11-24", thirdParty: "另一公司", noticeDeliveryMethod: "post" });
    const waiting = await recordStep(staff, registered.id, {
      type: "agency_consultation",
      date: "2026-11-25",
      agency: "市自然资源局",
      noticeDeliveryMethod: "system",
    });
    assert.equal(waiting.status, "awaiting_third_party");
    const detail = await findConsoleApplication(staff, registered.id);
    assert.equal(detail.clock.consultations.length, 3);
    assert.deepEqual(
      detail.clock.noticesAwaitingReceipt.map((notice) => notice.kind),
      ["third_party"],
    );
    const agencyStep = detail.clock.consultations.find((each) => each.kind === "agency")!.stepId!;
    await recordStep(staff, registered.id, { type: "agency_reply", date: "2026-11-30", consultationStepId: agencyStep });
    await assert.rejects(recordStep(staff, registered.id, { type: "agency_reply", date: "2026-11-30" }), ValidationError);
    const after = await findConsoleApplication(staff, registered.id);
    assert.equal(after.clock.consultations.filter((each) => !each.endedOn).length, 2);
  });

  test("an application whose completion deadline passed is closed as 逾期不补正 with a draft notice", async () => {
    const registered = await registerOfflineApplication(staff, { ...application(), receiptMethod: "fax", receivedOn: "2026-09-01" });
    await recordStep(staff, registered.id, { type: "correction_request", date: "2026-09-03", respondBy: "2026-09-17", note: "请写明所需信息的文号。" });
    await assert.rejects(recordDecision(staff, registered.id, { outcome: "disclose", decidedOn: todayInBeijing() }), ValidationError);
    const closed = await closeLapsedApplications();
    assert.ok(closed.includes(registered.number));
    const row = await db.application.findUniqueOrThrow({ where: { id: registered.id }, include: { reply: true } });
    assert.equal(row.outcome, "other_no_correction");
    assert.equal(row.status, "decided");
    assert.equal(row.reply?.state, "draft");
    assert.match(row.reply!.body, /逾期未补正/);
    assert.deepEqual(await closeLapsedApplications(), []);
  });
});

describe("figures for the annual report", () => {
  test("Table 3 counts new, decided and carried-out applications by applicant column; Table 4 the appeals", async () => {
    const year = Number(todayInBeijing().slice(0, 4));
    const before = await countApplicationsForReport(year);
    const organisation = await registerOfflineApplication(staff, {
      applicantType: "organisation",
      organisationKind: "research",
      name: "某研究院",
      creditCode: "91350100M000100Y43",
      legalRepresentative: "赵六",
      contactName: "钱七",
      phone: "0453-1234567",
      description: "城市管理统计数据",
      deliveryMethod: "pickup",
      receiptMethod: "registered_post",
      receivedOn: `${year}-09-01`,
    });
    await recordDecision(staff, organisation.id, { outcome: "unable_not_held", decidedOn: `${year}-09-10` });
    const after = await countApplicationsForReport(year);
    assert.equal(after.newThisYear.research, before.newThisYear.research + 1);
    assert.equal(after.outcomes.unable_not_held.research, before.outcomes.unable_not_held.research + 1);
    for (const column of after.columns) {
      assert.equal(after.newThisYear[column] + after.carriedIn[column], after.decidedTotal[column] + after.carriedOut[column], column);
    }
    const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, value) => sum + value, 0);
    assert.equal(total(after.carriedOut), await db.application.count({ where: { decidedOn: null } }));

    const appeal = await recordAppeal(leader, organisation.id, {
      kind: "reconsideration",
      filedOn: `${year}-10-01`,
      body: "绥芬河市人民政府",
      result: "pending",
    });
    await recordAppeal(staff, organisation.id, {
      kind: "litigation",
      filedOn: `${year}-10-15`,
      body: "绥芬河市人民法院",
      afterReconsideration: true,
      result: "pending",
    });
    await assert.rejects(recordAppeal(otherStaff, organisation.id, { kind: "reconsideration", filedOn: `${year}-10-01`, body: "x" }), ForbiddenError);
    await assert.rejects(updateAppealResult(staff, "reconsideration", appeal.id, { result: "upheld" }), ValidationError);
    await updateAppealResult(staff, "reconsideration", appeal.id, { result: "upheld", resultOn: `${year}-11-01` });
    assert.deepEqual(await countAppealsForReport(year), [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]);
  });

  test("Table 4 counts a case about proactive disclosure recorded without an application; its subject is required", async () => {
    const year = Number(todayInBeijing().slice(0, 4));
    const before = await countAppealsForReport(year);
    const input = { kind: "litigation", filedOn: `${year}-10-20`, body: "绥芬河市人民法院", result: "pending" };
    await assert.rejects(recordProactiveAppeal(staff, input), (error: unknown) => error instanceof ValidationError && "subject" in error.fields);
    await assert.rejects(recordProactiveAppeal(otherStaff, { ...input, subject: "《行政处罚案件信息公开》" }), ForbiddenError);
    const recorded = await recordProactiveAppeal(staff, { ...input, subject: "《行政处罚案件信息公开》未公开处罚依据" });
    const after = await countAppealsForReport(year);
    // 行政诉讼 未经复议直接起诉: 尚未审结 (index 8) and 总计 (index 9) each one more.
    assert.deepEqual(
      after.map((value, index) => value - before[index]),
      [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0],
    );
    const { cases } = await listAppealCases(otherStaff);
    const listed = cases.find((record) => record.kind === "litigation" && record.id === recorded.id);
    assert.deepEqual([listed?.application, listed?.subject, listed?.note], [null, "《行政处罚案件信息公开》未公开处罚依据", null]);
    assert.ok(
      cases.some((record) => record.application !== null),
      "the cases about applications are listed too",
    );
  });
});

describe("free text about an application follows the same rule as the applicant data", () => {
  const notes = {
    correction: "请张小三补充身份证复印件，联系电话13812345678。",
    thirdPartyReply: "李大明回复：不同意公开其住址。",
    decision: "已与张小三电话核实申请内容。",
    returned: "请核对张小三的送达地址：光明街 8 号。",
    appeal: "申请人张小三委托代理人王律师。",
  };
  const thirdParty = "李大明";
  const secrets = [...Object.values(notes), thirdParty, "13812345678"];
  let id: number;

  before(async () => {
    const today = todayInBeijing();
    await saveReplyTemplate(admin, "disclose", {
      title: "关于{{申请人}}申请的答复书",
      legalBasis: "《中华人民共和国政府信息公开条例》第三十六条第（二）项",
      body: "{{申请人}}：\n予以公开。\n{{说明}}",
    });
    id = (await registerOfflineApplication(staff, { ...application(), receiptMethod: "in_person", receivedOn: today })).id;
    await recordStep(staff, id, { type: "correction_request", date: today, note: notes.correction });
    await recordStep(staff, id, { type: "correction_received", date: today });
    await recordStep(staff, id, { type: "third_party_consultation", date: today, thirdParty });
    await recordStep(staff, id, { type: "third_party_reply", date: today, note: notes.thirdPartyReply });
    await recordDecision(staff, id, { outcome: "disclose", decidedOn: today, note: notes.decision });
    await transitionReply(staff, id, { action: "submit" });
    await transitionReply(head, id, { action: "return", comment: notes.returned });
    await recordAppeal(leader, id, { kind: "reconsideration", filedOn: today, body: "绥芬河市人民政府", result: "pending", note: notes.appeal });
    await resetReplyTemplate(admin, "disclose");
  });

  test("step notes, the third party's name, decision notes, reviewers' comments and appeal notes: in full for the handling section and leaders", async () => {
    for (const actor of [staff, head, leader]) {
      const detail = JSON.stringify(await findConsoleApplication(actor, id));
      for (const secret of secrets) assert.ok(detail.includes(secret), `${actor.role} sees ${secret}`);
    }
  });

  test("other sections and the administrator see that there is a note, not what it says; the third party masked", async () => {
    for (const actor of [otherStaff, otherHead, admin]) {
      const detail = await findConsoleApplication(actor, id);
      const everything = JSON.stringify(detail);
      for (const secret of secrets) assert.ok(!everything.includes(secret), `${actor.role} must not see ${secret}: ${everything}`);
      const consultation = detail.timeline.find((entry) => entry.kind === "third_party_consultation")!;
      assert.equal(consultation.detail, "李*明");
      const correction = detail.timeline.find((entry) => entry.kind === "correction_request")!;
      assert.deepEqual([correction.note, correction.noteHidden], [null, true]);
      assert.ok(detail.timeline.some((entry) => entry.kind === "application.reply.return" && entry.noteHidden));
      assert.deepEqual([detail.reconsiderations[0].note, detail.reconsiderations[0].noteHidden], [null, true]);
      assert.equal(detail.reply?.title, "关于张*三申请的答复书", "the applicant's name in a letter title is masked like everywhere else");
    }
  });

  test("the audit log records references, not the notes; comments of older rows are hidden from other sections, in the page and the CSV export", async () => {
    const rows = await db.auditEvent.findMany({ where: { OR: [{ entityType: "Application", entityId: String(id) }] } });
    assert.ok(rows.length >= 5);
    for (const row of rows) {
      const recorded = JSON.stringify([row.comment, row.details]);
      for (const secret of secrets) assert.ok(!recorded.includes(secret), `${row.action} copies ${secret}: ${recorded}`);
    }
    const decision = rows.find((row) => row.action === "application.decide")!;
    const decisionStep = await db.applicationStep.findFirstOrThrow({ where: { applicationId: id, type: "decision" } });
    assert.equal((decision.details as { stepId: number }).stepId, decisionStep.id, "the audit row refers to the step that holds the note");

    // Audit rows carry the database's time, not the tests' pinned clock.
    const returned = await db.auditEvent.findFirstOrThrow({ where: { action: "application.reply.return" }, orderBy: { id: "desc" } });
    const from = beijingDayOf(returned.occurredAt);
    const seenBy = async (actor: ActingUser) => JSON.stringify((await listAuditEvents(actor, { from, to: from, entityType: "ApplicationReply" })).events);
    assert.ok((await seenBy(leader)).includes(notes.returned), "leaders see the reviewer's comment");
    assert.ok((await seenBy(head)).includes(notes.returned), "so does the handling section's head");
    const otherHeadView = await seenBy(otherHead);
    assert.ok(!otherHeadView.includes(notes.returned) && otherHeadView.includes("只有办理科室的工作人员和领导可以查看"), otherHeadView);
    const csv = await exportAuditEventsCsv(admin, { from, to: from });
    for (const secret of secrets) assert.ok(!csv.includes(secret), `the administrator's CSV export holds ${secret}`);
    assert.ok((await exportAuditEventsCsv(leader, { from, to: from })).includes(notes.returned));
  });
});
