import "../support/use-token-only-session";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import { updateHandlingSection } from "@/lib/applications/handling-section";
import type { ActingUser } from "@/lib/auth/acting-user";
import { createApiToken } from "@/lib/auth/api-tokens";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-calendar";
import { db } from "@/lib/db";
import { computeProactiveDisclosureDeadline } from "@/lib/deadlines/statutory-deadlines";
import { computeDecisionDisclosureDeadline } from "@/lib/decisions/publicity-rules";
import { ForbiddenError, InvalidQueryError } from "@/lib/errors";
import type { ApplicationOutcome, DecisionKind } from "@/lib/generated/prisma/enums";
import { listAssessmentRecords, loadAssessment, type Assessment } from "@/lib/oversight/assessment";
import { buildAssessmentXlsx } from "@/lib/oversight/assessment-xlsx";
import { seedBaseData } from "@/prisma/seed/seed-base";
import { insertSection, insertUser } from "../support/fixtures";
import { useMigratedTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * The assessment dashboard (issue 17) on a seeded October 2026, whose deadlines run across the
 * 中秋 (Fri 25 – Sun 27 Sep) and 国庆节 (Thu 1 – Wed 7 Oct) holidays and the adjusted working days
 * Sun 20 Sep and Sat 10 Oct. The clock stands at TEST_START, Wednesday 2 December 2026 in Beijing,
 * so every October deadline has passed. Expected numbers are worked out by hand below, day by day
 * ("(n)" is the n-th working day counted; the day of the event itself never counts).
 */
let database: TestDatabase;
let office: number;
let enforcement: number;
let staff: ActingUser;
let head: ActingUser;
let leader: ActingUser;
let admin: ActingUser;
let headToken: string;
let staffToken: string;
let sequence = 0;

const at = (day: string) => new Date(`${day}T10:00:00+08:00`);
const dateColumn = (day: string) => new Date(`${day}T00:00:00Z`);

async function item(sectionId: number, formedOn: string, publishedOn: string | null): Promise<number> {
  const number = ++sequence;
  const category = await db.category.findUniqueOrThrow({ where: { slug: "functions" } });
  const created = await db.item.create({
    data: {
      indexNumber: `ASSESS-${number}`,
      state: publishedOn ? "published" : "draft",
      sectionId,
      authorId: staff.id,
      publishedAt: publishedOn ? at(publishedOn) : null,
      lastPublishedAt: publishedOn ? at(publishedOn) : null,
    },
  });
  const revision = await db.itemRevision.create({
    data: {
      itemId: created.id,
      number: 1,
      title: `考核测试信息${number}`,
      body: "<p>正文</p>",
      bodyText: "正文",
      categoryId: category.id,
      formedAt: dateColumn(formedOn),
      createdById: staff.id,
    },
  });
  await db.item.update({ where: { id: created.id }, data: { latestRevisionId: revision.id, publishedRevisionId: publishedOn ? revision.id : null } });
  return created.id;
}

async function decision(
  sectionId: number,
  kind: DecisionKind,
  decidedOn: string,
  dueOn: string,
  publishedOn: string | null,
  options: { simple?: boolean } = {},
): Promise<number> {
  const number = ++sequence;
  const created = await db.administrativeDecision.create({
    data: {
      kind,
      counterpartyName: `考核测试企业${number}`,
      counterpartyCategory: "legal_entity",
      documentNumber: `考核〔2026〕${number}号`,
      decisionDate: dateColumn(decidedOn),
      authorityName: "测试局",
      authorityCreditCode: "11230000000000000X",
      dataSourceName: "测试局",
      disclosureDueOn: dateColumn(dueOn),
      penaltyProcedure: kind === "penalty" ? (options.simple ? "simple" : "ordinary") : null,
      state: publishedOn ? "published" : "draft",
      sectionId,
      authorId: staff.id,
      lastEditorId: staff.id,
      publishedAt: publishedOn ? at(publishedOn) : null,
      publishedOnTime: publishedOn ? publishedOn <= dueOn : null,
    },
  });
  return created.id;
}

async function application(receivedOn: string, answeredOn: string | null, outcome: ApplicationOutcome | null): Promise<number> {
  const number = ++sequence;
  const created = await db.application.create({
    data: {
      number: `ASSESS-${number}`,
      source: "offline",
      status: answeredOn ? "closed" : "processing",
      receiptMethod: "in_person",
      submittedOn: dateColumn(receivedOn),
      receivedOn: dateColumn(receivedOn),
      applicantType: "natural_person",
      name: "张三",
      description: "申请公开的信息",
      outcome,
      decidedOn: answeredOn ? dateColumn(answeredOn) : null,
      closedOn: answeredOn ? dateColumn(answeredOn) : null,
    },
  });
  if (answeredOn) {
    await db.applicationStep.create({ data: { applicationId: created.id, type: "decision", date: dateColumn(answeredOn), outcome } });
    await db.applicationStep.create({ data: { applicationId: created.id, type: "reply_issued", date: dateColumn(answeredOn) } });
  }
  return created.id;
}

async function proposal(
  sectionId: number,
  deadline: string,
  reply: { repliedOn: string | null; satisfaction?: "satisfied" | "basically_satisfied" | "unsatisfied" } | null,
): Promise<number> {
  const number = ++sequence;
  const created = await db.proposal.create({
    data: {
      year: 2026,
      session: "十七届五次",
      number: String(number),
      kind: "suggestion",
      title: `关于考核测试的建议${number}`,
      proposers: ["李四"],
      receivedOn: dateColumn("2026-08-01"),
      leadSectionId: sectionId,
      assignedOn: dateColumn("2026-08-03"),
      deadline: dateColumn(deadline),
      status: reply?.repliedOn ? "replied" : "in_progress",
    },
  });
  if (reply)
    await db.proposalReply.create({
      data: {
        proposalId: created.id,
        round: 1,
        state: reply.repliedOn ? "published" : "draft",
        body: "答复",
        dueOn: dateColumn(deadline),
        authorId: staff.id,
        lastEditedById: staff.id,
        repliedOn: reply.repliedOn ? dateColumn(reply.repliedOn) : null,
        onTime: reply.repliedOn ? reply.repliedOn <= deadline : null,
        satisfaction: reply.satisfaction ?? null,
      },
    });
  return created.id;
}

async function message(
  sectionId: number,
  submittedOn: string,
  answeredOn: string | null,
  status: "answered" | "received" | "rejected" = answeredOn ? "answered" : "received",
) {
  return (
    await db.feedback.create({
      data: {
        topic: `考核测试留言${++sequence}`,
        content: "留言",
        sectionId,
        status,
        submittedAt: at(submittedOn),
        answeredAt: answeredOn ? at(answeredOn) : null,
      },
    })
  ).id;
}

const ids: Record<string, number> = {};

before(async () => {
  database = await useMigratedTestDatabase();
  await seedBaseData();
  office = await insertSection("办公室");
  enforcement = await insertSection("执法科");
  staff = await insertUser("staff", { sectionId: office });
  head = await insertUser("section_head", { sectionId: enforcement });
  leader = await insertUser("leader");
  admin = await insertUser("admin", { sectionId: office });
  await updateHandlingSection(admin, { handlingSectionId: office });
  headToken = (await createApiToken(head, { name: "assessment", scope: "read", lifetimeDays: 30 })).token;
  staffToken = (await createApiToken(staff, { name: "assessment", scope: "read", lifetimeDays: 30 })).token;

  // Items (Art. 26: 20 working days from the 信息形成日期).
  // I1 办公室, formed Tue 8 Sep: 9(1) 10(2) 11(3) 14(4) 15(5) 16(6) 17(7) 18(8) Sun 20 调休(9) 21(10) 22(11) 23(12) 24(13)
  //   [中秋 25–27] 28(14) 29(15) 30(16) [国庆 1–7 Oct] 8(17) 9(18) Sat 10 调休(19) Mon 12(20) → due Mon 12 Oct;
  //   published Fri 9 Oct → on time.
  ids.onTimeItem = await item(office, "2026-09-08", "2026-10-09");
  // I2 执法科, formed Thu 17 Sep: 18(1) Sun 20(2) 21(3) 22(4) 23(5) 24(6) 28(7) 29(8) 30(9) 8 Oct(10) 9(11) Sat 10(12)
  //   12(13) 13(14) 14(15) 15(16) 16(17) 19(18) 20(19) Wed 21(20) → due Wed 21 Oct; published Thu 22 Oct → late.
  ids.lateItem = await item(enforcement, "2026-09-17", "2026-10-22");
  // I3 执法科, the same formation day, never published: due Wed 21 Oct, still open on 2 Dec → late.
  ids.openItem = await item(enforcement, "2026-09-17", null);
  // I4 办公室, formed Mon 16 Nov: 17–20(4) 23–27(9) 30(10) 1 Dec(11) 2(12) … → due Mon 14 Dec, still open on
  //   2 Dec and not yet due → counted nowhere (not in October, not in the year's figures either).
  await item(office, "2026-11-16", null);

  // 双公示 decisions (7 working days from the decision).
  // D1 办公室 licence, decided Mon 28 Sep: 29(1) 30(2) [国庆 1–7] 8(3) 9(4) Sat 10 调休(5) 12(6) Tue 13(7) → due Tue 13 Oct;
  //   published Mon 12 Oct → on time.
  ids.onTimeDecision = await decision(office, "license", "2026-09-28", "2026-10-13", "2026-10-12");
  // D2 办公室 licence, decided Thu 8 Oct: 9(1) Sat 10(2) 12(3) 13(4) 14(5) 15(6) Fri 16(7) → due Fri 16 Oct;
  //   published Mon 19 Oct = 8 working days → late.
  ids.lateDecision = await decision(office, "license", "2026-10-08", "2026-10-16", "2026-10-19");
  // D3 执法科 penalty, decided Mon 19 Oct: 20(1) 21(2) 22(3) 23(4) 26(5) 27(6) Wed 28(7) → due Wed 28 Oct; never published → late.
  ids.openDecision = await decision(enforcement, "penalty", "2026-10-19", "2026-10-28", null);
  // D4 执法科 simple-procedure penalty, never goes online → not counted.
  await decision(enforcement, "penalty", "2026-10-12", "2026-10-21", null, { simple: true });

  // Applications (Art. 33: 20 working days from receipt), handled by 办公室.
  // A1 received in person Tue 15 Sep: 16(1) 17(2) 18(3) Sun 20(4) 21(5) 22(6) 23(7) 24(8) 28(9) 29(10) 30(11) 8 Oct(12)
  //   9(13) Sat 10(14) 12(15) 13(16) 14(17) 15(18) 16(19) Mon 19(20) → due Mon 19 Oct; answered Fri 16 Oct → on time, 予以公开.
  ids.onTimeApplication = await application("2026-09-15", "2026-10-16", "disclose");
  // A2 received Mon 28 Sep: 29(1) 30(2) 8 Oct(3) 9(4) Sat 10(5) 12(6) 13(7) 14(8) 15(9) 16(10) 19(11) 20(12) 21(13)
  //   22(14) 23(15) 26(16) 27(17) 28(18) 29(19) Fri 30(20) → due Fri 30 Oct; answered Mon 2 Nov → late, 本机关不掌握.
  ids.lateApplication = await application("2026-09-28", "2026-11-02", "unable_not_held");

  // Proposals: 办公室's replied Wed 14 Oct, due Thu 15 Oct → on time, 满意; 执法科's due Tue 20 Oct, no reply → late.
  ids.onTimeProposal = await proposal(office, "2026-10-15", { repliedOn: "2026-10-14", satisfaction: "satisfied" });
  ids.lateProposal = await proposal(enforcement, "2026-10-20", null);

  // Visitor messages (the promise: 5 working days, the default).
  // M1 办公室, Wed 30 Sep: [国庆 1–7] 8(1) 9(2) Sat 10(3) 12(4) Tue 13(5) → due Tue 13 Oct; answered Mon 12 Oct → on time.
  ids.onTimeMessage = await message(office, "2026-09-30", "2026-10-12");
  // M2 执法科, Mon 19 Oct: 20(1) 21(2) 22(3) 23(4) Mon 26(5) → due Mon 26 Oct; answered Tue 27 Oct → late.
  ids.lateMessage = await message(enforcement, "2026-10-19", "2026-10-27");
  // M3 rejected (spam): not counted.
  await message(enforcement, "2026-10-19", null, "rejected");

  // Register freshness: 行政许可 and 行政处罚 columns get a 30-day limit (the spot-check's column setting).
  await db.category.updateMany({ where: { slug: { in: ["licensing", "penalties"] } }, data: { staleAfterDays: 30 } });
});
after(async () => {
  await database.drop();
});

function sectionFigures(assessment: Assessment, sectionId: number) {
  return assessment.sections.find((section) => section.sectionId === sectionId)!.figures;
}

describe("assessment figures for October 2026", () => {
  let october: Assessment;
  before(async () => {
    october = await loadAssessment(leader, { year: "2026", month: "10" });
  });

  test("the hand-counted deadlines are the ones lib/deadlines computes (the holidays are in the calendar)", async () => {
    const calendar = await loadWorkingDayCalendar();
    assert.equal(computeProactiveDisclosureDeadline(calendar, "2026-09-08").due, "2026-10-12");
    assert.equal(computeProactiveDisclosureDeadline(calendar, "2026-09-17").due, "2026-10-21");
    assert.equal(computeDecisionDisclosureDeadline(calendar, "2026-09-28").due, "2026-10-13");
    assert.equal(computeDecisionDisclosureDeadline(calendar, "2026-10-08").due, "2026-10-16");
    assert.equal(computeDecisionDisclosureDeadline(calendar, "2026-10-19").due, "2026-10-28");
  });

  test("Art. 26: items published within 20 working days of formation, per section; a draft past its deadline is late", () => {
    assert.deepEqual(sectionFigures(october, office).itemsPublished, { onTime: 1, late: 0 });
    assert.deepEqual(sectionFigures(october, enforcement).itemsPublished, { onTime: 0, late: 2 });
    assert.deepEqual(october.agency.itemsPublished, { onTime: 1, late: 2 });
  });

  test("双公示: decisions online within 7 working days; a simple-procedure penalty is not counted", () => {
    assert.deepEqual(sectionFigures(october, office).decisionsPublished, { onTime: 1, late: 1 });
    assert.deepEqual(sectionFigures(october, enforcement).decisionsPublished, { onTime: 0, late: 1 });
    assert.deepEqual(october.agency.decisionsPublished, { onTime: 1, late: 2 });
  });

  test("Art. 33: applications answered by the due day of their clock, under the handling section, with their outcomes", () => {
    assert.deepEqual(october.agency.applicationsAnswered, { onTime: 1, late: 1, outcomes: { disclose: 1, unable_not_held: 1 } });
    assert.deepEqual(sectionFigures(october, office).applicationsAnswered, { onTime: 1, late: 1, outcomes: { disclose: 1, unable_not_held: 1 } });
    assert.deepEqual(sectionFigures(october, enforcement).applicationsAnswered, { onTime: 0, late: 0, outcomes: {} });
  });

  test("proposal replies by their due day, and the satisfaction recorded", () => {
    assert.deepEqual(october.agency.proposalReplies, { onTime: 1, late: 1, satisfaction: { satisfied: 1, basically_satisfied: 0, unsatisfied: 0 } });
    assert.deepEqual(sectionFigures(october, enforcement).proposalReplies.late, 1);
  });

  test("visitor messages answered within the agency's promise of 5 working days; rejected ones are not counted", () => {
    assert.deepEqual(sectionFigures(october, office).messagesAnswered, { onTime: 1, late: 0 });
    assert.deepEqual(sectionFigures(october, enforcement).messagesAnswered, { onTime: 0, late: 1 });
  });

  test("register freshness on the period's last day: 行政许可 updated 19 Oct is fresh, 行政处罚 never published is stale", () => {
    const registers = october.agency.registerFreshness;
    assert.equal(october.registersJudgedOn, "2026-10-31");
    assert.deepEqual(
      registers.registers.filter((register) => register.stale !== null).map(({ slug, lastUpdatedOn, stale }) => ({ slug, lastUpdatedOn, stale })),
      [
        { slug: "licensing", lastUpdatedOn: "2026-10-19", stale: false },
        { slug: "penalties", lastUpdatedOn: null, stale: true },
      ],
    );
    assert.deepEqual([registers.onTime, registers.late], [1, 1]);
    // A section is judged on the registers it published in: 办公室's licences.
    assert.deepEqual(
      sectionFigures(october, office).registerFreshness.registers.map((register) => register.slug),
      ["licensing"],
    );
  });

  test("records count in the period their deadline falls in: the year holds October's, November holds none of them", async () => {
    const year = await loadAssessment(leader, { year: "2026" });
    assert.deepEqual(year.agency.itemsPublished, { onTime: 1, late: 2 });
    assert.deepEqual(year.trend.find((month) => month.month === 10)!.figures.itemsPublished, { onTime: 1, late: 2 });
    const fourth = await loadAssessment(leader, { year: "2026", quarter: "4" });
    assert.deepEqual(fourth.agency.decisionsPublished, { onTime: 1, late: 2 });
    const november = await loadAssessment(leader, { year: "2026", month: "11" });
    assert.deepEqual(november.agency.itemsPublished, { onTime: 0, late: 0 });
    assert.deepEqual(november.agency.applicationsAnswered, { onTime: 0, late: 0, outcomes: {} });
  });

  test("Art. 49: the 2025 report not published by 31 January 2026 counts late in January, the year and the first quarter", async () => {
    assert.deepEqual((await loadAssessment(admin, { year: "2026", month: "1" })).agency.annualReport, { onTime: 0, late: 1 });
    assert.deepEqual((await loadAssessment(admin, { year: "2026", quarter: "1" })).agency.annualReport, { onTime: 0, late: 1 });
    assert.deepEqual(october.agency.annualReport, { onTime: 0, late: 0 });
  });

  test("the drill-down lists exactly the records a cell counted, each linking to its record", async () => {
    const late = await listAssessmentRecords(head, { year: "2026", month: "10", figure: "itemsPublished", section: String(enforcement), status: "late" });
    assert.deepEqual(
      late.records.map((record) => [record.url, record.dueOn, record.doneOn]),
      [
        [`/admin/items/${ids.lateItem}`, "2026-10-21", "2026-10-22"],
        [`/admin/items/${ids.openItem}`, "2026-10-21", null],
      ],
    );
    const decisions = await listAssessmentRecords(head, { year: "2026", month: "10", figure: "decisionsPublished" });
    assert.deepEqual(
      decisions.records.map((record) => [record.url, record.late]),
      [
        [`/admin/decisions/${ids.onTimeDecision}`, false],
        [`/admin/decisions/${ids.lateDecision}`, true],
        [`/admin/decisions/${ids.openDecision}`, true],
      ],
    );
    const stale = await listAssessmentRecords(head, { year: "2026", month: "10", figure: "registerFreshness", status: "late" });
    assert.deepEqual(
      stale.registers.map((register) => register.slug),
      ["penalties"],
    );
    await assert.rejects(listAssessmentRecords(head, { year: "2026", figure: "nonsense" }), InvalidQueryError);
  });

  test("staff may not read the dashboard; a section head sees every section", async () => {
    await assert.rejects(loadAssessment(staff, { year: "2026" }), ForbiddenError);
    const seen = await loadAssessment(head, { year: "2026", month: "10" });
    assert.deepEqual(
      seen.sections.map((section) => section.sectionId).filter((id) => id === office || id === enforcement),
      [office, enforcement],
    );
  });

  test("the .xlsx export reads back: title row merged over the table, two-level headers, 宋体, borders, A4, the counts", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildAssessmentXlsx(october, "测试局")) as unknown as ArrayBuffer);
    assert.deepEqual(
      workbook.worksheets.map((sheet) => sheet.name),
      ["总览", "答复类型", "登记簿", "各月趋势"],
    );
    const overview = workbook.getWorksheet("总览")!;
    assert.match(String(overview.getCell("A1").value), /测试局政务公开考核统计（2026年10月）/);
    const merges = (overview.model as unknown as { merges: string[] }).merges;
    assert.ok(merges.includes("A1:S1"), merges.join(","));
    assert.ok(merges.includes("B3:D3") && merges.includes("A3:A4"), merges.join(","));
    assert.equal(overview.getCell("B4").font?.name, "宋体");
    assert.equal(overview.getCell("B5").border?.top?.style, "thin");
    assert.equal(overview.pageSetup.paperSize, 9);
    assert.equal(overview.getColumn(1).width, 18);
    const agencyRow = overview.getRows(5, overview.rowCount - 4)!.find((row) => row.getCell(1).value === "全机关")!;
    // 主动公开: 1 on time, 2 late, 33.3%; 双公示: 1, 2.
    assert.deepEqual(
      [agencyRow.getCell(2).value, agencyRow.getCell(3).value, agencyRow.getCell(4).value, agencyRow.getCell(5).value, agencyRow.getCell(6).value],
      [1, 2, "33.3%", 1, 2],
    );
    const outcomes = workbook.getWorksheet("答复类型")!;
    assert.equal(outcomes.getCell("B4").value, 1, "（一）予以公开");
  });
});

describe("GET /api/v1/admin/assessment", () => {
  // Imported here, after the token-only session is installed (a static import would load Auth.js first).
  const get = async (query: string, token = headToken) => {
    const { GET } = await import("@/app/api/v1/admin/assessment/route");
    return GET(new Request(`http://gongkai.test/api/v1/admin/assessment${query}`, { headers: { authorization: `Bearer ${token}` } }));
  };

  test("answers {sections: [{sectionId, name, figures}], agency} with onTime and late on every deadline figure", async () => {
    const response = await get("?year=2026&month=10");
    assert.equal(response.status, 200);
    const body = (await response.json()) as {
      sections: { sectionId: number; name: string; figures: Record<string, { onTime: number; late: number }> }[];
      agency: Record<string, { onTime: number; late: number }>;
    };
    assert.deepEqual(Object.keys(body), ["sections", "agency"]);
    assert.deepEqual(Object.keys(body.agency), [
      "itemsPublished",
      "decisionsPublished",
      "applicationsAnswered",
      "proposalReplies",
      "messagesAnswered",
      "registerFreshness",
      "annualReport",
    ]);
    const enforcementRow = body.sections.find((section) => section.sectionId === enforcement)!;
    assert.equal(enforcementRow.name, "执法科");
    assert.deepEqual(enforcementRow.figures.itemsPublished, { onTime: 0, late: 2 });
    assert.deepEqual(body.agency.messagesAnswered, { onTime: 1, late: 1 });
  });

  test("a bad period is a 400 naming the field: month 13, a quarter with a month, a year out of range, a year that is not a number", async () => {
    for (const [query, field] of [
      ["?year=2026&month=13", "month"],
      ["?year=2026&quarter=2&month=5", "month"],
      ["?year=2026&quarter=5", "quarter"],
      ["?year=1999", "year"],
      ["?year=2099", "year"],
      ["?year=abc", "year"],
    ] as const) {
      const response = await get(query);
      assert.equal(response.status, 400, query);
      const body = (await response.json()) as { error: { code: string; fields: Record<string, string[]> } };
      assert.ok(body.error.fields[field]?.length, `${query}: ${JSON.stringify(body.error)}`);
    }
  });

  test("staff get 403", async () => {
    assert.equal((await get("?year=2026", staffToken)).status, 403);
  });
});
