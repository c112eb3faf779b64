/**
 * The annual report as offices file it (issue 14, round two): publication date and 落款, the
 * official layout of the .xlsx and .docx, required sections, the manual-entry form, reviewers'
 * tasks, audit labels, and the demo's records behind its Table 2.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describeAuditAction, describeAuditEntityType } from "@/lib/audit/query-audit-events";
import { loadActingUser, type ActingUser } from "@/lib/auth/acting-user";
import { todayInBeijing } from "@/lib/dates";
import { db } from "@/lib/db";
import { ConflictError, ValidationError } from "@/lib/errors";
import { findTextContradictions } from "@/lib/reports/compute-report";
import { draftOverview } from "@/lib/reports/draft-texts";
import type { ReportFigureSources } from "@/lib/reports/figure-sources";
import { listReportTasks } from "@/lib/reports/list-reports";
import { liveFigureSources } from "@/lib/reports/live-figure-sources";
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
import { buildReportXlsx } from "@/lib/reports/report-xlsx";
import { seedDemoData } from "@/prisma/seed/seed-demo";
import { readDocxText, readXlsxSheet } from "../support/office-tables";
import { TEST_START, useMigratedTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
let staff: ActingUser;
let head: ActingUser;
let leader: ActingUser;

const agencyName = "绥芬河市城市管理和综合行政执法局";

/** A year whose figures pass every table check: nothing received, nothing decided. */
const quietSources: ReportFigureSources = {
  ...liveFigureSources,
  applications: async () => ({ table3: { columns: [], rows: {} }, openPastDue: 0, feesChargedYuan: 0 }),
  appeals: async () => new Array(15).fill(0),
  outcomes: () => [{ slug: "disclose", label: "予以公开", group: "一" }],
};

const filledTexts = { overview: "本年总体情况。", problems: "一是人员力量薄弱。下一步充实人员。", otherMatters: "无。" };

/** A report of `year` started, written, submitted and approved by the section head: waiting for the leader. */
async function reportAwaitingLeader(year: number) {
  const started = await startReport(staff, year, quietSources);
  const written = await updateReportTexts(staff, started.id, { ...filledTexts, version: started.version });
  await transitionReport(staff, written.id, { action: "submit" }, quietSources);
  return transitionReport(head, written.id, { action: "approve" }, quietSources);
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

describe("publication date and 落款", () => {
  test("GB/T 9704-2012 7.3.5 (落款): the demo's 2017 report bears the agency and 2018年1月19日 on the list, in the .docx and in every sheet of the .xlsx; its 索引号 is of 2018", async () => {
    const entry = (await listPublishedReports()).find((each) => each.year === 2017)!;
    assert.equal(entry.publishedAt, "2018-01-19");
    const report = (await findPublishedReport(2017))!;
    assert.equal(report.publicationDate, "2018-01-19");
    const row = await db.annualReport.findFirstOrThrow({ where: { year: 2017 }, include: { item: true } });
    assert.equal(row.publicationDate?.toISOString().slice(0, 10), "2018-01-19");
    assert.match(row.item!.indexNumber, /2018/, "the 索引号 carries the year of publication");

    const text = await readDocxText(await buildReportDocx(report));
    assert.ok(text.endsWith(`${agencyName}2018年1月19日`), text.slice(-60));
    const xlsx = await buildReportXlsx(report);
    for (const sheet of ["表二 主动公开", "表三 依申请公开", "表四 复议诉讼"]) {
      const rows = await readXlsxSheet(xlsx, sheet);
      const last = rows.filter((values) => values.some((value) => value !== null && value !== undefined && value !== ""));
      assert.deepEqual(
        last.slice(-2).map((values) => values[0]),
        [agencyName, "2018年1月19日"],
        sheet,
      );
    }
  });

  test("条例第四十九条 (年度报告): the leader publishes only with a confirmation, under a date not before the year is over nor after today (default today)", async () => {
    const waiting = await reportAwaitingLeader(2021);
    await assert.rejects(transitionReport(leader, waiting.id, { action: "approve", version: waiting.version }, quietSources), (error: unknown) => {
      assert.ok(error instanceof ValidationError && error.fields.confirm, "no confirmation, no publication");
      return true;
    });
    await assert.rejects(
      transitionReport(leader, waiting.id, { action: "approve", confirm: true, publicationDate: "2021-12-31" }, quietSources),
      (error: unknown) => error instanceof ValidationError && /2022/.test(error.fields.publicationDate[0]),
    );
    await assert.rejects(
      transitionReport(leader, waiting.id, { action: "approve", confirm: true, publicationDate: "2099-01-01" }, quietSources),
      (error: unknown) => error instanceof ValidationError && Boolean(error.fields.publicationDate),
    );
    await assert.rejects(
      transitionReport(leader, waiting.id, { action: "approve", confirm: true, publicationDate: "2022-02-30" }, quietSources),
      ValidationError,
    );
    assert.equal((await db.annualReport.findUniqueOrThrow({ where: { id: waiting.id } })).state, "leader_review", "nothing half-stored");
    await transitionReport(leader, waiting.id, { action: "approve", confirm: "on", publicationDate: "2022-01-28" }, quietSources);
    const published = (await findPublishedReport(2021))!;
    assert.equal(published.publicationDate, "2022-01-28");
    assert.equal((await listPublishedReports()).find((each) => each.year === 2021)?.publishedAt, "2022-01-28");
    const item = await db.item.findUniqueOrThrow({ where: { id: published.itemId! }, include: { publishedRevision: true } });
    assert.equal(item.publishedRevision!.writtenAt?.toISOString().slice(0, 10), "2022-01-28", "成文日期 is the 落款 date");

    const byDefault = await reportAwaitingLeader(2020);
    await transitionReport(leader, byDefault.id, { action: "approve", confirm: true }, quietSources);
    assert.equal((await findPublishedReport(2020))!.publicationDate, todayInBeijing());
    assert.equal(todayInBeijing(), TEST_START.slice(0, 10));
  });
});

describe("required sections and the review", () => {
  test("国办公开办函〔2021〕30号 (一、总体情况 and 五、存在的主要问题及改进情况): an empty section, or one reading only “无。”, blocks submission, named as printed", async () => {
    const started = await startReport(staff, 2019, quietSources);
    await updateReportTexts(staff, started.id, { overview: "无。", problems: "  ", otherMatters: "无。", version: started.version });
    const { checks } = await findReportWorkspace(staff, 2019, quietSources);
    assert.deepEqual(
      checks.blocking.filter((check) => check.code === "section_empty").map((check) => check.message),
      ["“一、总体情况”尚未填写（不能只写“无。”）。", "“五、存在的主要问题及改进情况”尚未填写（不能只写“无。”）。"],
    );
    await assert.rejects(transitionReport(staff, started.id, { action: "submit" }, quietSources), (error: unknown) => {
      assert.ok(error instanceof ValidationError);
      assert.ok(error.fields.checks.some((message) => message.includes("一、总体情况")));
      return true;
    });
    assert.equal((await db.annualReport.findUniqueOrThrow({ where: { id: started.id } })).state, "draft");
  });

  test("a submitted report is on the section head's 我的待办, then on the leader's, and on no one's once published", async () => {
    const started = await startReport(staff, 2018, quietSources);
    const written = await updateReportTexts(staff, started.id, { ...filledTexts, version: started.version });
    assert.deepEqual(await listReportTasks(head), []);
    await transitionReport(staff, written.id, { action: "submit" }, quietSources);
    assert.deepEqual(
      (await listReportTasks(head)).map((task) => [task.year, task.href]),
      [[2018, "/admin/reports/2018"]],
    );
    assert.deepEqual(await listReportTasks(staff), [], "the author does not review");
    assert.deepEqual(await listReportTasks(leader), []);
    await transitionReport(head, written.id, { action: "approve" }, quietSources);
    assert.deepEqual(
      (await listReportTasks(leader)).map((task) => task.title),
      [`${agencyName}2018年政府信息公开工作年度报告`],
    );
    assert.deepEqual(await listReportTasks(head), []);
    await transitionReport(leader, written.id, { action: "approve", confirm: true }, quietSources);
    assert.deepEqual(await listReportTasks(leader), []);
  });

  test("the audit log names the report's steps and record types in Chinese", () => {
    assert.equal(describeAuditAction("report.approve"), "年度报告审核通过");
    assert.equal(describeAuditAction("report.submit"), "年度报告提交审核");
    assert.equal(describeAuditAction("report.manual_figures"), "手工录入年度报告数字");
    assert.equal(describeAuditEntityType("AnnualReport"), "年度报告");
    assert.equal(describeAuditEntityType("ReportManualFigures"), "年度报告手工数字");
  });
});

describe("hand-entered figures", () => {
  const zeros = {
    table2: {
      regulations: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocuments: { issued: 0, repealed: 0, inForce: 0 },
      licensing: 0,
      penalties: 0,
      coercion: 0,
      feesTenThousandYuan: 0,
    },
    table4: new Array(15).fill(0),
  };

  test("are refused for a year with live data (2017: 35 licences stay 35) and not offered there", async () => {
    assert.equal((await findReportWorkspace(staff, 2017)).manualFiguresAllowed, false);
    await assert.rejects(saveManualFigures(staff, 2017, zeros), (error: unknown) => error instanceof ConflictError && error.code === "year_has_live_data");
    assert.equal(await db.reportManualFigures.count({ where: { year: 2017 } }), 0);
    assert.equal((await findReportWorkspace(staff, 2017)).figures.table2.licensing, 35);
  });

  test("are offered for a year before the product, and refused once its report is published until a correction is started", async () => {
    assert.equal((await findReportWorkspace(staff, 2015)).manualFiguresAllowed, true);
    await saveManualFigures(staff, 2015, { ...zeros, table2: { ...zeros.table2, licensing: 12 } });
    const waiting = await reportAwaitingLeader(2015);
    await assert.rejects(saveManualFigures(staff, 2015, zeros), ConflictError, "in review");
    await transitionReport(leader, waiting.id, { action: "approve", confirm: true }, quietSources);
    assert.equal((await findReportWorkspace(staff, 2015)).manualFiguresAllowed, false);
    await assert.rejects(saveManualFigures(staff, 2015, zeros), ConflictError);
    assert.equal((await findPublishedReport(2015))!.figures.table2.licensing, 12);
    await startReport(staff, 2015, quietSources);
    assert.equal((await findReportWorkspace(staff, 2015)).manualFiguresAllowed, true);
  });
});

describe("the demo's records behind its Table 2", () => {
  test("条例第二十条第（六）（八）项: the 2017 report counts the two penalty decisions its case lists publish and the fee income of the fee standard it publishes", async () => {
    const report = (await findPublishedReport(2017))!;
    assert.equal(report.figures.table2.penalties, 2);
    assert.equal(report.figures.table2.feesTenThousandYuan, 1.28);
    assert.deepEqual(report.checks.warnings, []);
  });

  test("条例第二十条第（六）项: a Table 2 row at 0 while the year published items of its category is a warning naming the category", async () => {
    const noPenalties: ReportFigureSources = {
      ...liveFigureSources,
      decisions: async () => ({ licensing: 35, penalties: 0, coercion: 0, publishedLate: 0, dueUnpublished: 0 }),
      feeIncome: async () => 0,
    };
    const { checks } = await findReportWorkspace(staff, 2017, noPenalties);
    assert.deepEqual(
      checks.warnings.filter((warning) => warning.code === "table2_zero_with_items").map((warning) => warning.message),
      [
        "表二“行政处罚”为 0，但本年在“行政处罚”栏目公开了 2 条信息：请核对登记数据是否完整。",
        "表二“行政事业性收费”为 0，但本年在“行政事业性收费”栏目公开了 1 条信息：请核对登记数据是否完整。",
      ],
    );
  });
});

describe("一、总体情况", () => {
  test("国办公开办函〔2021〕30号 (一、总体情况): the draft follows the five parts 主动公开, 依申请公开, 政府信息管理, 平台建设, 监督保障, with the year's figures", async () => {
    const overview = draftOverview((await findReportWorkspace(staff, 2017)).figures);
    const parts = ["（一）主动公开", "（二）依申请公开", "（三）政府信息管理", "（四）政府信息公开平台建设", "（五）监督保障"];
    const lines = overview.split("\n");
    const positions = parts.map((part) => lines.indexOf(part));
    assert.ok(
      positions.every((position) => position >= 0),
      overview,
    );
    assert.deepEqual(
      [...positions].sort((a, b) => a - b),
      positions,
      "in the format's order",
    );
    assert.match(overview, /主动公开政府信息34条/);
    assert.match(overview, /行政处罚决定2条/);
    assert.match(overview, /本年新收政府信息公开申请0件/);
    assert.match(overview, /制发行政规范性文件2件/);
    assert.match(overview, /人大代表建议7项、政协委员提案12项/);
    assert.deepEqual(findTextContradictions({ overview, problems: "", otherMatters: "" }, (await findReportWorkspace(staff, 2017)).figures), []);
  });
});

describe("六、其他需要报告的事项", () => {
  test("国办函〔2020〕109号 (信息处理费): the draft of 六 states the fee notices sent, their total and the amount actually collected", async () => {
    const withFees: ReportFigureSources = {
      ...quietSources,
      applications: async () => ({ table3: { columns: [], rows: {} }, openPastDue: 0, feesChargedYuan: 100, feeNotices: { count: 2, amountYuan: 1100 } }),
    };
    const started = await startReport(staff, 2014, withFees);
    assert.equal(
      started.texts.otherMatters,
      "依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本年共发出收费通知2件，总金额1100元，实际收取信息处理费100元。",
    );
    const live = await findReportWorkspace(staff, 2017);
    assert.deepEqual(live.figures.feeNotices, { count: 0, amountYuan: 0 }, "the live figures count the notices of the year");
  });
});

describe("the files as a higher level collects them", () => {
  test("国办公开办函〔2021〕30号 (表格格式): the .xlsx has title rows, the merged multi-level headers, borders, 宋体, and prints on A4 fitted to the width with the header rows repeated", async () => {
    const bytes = await buildReportXlsx((await findPublishedReport(2017))!);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const table3 = workbook.getWorksheet("表三 依申请公开")!;
    assert.equal(table3.getCell("A1").value, `${agencyName}2017年政府信息公开工作年度报告`);
    assert.equal(table3.getCell("A2").value, "三、收到和处理政府信息公开申请情况");
    assert.equal(table3.getCell("A3").value, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
    const merges = (table3.model as unknown as { merges: string[] }).merges;
    for (const range of ["A1:H1", "A3:A5", "B3:H3", "B4:B5", "C4:G4", "H4:H5"]) assert.ok(merges.includes(range), `${range} in ${merges.join(",")}`);
    assert.equal(table3.getCell("B3").value, "申请人情况");
    assert.equal(table3.getCell("C4").value, "法人或其他组织");
    assert.deepEqual(
      ["C5", "D5", "E5", "F5", "G5"].map((address) => table3.getCell(address).value),
      ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"],
    );
    const cell = table3.getCell("B6");
    assert.equal(cell.font.name, "宋体");
    assert.equal(cell.border.top?.style, "thin");
    assert.equal(table3.pageSetup.paperSize, 9, "A4");
    assert.equal(table3.pageSetup.fitToPage, true);
    assert.equal(table3.pageSetup.fitToWidth, 1);
    const definedNames = await (await JSZip.loadAsync(bytes)).file("xl/workbook.xml")!.async("string");
    assert.match(definedNames, /<definedName name="_xlnm.Print_Titles" localSheetId="1">[^<]*!\$3:\$5<\/definedName>/, "Table 3's header rows repeat");
    assert.ok((table3.getColumn(1).width ?? 0) >= 40, "the row names are not cut off");

    const table4 = workbook.getWorksheet("表四 复议诉讼")!;
    const merges4 = (table4.model as unknown as { merges: string[] }).merges;
    for (const range of ["A3:E3", "F3:O3", "A4:A5", "F4:J4", "K4:O4"]) assert.ok(merges4.includes(range), range);
    assert.deepEqual(
      [table4.getCell("A3").value, table4.getCell("F3").value, table4.getCell("F4").value, table4.getCell("K4").value, table4.getCell("F5").value],
      ["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", "结果维持"],
    );
    assert.equal(table4.pageSetup.orientation, "landscape");
  });

  test("GB/T 9704-2012 (公文格式): the .docx uses 仿宋 三号 body, 黑体 headings, 小标宋 二号 title, black text only, page numbers, and repeats Table 3's header rows", async () => {
    const docx = await JSZip.loadAsync(await buildReportDocx((await findPublishedReport(2017))!));
    const xml = await docx.file("word/document.xml")!.async("string");
    assert.doesNotMatch(xml, /<w:pStyle w:val="Heading/, "no Word heading style (blue)");
    const colours = new Set([...xml.matchAll(/<w:color w:val="([0-9A-Fa-f]+)"/g)].map(([, colour]) => colour));
    assert.deepEqual([...colours], ["000000"]);
    assert.match(xml, /w:eastAsia="仿宋"[^>]*\/>(?:<[^>]+>)*?<w:sz w:val="32"\/>/, "仿宋 三号 (16 pt)");
    assert.match(xml, /w:eastAsia="黑体"/);
    assert.match(xml, /w:eastAsia="楷体"/, "二级 headings （一）… in 楷体");
    assert.match(xml, /w:eastAsia="方正小标宋简体"[^>]*\/>(?:<[^>]+>)*?<w:sz w:val="44"\/>/, "title 二号 (22 pt)");
    const table3 = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map(([, table]) => table).find((table) => table.includes("勾稽关系"))!;
    const rows = [...table3.matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].map(([, row]) => row);
    assert.deepEqual(
      rows.slice(0, 4).map((row) => row.includes("<w:tblHeader/>")),
      [true, true, true, false],
    );
    const footers = Object.keys(docx.files).filter((name) => /word\/footer\d*\.xml/.test(name));
    assert.ok(footers.length >= 2, "odd and even page footers");
    for (const name of footers) assert.match(await docx.file(name)!.async("string"), /PAGE/);
    const settings = await docx.file("word/settings.xml")!.async("string");
    assert.match(settings, /<w:evenAndOddHeaders/);
  });
});
