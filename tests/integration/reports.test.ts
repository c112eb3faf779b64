import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { loadActingUser, type ActingUser } from "@/lib/auth/acting-user";
import { beijingDayOf, todayInBeijing } from "@/lib/dates";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { findPublicItem } from "@/lib/items/public-items";
import { draftOtherMatters, draftOverview } from "@/lib/reports/draft-texts";
import type { ReportFigureSources } from "@/lib/reports/figure-sources";
import {
  findPublishedReport,
  findReportWorkspace,
  listPublishedReports,
  saveManualFigures,
  startReport,
  updateReportTexts,
} from "@/lib/reports/manage-reports";
import { buildReportDocx } from "@/lib/reports/report-docx";
import { transitionReport } from "@/lib/reports/report-review";
import { table3Row, type Table3 } from "@/lib/reports/report-tables";
import { buildReportXlsx } from "@/lib/reports/report-xlsx";
import { seedDemoData } from "@/prisma/seed/seed-demo";
import { readDocxTables, readXlsxSheet } from "../support/office-tables";
import { TEST_START, useMigratedTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
let staff: ActingUser;
let head: ActingUser;
let leader: ActingUser;

const outcomes = [
  { slug: "disclose", label: "予以公开", group: "一" },
  { slug: "partial", label: "部分公开", group: "二" },
  { slug: "refuse_state_secret", label: "属于国家秘密", group: "三" },
  { slug: "refuse_third_party", label: "保护第三方合法权益", group: "三" },
];

/** Application figures per year, as the applications register would report them. */
const applicationTables: Record<number, Table3> = {
  2024: {
    columns: [],
    rows: {
      new: table3Row({ natural_person: 4 }),
      carried_in: table3Row({}),
      disclose: table3Row({ natural_person: 3 }),
      partial: table3Row({}),
      refuse_state_secret: table3Row({}),
      refuse_third_party: table3Row({}),
      total: table3Row({ natural_person: 3 }),
      carried_out: table3Row({ natural_person: 1 }),
    },
  },
  2025: {
    columns: [],
    rows: {
      new: table3Row({ business: 2 }),
      carried_in: table3Row({ natural_person: 1 }),
      disclose: table3Row({ natural_person: 1, business: 1 }),
      partial: table3Row({ business: 1 }),
      refuse_state_secret: table3Row({}),
      refuse_third_party: table3Row({}),
      total: table3Row({ natural_person: 1, business: 2 }),
      carried_out: table3Row({}),
    },
  },
};

function sourcesWith(overrides: Partial<ReportFigureSources> = {}): ReportFigureSources {
  return {
    applications: async (year) => ({ table3: applicationTables[year] ?? { columns: [], rows: {} }, openPastDue: 0, feesChargedYuan: year === 2025 ? 300 : 0 }),
    appeals: async () => [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    decisions: async (year) =>
      year === 2017
        ? { licensing: 35, penalties: 0, coercion: 0, publishedLate: 0, dueUnpublished: 0 }
        : { licensing: 0, penalties: 0, coercion: 0, publishedLate: 0, dueUnpublished: 0 },
    feeIncome: async () => 0,
    retainedLicensingPowers: async () => 12,
    proposalsFor: async (year) =>
      year === 2017
        ? { suggestions: 7, proposals: 12, replied: 19, published: 19, satisfactionRate: 1 }
        : { suggestions: 0, proposals: 0, replied: 0, published: 0, satisfactionRate: null },
    outcomes: () => outcomes,
    ...overrides,
  };
}

/** The leader's approval, which publishes: it confirms, and takes today as the publication date. */
const publish = { action: "approve", confirm: true } as const;

/** Fills the sections the format requires (一 and 五), as staff do before submitting. */
async function writeTexts(reportId: number): Promise<void> {
  const row = await db.annualReport.findUniqueOrThrow({ where: { id: reportId } });
  await updateReportTexts(staff, reportId, {
    overview: row.overview || "本年政府信息公开工作总体情况。",
    problems: row.problems || "一是公开力量薄弱。下一步将充实人员。",
    otherMatters: row.otherMatters,
    correctionNotice: row.edition > 1 ? row.correctionNotice || "更正。" : null,
    version: row.version,
  });
}

async function publishReport(year: number, sources: ReportFigureSources): Promise<void> {
  const draft = (await findReportWorkspace(staff, year, sources)).edition ?? (await startReport(staff, year, sources));
  await writeTexts(draft.id);
  await transitionReport(staff, draft.id, { action: "submit" }, sources);
  await transitionReport(head, draft.id, { action: "approve" }, sources);
  await transitionReport(leader, draft.id, publish, sources);
}

before(async () => {
  database = await useMigratedTestDatabase();
  await seedDemoData(() => {});
  const byName = async (username: string) => (await loadActingUser((await db.user.findUniqueOrThrow({ where: { username } })).id))!;
  [staff, head, leader] = await Promise.all([byName("staff"), byName("head"), byName("leader")]);
});
after(async () => {
  await database.drop();
});

describe("the demo office's own 2017 report, as the demo data publishes it", () => {
  test("is published through the data layer with the office's own texts and the demo data's tables", async () => {
    const report = await findPublishedReport(2017);
    assert.ok(report, "the seed publishes its own 2017 report");
    assert.deepEqual(report.editions, [1]);
    assert.equal(report.title, "绥芬河市城市管理和综合行政执法局2017年政府信息公开工作年度报告");
    assert.match(report.texts.overview, /统一认识，加强领导/);
    assert.match(report.texts.overview, /2017年，我单位主动公开各类政府信息34条，其中，政府网站公开32条，其他方式公开2条/);
    assert.match(report.texts.overview, /2017年我局无依申请公开情况。/);
    assert.match(report.texts.problems, /一是公开政府信息人员力量有些薄弱/);
    assert.match(report.texts.problems, /2018年工作思路[\s\S]*充实人员力量/);
    assert.equal(report.texts.otherMatters, "我单位政府信息公开工作没有发生相关收费和减免情况。");
    assert.deepEqual(report.figures.table2.normativeDocuments, { issued: 2, repealed: 0, inForce: 2 });
    assert.equal(report.figures.table2.licensing, 35);
    assert.equal(report.figures.items.published, 34);
    assert.deepEqual(report.figures.table3.rows.new, [0, 0, 0, 0, 0, 0, 0]);
    assert.ok(report.checks.passed, JSON.stringify(report.checks.blocking));
    assert.deepEqual(report.checks.warnings, [], "its texts agree with its tables");
  });

  test("went through review in January 2018 on the product's clock, which was then put back", async () => {
    const row = await db.annualReport.findFirstOrThrow({ where: { year: 2017 } });
    assert.equal(beijingDayOf(row.publishedAt!), "2018-01-19");
    assert.equal(beijingDayOf(row.createdAt), "2018-01-15");
    const itemRow = await db.item.findUniqueOrThrow({ where: { id: row.itemId! }, include: { publishedRevision: true } });
    assert.deepEqual([beijingDayOf(itemRow.createdAt), beijingDayOf(itemRow.publishedRevision!.createdAt)], ["2018-01-19", "2018-01-19"]);
    const trail = await db.auditEvent.findMany({
      where: { entityType: "AnnualReport", entityId: String(row.id) },
      include: { actor: true },
      orderBy: { occurredAt: "asc" },
    });
    assert.deepEqual(
      trail.map((event) => [event.action, event.actor?.username, beijingDayOf(event.occurredAt)]),
      [
        ["report.create", "staff", "2018-01-15"],
        ["report.edit", "staff", "2018-01-15"],
        ["report.submit", "staff", "2018-01-16"],
        ["report.approve", "head", "2018-01-17"],
        ["report.approve", "leader", "2018-01-19"],
      ],
    );
    const item = await findPublicItem(row.itemId!);
    assert.equal(item?.category.slug, "annual-reports");
    assert.equal(item?.publishedAt, "2018-01-19");
    assert.equal(todayInBeijing(), TEST_START.slice(0, 10), "the clock in force before seeding is back");
  });

  test("its .docx and .xlsx hold Table 3 as the demo data has it: no application in 2017", async () => {
    const report = (await findPublishedReport(2017))!;
    const tables = await readDocxTables(await buildReportDocx(report));
    const table3 = tables.find((table) => table.some((row) => row[0] === "一、本年新收政府信息公开申请数量"))!;
    assert.ok(table3, "Table 3 is in the .docx");
    for (const label of ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（七）总计", "四、结转下年度继续办理"]) {
      assert.deepEqual(table3.find((row) => row[0] === label)?.slice(1), ["0", "0", "0", "0", "0", "0", "0"], label);
    }
    const sheet = await readXlsxSheet(await buildReportXlsx(report), "表三 依申请公开");
    assert.deepEqual(sheet[4].slice(1), ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]);
    assert.deepEqual(sheet.find((row) => row[0] === "一、本年新收政府信息公开申请数量")?.slice(1), [0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(sheet.find((row) => row[0] === "四、结转下年度继续办理")?.slice(1), [0, 0, 0, 0, 0, 0, 0]);
    const table2 = await readXlsxSheet(await buildReportXlsx(report), "表二 主动公开");
    assert.deepEqual(table2.find((row) => row[0] === "行政许可")?.slice(0, 2), ["行政许可", 35]);
  });

  test("the public index lists every year with a report: 2017 compiled here, 2016 published as an item before", async () => {
    const item2016 = await db.item.findFirstOrThrow({ where: { publishedRevision: { title: { contains: "2016年政府信息公开工作年度报告" } } } });
    const entries = await listPublishedReports();
    assert.deepEqual(
      entries.map((entry) => [entry.year, entry.href]),
      [
        [2017, "/reports/annual/2017"],
        [2016, `/items/${item2016.id}`],
      ],
    );
    assert.deepEqual(
      entries.map((entry) => entry.publishedAt),
      ["2018-01-19", "2017-03-17"],
    );
  });
});

describe("the 2017 figures of the demo office, and a correction of its report", () => {
  test("come out of the demo data: 34 items, 32 on the website and 2 elsewhere, 2 normative documents", async () => {
    const workspace = await findReportWorkspace(staff, 2017, sourcesWith());
    const { figures } = workspace;
    assert.equal(figures.items.published, 34);
    assert.equal(figures.items.onWebsite, 32);
    assert.equal(figures.items.elsewhereOnly, 2);
    assert.deepEqual(figures.table2.normativeDocuments, { issued: 2, repealed: 0, inForce: 2 });
    assert.equal(figures.table2.licensing, 35);
    assert.ok(workspace.checks.passed, JSON.stringify(workspace.checks.blocking));
    assert.equal(workspace.edition, null, "nothing in progress: the report is published");
    assert.match(draftOverview(figures), /主动公开政府信息34条，其中，政府网站公开32条，其他方式公开2条（黑龙江省法制公开平台2条）/);
    assert.match(draftOverview(figures), /人大代表建议7项、政协委员提案12项.*满意率100%/);
    assert.equal(
      draftOtherMatters(figures),
      "依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本年共发出收费通知0件，总金额0元，实际收取信息处理费0元。",
    );
    const correction = await startReport(staff, 2017, sourcesWith());
    assert.equal(correction.edition, 2);
    assert.deepEqual(correction.texts, (await findPublishedReport(2017))!.texts, "a correction starts from the published texts");
  });

  test("a text figure that contradicts the tables is a warning; the draft correction is not public", async () => {
    const draft = (await findReportWorkspace(staff, 2017, sourcesWith())).edition!;
    await updateReportTexts(staff, draft.id, {
      ...draft.texts,
      overview: "本年主动公开政府信息30条。",
      correctionNotice: "更正主动公开信息数。",
      version: draft.version,
    });
    const { checks } = await findReportWorkspace(staff, 2017, sourcesWith());
    assert.ok(checks.warnings.some((warning) => warning.code === "text_contradicts_tables" && warning.message.includes("34")));
    const published = (await findPublishedReport(2017))!;
    assert.deepEqual(published.editions, [1]);
    assert.doesNotMatch(published.texts.overview, /30条/);
  });
});

describe("checks, review and publication", () => {
  test("a deliberately inconsistent set of figures cannot be submitted", async () => {
    const broken = sourcesWith({
      applications: async () => ({
        table3: { columns: [], rows: { ...applicationTables[2024].rows, carried_out: table3Row({ natural_person: 5 }) } },
        openPastDue: 2,
        feesChargedYuan: 0,
      }),
    });
    const draft = await startReport(staff, 2023, broken);
    await assert.rejects(transitionReport(staff, draft.id, { action: "submit" }, broken), (error: unknown) => {
      assert.ok(error instanceof ValidationError);
      assert.ok(error.fields.checks.some((message) => message.includes("一 + 二")));
      return true;
    });
    const workspace = await findReportWorkspace(staff, 2023, broken);
    assert.ok(workspace.checks.warnings.some((warning) => warning.code === "applications_overdue"));
    assert.equal((await db.annualReport.findUniqueOrThrow({ where: { id: draft.id } })).state, "draft");
  });

  test("the report goes through section head and leader; the author cannot approve; a leader cannot edit", async () => {
    const sources = sourcesWith();
    const draft = await startReport(staff, 2024, sources);
    await assert.rejects(startReport(staff, 2024, sources), ConflictError, "one draft per year");
    await assert.rejects(startReport(leader, 2024, sources), ForbiddenError);
    await writeTexts(draft.id);
    await transitionReport(staff, draft.id, { action: "submit" }, sources);
    await assert.rejects(transitionReport(staff, draft.id, { action: "approve" }, sources), ForbiddenError);
    await transitionReport(head, draft.id, { action: "approve" }, sources);
    await transitionReport(leader, draft.id, publish, sources);
    const published = await findPublishedReport(2024);
    assert.ok(published);
    const item = await findPublicItem(published.itemId!);
    assert.equal(item?.category.slug, "annual-reports");
    assert.match(item!.title, /2024年政府信息公开工作年度报告/);
  });

  test("carry-over: next year's 二 must equal the published 四, and the published report is frozen", async () => {
    const sources = sourcesWith();
    const inconsistent = sourcesWith({
      applications: async () => ({
        table3: {
          columns: [],
          rows: { ...applicationTables[2025].rows, carried_in: table3Row({}), total: table3Row({ business: 2 }), disclose: table3Row({ business: 1 }) },
        },
        openPastDue: 0,
        feesChargedYuan: 0,
      }),
    });
    const { checks } = await findReportWorkspace(staff, 2025, inconsistent);
    assert.ok(
      checks.blocking.some((check) => check.code === "table3_carry_over"),
      "2024's published 四 had one natural person carried out",
    );
    assert.ok((await findReportWorkspace(staff, 2025, sources)).checks.passed);

    const changed = sourcesWith({ applications: async () => ({ table3: { columns: [], rows: {} }, openPastDue: 0, feesChargedYuan: 0 }) });
    const frozen = await findPublishedReport(2024);
    await findReportWorkspace(staff, 2024, changed);
    assert.deepEqual((await findPublishedReport(2024))!.figures.table3, frozen!.figures.table3);
    assert.equal(frozen!.figures.table3.rows.carried_out[0], 1);
  });

  test("a correction publishes a new edition with its notice; the first stays on record", async () => {
    const sources = sourcesWith();
    const correction = await startReport(staff, 2024, sources);
    assert.equal(correction.edition, 2);
    await assert.rejects(updateReportTexts(staff, correction.id, { ...correction.texts, correctionNotice: "", version: correction.version }), ValidationError);
    await updateReportTexts(staff, correction.id, { ...correction.texts, correctionNotice: "更正表三中自然人申请数。", version: correction.version });
    await transitionReport(staff, correction.id, { action: "submit" }, sources);
    await transitionReport(head, correction.id, { action: "approve" }, sources);
    await transitionReport(leader, correction.id, publish, sources);
    const latest = await findPublishedReport(2024);
    assert.deepEqual(latest!.editions, [2, 1]);
    assert.equal(latest!.correctionNotice, "更正表三中自然人申请数。");
  });

  test("hand-entered figures for a year before Gongkai replace Table 2 and Table 4", async () => {
    await assert.rejects(saveManualFigures(staff, 2016, { table4: [1, 2] }), ValidationError);
    await saveManualFigures(staff, 2016, {
      table2: {
        regulations: { issued: 0, repealed: 0, inForce: 0 },
        normativeDocuments: { issued: 3, repealed: 1, inForce: 5 },
        licensing: 30,
        penalties: 4,
        coercion: 1,
        feesTenThousandYuan: 1.5,
      },
      table4: [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    });
    const { figures } = await findReportWorkspace(staff, 2016, sourcesWith());
    assert.equal(figures.table2.licensing, 30);
    assert.equal(figures.table4[0], 1);
    assert.deepEqual(figures.origin, { table2: "manual", table4: "manual" });
  });
});

describe("outputs", () => {
  test("the .docx and .xlsx hold the same tables and text", async () => {
    await publishReport(2017, sourcesWith());
    const report = (await findPublishedReport(2017))!;
    assert.deepEqual(report.editions, [2, 1], "the correction is the latest edition");
    const docx = await JSZip.loadAsync(await buildReportDocx(report));
    const xml = await docx.file("word/document.xml")!.async("string");
    const text = xml.replace(/<[^>]+>/g, "");
    for (const phrase of [
      "2017年政府信息公开工作年度报告",
      "二、主动公开政府信息情况",
      "行政规范性文件",
      "本年新收政府信息公开申请数量",
      "结转下年度继续办理",
      "复议后起诉",
      "主动公开政府信息30条",
    ]) {
      assert.ok(text.includes(phrase), phrase);
    }
    assert.ok((xml.match(/<w:tbl>/g) ?? []).length >= 3, "three tables");

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildReportXlsx(report)) as unknown as ExcelJS.Buffer);
    assert.deepEqual(
      workbook.worksheets.map((sheet) => sheet.name),
      ["表二 主动公开", "表三 依申请公开", "表四 复议诉讼"],
    );
    const table2 = workbook.getWorksheet("表二 主动公开")!;
    const normative = table2.getRows(1, table2.rowCount)!.find((row) => row.getCell(1).value === "行政规范性文件")!;
    assert.deepEqual([normative.getCell(2).value, normative.getCell(3).value, normative.getCell(4).value], [2, 0, 2]);
    const licensing = table2.getRows(1, table2.rowCount)!.find((row) => row.getCell(1).value === "行政许可")!;
    assert.equal(licensing.getCell(2).value, 35);
    const table3 = workbook.getWorksheet("表三 依申请公开")!;
    assert.equal(table3.getRow(5).getCell(8).value, "总计");
    assert.equal(workbook.getWorksheet("表四 复议诉讼")!.getRow(6).cellCount, 15);
  });
});
