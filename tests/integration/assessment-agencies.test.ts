import "../support/use-token-only-session";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import { findAgencyByCode } from "@/lib/agency/agencies";
import { createAgency } from "@/lib/agency/manage-agencies";
import { updateHandlingSection } from "@/lib/applications/handling-section";
import type { ActingUser } from "@/lib/auth/acting-user";
import { createApiToken } from "@/lib/auth/api-tokens";
import { db } from "@/lib/db";
import { ForbiddenError, InvalidQueryError, NotFoundError } from "@/lib/errors";
import { listAssessmentRecords, loadAssessment } from "@/lib/oversight/assessment";
import { loadPlatformAssessment, type PlatformAssessment } from "@/lib/oversight/platform-assessment";
import { buildPlatformAssessmentXlsx } from "@/lib/oversight/platform-assessment-xlsx";
import { seedBaseData } from "@/prisma/seed/seed-base";
import { defaultAgencyId, insertSection, insertUser } from "../support/fixtures";
import { useMigratedTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * The assessment across the agencies (集约化, issue 15): three agencies in October 2026 — the
 * bureau (the default agency), the education bureau, and the government, which has nothing due.
 * Each agency's figures are its own records' (the same deadlines as tests/integration/assessment.test.ts
 * works out by hand), side by side for the platform roles, ranked by the overall on-time rate;
 * an agency's staff see their own agency's dashboard only. The clock stands at 2 December 2026.
 */
let database: TestDatabase;
let bureauSection: number;
let educationSection: number;
let bureauLeader: ActingUser;
let educationAdmin: ActingUser;
let educationStaff: ActingUser;
let supervisor: ActingUser;
let platformAdmin: ActingUser;
let sequence = 0;

const at = (day: string) => new Date(`${day}T10:00:00+08:00`);
const dateColumn = (day: string) => new Date(`${day}T00:00:00Z`);

async function item(sectionId: number, authorId: number, formedOn: string, publishedOn: string | null): Promise<void> {
  const number = ++sequence;
  const category = await db.category.findUniqueOrThrow({ where: { slug: "functions" } });
  const created = await db.item.create({
    data: {
      indexNumber: `AGENCIES-${number}`,
      state: publishedOn ? "published" : "draft",
      sectionId,
      authorId,
      publishedAt: publishedOn ? at(publishedOn) : null,
      lastPublishedAt: publishedOn ? at(publishedOn) : null,
    },
  });
  const revision = await db.itemRevision.create({
    data: {
      itemId: created.id,
      number: 1,
      title: `机关考核测试信息${number}`,
      body: "<p>正文</p>",
      bodyText: "正文",
      categoryId: category.id,
      formedAt: dateColumn(formedOn),
      createdById: authorId,
    },
  });
  await db.item.update({ where: { id: created.id }, data: { latestRevisionId: revision.id, publishedRevisionId: publishedOn ? revision.id : null } });
}

async function decision(sectionId: number, authorId: number, dueOn: string, publishedOn: string): Promise<void> {
  const number = ++sequence;
  await db.administrativeDecision.create({
    data: {
      kind: "license",
      counterpartyName: `机关考核测试企业${number}`,
      counterpartyCategory: "legal_entity",
      documentNumber: `机考〔2026〕${number}号`,
      decisionDate: dateColumn("2026-09-28"),
      authorityName: "测试局",
      authorityCreditCode: "11230000000000000X",
      dataSourceName: "测试局",
      disclosureDueOn: dateColumn(dueOn),
      state: "published",
      sectionId,
      authorId,
      lastEditorId: authorId,
      publishedAt: at(publishedOn),
      publishedOnTime: publishedOn <= dueOn,
    },
  });
}

/** An application with an applicant's name, to prove no applicant's data reaches the view across agencies. */
async function application(agencyId: number, receivedOn: string, answeredOn: string): Promise<void> {
  const created = await db.application.create({
    data: {
      agencyId,
      number: `AGENCIES-${++sequence}`,
      source: "offline",
      status: "closed",
      receiptMethod: "in_person",
      submittedOn: dateColumn(receivedOn),
      receivedOn: dateColumn(receivedOn),
      applicantType: "natural_person",
      name: "申请人王考核",
      description: "申请公开的信息",
      outcome: "disclose",
      decidedOn: dateColumn(answeredOn),
      closedOn: dateColumn(answeredOn),
    },
  });
  await db.applicationStep.create({ data: { applicationId: created.id, type: "decision", date: dateColumn(answeredOn), outcome: "disclose" } });
  await db.applicationStep.create({ data: { applicationId: created.id, type: "reply_issued", date: dateColumn(answeredOn) } });
}

async function message(agencyId: number, sectionId: number, submittedOn: string, answeredOn: string): Promise<void> {
  await db.feedback.create({
    data: {
      agencyId,
      topic: `机关考核测试留言${++sequence}`,
      content: "留言",
      sectionId,
      status: "answered",
      submittedAt: at(submittedOn),
      answeredAt: at(answeredOn),
    },
  });
}

before(async () => {
  database = await useMigratedTestDatabase();
  await seedBaseData();
  const contact = { address: "绥芬河市某街1号", postcode: "157300", email: "office@example.gov.cn" };
  await createAgency(null, { code: "SFHZF", name: "绥芬河市人民政府", shortName: "市政府", kind: "government", ...contact });
  const education = (
    await createAgency(null, { code: "SFHJYJ", name: "绥芬河市教育局", shortName: "市教育局", kind: "department", parentCode: "SFHZF", ...contact })
  ).id;
  const government = (await findAgencyByCode("SFHZF"))!.id;
  const bureau = await defaultAgencyId();

  bureauSection = await insertSection("综合执法科");
  const bureauAdmin = await insertUser("admin", { sectionId: bureauSection });
  bureauLeader = await insertUser("leader");
  await updateHandlingSection(bureauAdmin, { handlingSectionId: bureauSection });
  educationSection = await insertSection("教育办公室", education);
  educationAdmin = await insertUser("admin", { sectionId: educationSection });
  educationStaff = await insertUser("staff", { sectionId: educationSection });
  await updateHandlingSection(educationAdmin, { handlingSectionId: educationSection });
  const office = await insertSection("政务公开办", government);
  supervisor = await insertUser("supervisor", { sectionId: office });
  platformAdmin = await insertUser("platform_admin", { sectionId: office });

  // The bureau: items formed 8 Sep (due Mon 12 Oct) published 9 Oct → on time; formed 17 Sep (due Wed 21 Oct)
  // published 22 Oct → late. An application received 15 Sep (due Mon 19 Oct) answered 16 Oct → on time. A
  // message of Mon 19 Oct (due Mon 26 Oct) answered Tue 27 Oct → late. Overall 2 on time, 2 late: 50%.
  await item(bureauSection, bureauAdmin.id, "2026-09-08", "2026-10-09");
  await item(bureauSection, bureauAdmin.id, "2026-09-17", "2026-10-22");
  await application(bureau, "2026-09-15", "2026-10-16");
  await message(bureau, bureauSection, "2026-10-19", "2026-10-27");

  // The education bureau: two items formed 17 Sep, one published 22 Oct, one never → 2 late; a licence due
  // Tue 13 Oct published Mon 12 Oct → on time; an application received Mon 28 Sep (due Fri 30 Oct)
  // answered Mon 2 Nov → late; a message of Wed 30 Sep (due Tue 13 Oct) answered Mon 12 Oct → on time.
  // Overall 2 on time, 3 late: 40%.
  await item(educationSection, educationAdmin.id, "2026-09-17", "2026-10-22");
  await item(educationSection, educationAdmin.id, "2026-09-17", null);
  await decision(educationSection, educationAdmin.id, "2026-10-13", "2026-10-12");
  await application(education, "2026-09-28", "2026-11-02");
  await message(education, educationSection, "2026-09-30", "2026-10-12");
  // The government: nothing due in October (no column has an age limit, so no register is judged either).
});
after(async () => {
  await database.drop();
});

const october = { year: "2026", month: "10" };
const rowOf = (assessment: PlatformAssessment, code: string) => assessment.agencies.find((row) => row.code === code)!;
const bureauCode = "SFHCGJ";

describe("the assessment across the agencies", () => {
  let platform: PlatformAssessment;
  before(async () => {
    platform = await loadPlatformAssessment(supervisor, october);
  });

  test("each agency's row counts its own records only", () => {
    assert.equal((platform.agencies.find((row) => row.code === bureauCode) ?? null) !== null, true, "the default agency's code");
    const bureau = rowOf(platform, bureauCode);
    assert.deepEqual(bureau.figures.itemsPublished, { onTime: 1, late: 1 });
    assert.deepEqual(bureau.figures.decisionsPublished, { onTime: 0, late: 0 });
    assert.deepEqual(bureau.figures.applicationsAnswered, { onTime: 1, late: 0 });
    assert.deepEqual(bureau.figures.messagesAnswered, { onTime: 0, late: 1 });
    assert.deepEqual(bureau.overall, { onTime: 2, late: 2 });
    const education = rowOf(platform, "SFHJYJ");
    assert.deepEqual(education.figures.itemsPublished, { onTime: 0, late: 2 });
    assert.deepEqual(education.figures.decisionsPublished, { onTime: 1, late: 0 });
    assert.deepEqual(education.figures.applicationsAnswered, { onTime: 0, late: 1 });
    assert.deepEqual(education.figures.messagesAnswered, { onTime: 1, late: 0 });
    assert.deepEqual(education.overall, { onTime: 2, late: 3 });
    const government = rowOf(platform, "SFHZF");
    assert.deepEqual(government.overall, { onTime: 0, late: 0 });
  });

  test("ranked by the overall on-time rate, the agency with nothing judged last and unranked; totals and the average", () => {
    assert.deepEqual(
      platform.agencies.map((row) => [row.code, row.rank, row.rate]),
      [
        [bureauCode, 1, 0.5],
        ["SFHJYJ", 2, 0.4],
        ["SFHZF", null, null],
      ],
    );
    assert.deepEqual(platform.total.overall, { onTime: 4, late: 5 });
    assert.deepEqual(platform.total.figures.itemsPublished, { onTime: 1, late: 3 });
    assert.equal(platform.averageRate, 0.45);
  });

  test("each row matches the agency's own dashboard, as the platform role opens it with agency=", async () => {
    for (const code of [bureauCode, "SFHJYJ"]) {
      const own = await loadAssessment(supervisor, { ...october, agency: code.toLowerCase() });
      assert.equal(own.assessedAgency.code, code);
      const row = rowOf(platform, code);
      for (const figure of ["itemsPublished", "decisionsPublished", "applicationsAnswered", "proposalReplies", "messagesAnswered", "annualReport"] as const)
        assert.deepEqual({ onTime: own.agency[figure].onTime, late: own.agency[figure].late }, row.figures[figure], `${code} ${figure}`);
    }
    const education = await loadAssessment(platformAdmin, { ...october, agency: "SFHJYJ" });
    assert.deepEqual(
      education.sections.map((section) => section.name),
      ["教育办公室"],
      "only the education bureau's sections",
    );
  });

  test("an agency's own dashboard holds its sections and records only (the bureau's leader, the education administrator)", async () => {
    const bureau = await loadAssessment(bureauLeader, october);
    assert.equal(bureau.assessedAgency.code, bureauCode);
    assert.ok(!bureau.sections.some((section) => section.sectionId === educationSection));
    assert.deepEqual(bureau.agency.itemsPublished, { onTime: 1, late: 1 });
    assert.deepEqual(bureau.agency.applicationsAnswered.late, 0);
    const education = await loadAssessment(educationAdmin, october);
    assert.deepEqual(
      education.sections.map((section) => section.sectionId),
      [educationSection],
    );
    assert.deepEqual(education.agency.itemsPublished, { onTime: 0, late: 2 });
    assert.deepEqual(education.agency.applicationsAnswered, { onTime: 0, late: 1, outcomes: { disclose: 1 } });
    const drill = await listAssessmentRecords(educationAdmin, { ...october, figure: "itemsPublished" });
    assert.equal(drill.records.length, 2);
    assert.ok(drill.records.every((record) => record.sectionId === educationSection));
  });

  test("agency staff: the view across the agencies is 403; another agency's dashboard, drill-down or section is 404", async () => {
    await assert.rejects(loadPlatformAssessment(educationAdmin, october), ForbiddenError);
    await assert.rejects(loadPlatformAssessment(bureauLeader, october), ForbiddenError);
    await assert.rejects(loadAssessment(educationAdmin, { ...october, agency: bureauCode }), NotFoundError);
    await assert.rejects(loadAssessment(educationAdmin, { ...october, agency: "NOSUCH" }), NotFoundError);
    await assert.rejects(listAssessmentRecords(educationAdmin, { ...october, figure: "itemsPublished", agency: bureauCode }), NotFoundError);
    await assert.rejects(
      listAssessmentRecords(educationAdmin, { ...october, figure: "itemsPublished", section: String(bureauSection) }),
      InvalidQueryError,
      "a section of another agency is unknown",
    );
    // Naming its own agency is its own dashboard.
    assert.equal((await loadAssessment(educationAdmin, { ...october, agency: "SFHJYJ" })).assessedAgency.code, "SFHJYJ");
    // Staff read no assessment at all.
    await assert.rejects(loadAssessment(educationStaff, october), ForbiddenError);
    await assert.rejects(loadPlatformAssessment(educationStaff, october), ForbiddenError);
  });

  test("the platform administrator reads the view too; a bad period is refused with the field", async () => {
    const seen = await loadPlatformAssessment(platformAdmin, october);
    assert.deepEqual(
      seen.agencies.map((row) => row.code),
      platform.agencies.map((row) => row.code),
    );
    await assert.rejects(loadPlatformAssessment(supervisor, { year: "2026", month: "13" }), InvalidQueryError);
  });

  test("figures only: no applicant's name, no application number, no record", () => {
    const text = JSON.stringify(platform);
    assert.ok(!text.includes("申请人王考核"));
    assert.ok(!text.includes("AGENCIES-"));
    assert.ok(!text.includes("机关考核测试留言"));
  });

  test("the .xlsx: a title merged over the table, two-level headers, rows in rank order, 合计 and 平均, rates as percentages", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildPlatformAssessmentXlsx(platform, "绥芬河市人民政府")) as unknown as ArrayBuffer);
    assert.deepEqual(
      workbook.worksheets.map((sheet) => sheet.name),
      ["总览", "件数"],
    );
    const overview = workbook.getWorksheet("总览")!;
    assert.equal(overview.getCell("A1").value, "各机关政务公开考核统计（2026年10月）");
    const merges = (overview.model as unknown as { merges: string[] }).merges;
    assert.ok(merges.includes("A1:M1") && merges.includes("A3:A4") && merges.includes("D3:J3") && merges.includes("K3:M3"), merges.join(","));
    assert.deepEqual(
      [5, 6, 7].map((row) => [overview.getCell(row, 1).value, overview.getCell(row, 2).value]),
      [
        [1, bureauCode],
        [2, "SFHJYJ"],
        ["—", "SFHZF"],
      ],
    );
    // The bureau: 主动公开 50%, overall 2 / 2 / 50%.
    assert.equal(overview.getCell(5, 4).value, 0.5);
    assert.equal(overview.getCell(5, 4).numFmt, "0.0%");
    assert.deepEqual([overview.getCell(5, 11).value, overview.getCell(5, 12).value, overview.getCell(5, 13).value], [2, 2, 0.5]);
    assert.equal(overview.getCell(8, 3).value, "合计");
    assert.deepEqual([overview.getCell(8, 11).value, overview.getCell(8, 12).value], [4, 5]);
    assert.equal(overview.getCell(9, 3).value, "平均");
    assert.equal(overview.getCell(9, 13).value, 0.45);
    assert.equal(overview.getCell("D4").font?.name, "宋体");
    assert.equal(overview.getCell("D5").border?.top?.style, "thin");
    assert.equal(overview.pageSetup.orientation, "landscape");
    assert.equal(overview.getColumn(3).width, 30);
    const counts = workbook.getWorksheet("件数")!;
    // 主动公开 按时 / 逾期 of the education bureau (second in rank), and the 合计 row.
    assert.deepEqual([counts.getCell(6, 4).value, counts.getCell(6, 5).value], [0, 2]);
    assert.equal(counts.getCell(8, 3).value, "合计");
    assert.deepEqual([counts.getCell(8, 4).value, counts.getCell(8, 5).value], [1, 3]);
  });
});

describe("GET /api/v1/admin/assessment?agency=", () => {
  const get = async (query: string, actor: ActingUser) => {
    const { token } = await createApiToken(actor, { name: `assessment-${++sequence}`, scope: "read", lifetimeDays: 30 });
    const { GET } = await import("@/app/api/v1/admin/assessment/route");
    return GET(new Request(`http://gongkai.test/api/v1/admin/assessment${query}`, { headers: { authorization: `Bearer ${token}` } }));
  };

  test("the supervisor reads any agency's figures; another agency's staff get 404, an agency's own is 200", async () => {
    const response = await get(`?year=2026&month=10&agency=SFHJYJ`, supervisor);
    assert.equal(response.status, 200);
    const body = (await response.json()) as { agency: { itemsPublished: { onTime: number; late: number } } };
    assert.deepEqual(body.agency.itemsPublished, { onTime: 0, late: 2 });
    assert.equal((await get(`?year=2026&month=10&agency=${bureauCode}`, educationAdmin)).status, 404);
    assert.equal((await get(`?year=2026&month=10&agency=SFHJYJ`, educationAdmin)).status, 200);
  });
});
