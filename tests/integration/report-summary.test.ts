import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { submitApplication } from "@/lib/applications/submit-application";
import { loadActingUser, type ActingUser } from "@/lib/auth/acting-user";
import { db } from "@/lib/db";
import { setAnnualFeeIncome } from "@/lib/decisions/fee-income";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { computeIdNumberCheckCharacter } from "@/lib/identifiers";
import { findPublishedReport, findReportWorkspace, startReport } from "@/lib/reports/manage-reports";
import { computeReportSummary, type AnnualReportSummary } from "@/lib/reports/summary-report";
import { buildSummaryXlsx } from "@/lib/reports/summary-xlsx";
import { seedDemoData } from "@/prisma/seed/seed-demo";
import { readXlsxSheet } from "../support/office-tables";
import { useMigratedTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * The 政务公开办's summary of the annual reports over the platform's agencies (集约化, issue 15):
 * `GET /api/v1/reports/annual/{year}/summary` and its .xlsx, on the demo platform (the bureau with
 * its published 2017 report, the education bureau, the government and its office).
 */

let database: TestDatabase;
const usernames = ["supervisor", "platform", "staff", "admin", "leader", "staff2"] as const;
const users = {} as Record<(typeof usernames)[number], ActingUser>;

const idNumber = `23010319900101123${computeIdNumberCheckCharacter("23010319900101123")}`;
const application = (agencyCode: string) => ({
  applicantType: "natural_person",
  name: "赵汇总",
  idType: "resident_id",
  idNumber,
  phone: "13812345678",
  email: "zhao@example.com",
  address: "绥芬河市光明街 8 号",
  description: "本校区学位划分方案全文",
  deliveryMethod: "email",
  agencyCode,
});

const newApplications = (summaryRow: { table3: { rows: Record<string, number[]> } }) => summaryRow.table3.rows.new?.[6] ?? 0;
const rowOf = (summary: AnnualReportSummary, code: string) => summary.agencies.find((agency) => agency.code === code)!;
const sum = (summary: AnnualReportSummary, pick: (row: AnnualReportSummary["agencies"][number]) => number) =>
  summary.agencies.reduce((total, row) => total + pick(row), 0);

before(async () => {
  database = await useMigratedTestDatabase();
  await seedDemoData(() => {});
  for (const username of usernames) {
    const row = await db.user.findUniqueOrThrow({ where: { username } });
    users[username] = (await loadActingUser(row.id))!;
  }
});
after(async () => {
  await database.drop();
});

describe("the summary of a year's reports over the agencies", () => {
  test("2017: the bureau's report as it was published, every other agency late; the tables are the sums of the rows", async () => {
    const summary = await computeReportSummary(users.supervisor, 2017);
    const agencies = await db.agency.count();
    assert.equal(summary.agencies.length, agencies, "every agency of the platform");
    assert.equal(summary.dueOn, "2018-01-31");

    const published = (await findPublishedReport(2017))!;
    const bureau = rowOf(summary, "SFHCGJ");
    assert.equal(bureau.status, "published", "published by 31 January 2018");
    assert.equal(bureau.figuresFrom, "published");
    assert.equal(bureau.publishedAt, published.publicationDate ?? published.publishedAt.slice(0, 10));
    assert.deepEqual(bureau.table2, published.figures.table2);
    assert.deepEqual(bureau.table4, published.figures.table4);
    for (const row of summary.agencies.filter((agency) => agency.code !== "SFHCGJ")) {
      assert.equal(row.status, "late", `${row.code} never published its 2017 report`);
      assert.equal(row.publishedAt, null);
      assert.equal(row.figuresFrom, "live");
    }

    assert.ok(summary.table2.licensing > 0, "the demo's licensing decisions of 2017");
    assert.equal(
      summary.table2.licensing,
      sum(summary, (row) => row.table2.licensing),
    );
    assert.equal(
      summary.table2.normativeDocuments.inForce,
      sum(summary, (row) => row.table2.normativeDocuments.inForce),
    );
    assert.equal(newApplications(summary), sum(summary, newApplications));
    summary.table4.forEach((value, index) =>
      assert.equal(
        value,
        sum(summary, (row) => row.table4[index]),
      ),
    );
  });

  test("an application made to the education bureau counts there and in the sum; a subset sums only its agencies", async () => {
    const year = 2026;
    const before = await computeReportSummary(users.supervisor, year);
    await submitApplication(application("SFHJYJ"), { clientKey: "summary-1" });
    const afterwards = await computeReportSummary(users.supervisor, year);
    assert.equal(newApplications(rowOf(afterwards, "SFHJYJ")), newApplications(rowOf(before, "SFHJYJ")) + 1);
    assert.equal(newApplications(rowOf(afterwards, "SFHCGJ")), newApplications(rowOf(before, "SFHCGJ")), "not the bureau's");
    assert.equal(newApplications(afterwards), newApplications(before) + 1);

    // The education bureau's own report workspace counts it too: the same figures as the summary's row.
    const workspace = await findReportWorkspace(users.staff2, year);
    assert.equal(workspace.figures.table3.rows.new[6], newApplications(rowOf(afterwards, "SFHJYJ")));
    assert.equal(workspace.agencyName, rowOf(afterwards, "SFHJYJ").name);

    const subset = await computeReportSummary(users.platform, year, "sfhjyj，SFHCGJ");
    assert.deepEqual(
      subset.agencies.map((row) => row.code),
      afterwards.agencies.filter((row) => ["SFHJYJ", "SFHCGJ"].includes(row.code)).map((row) => row.code),
    );
    assert.equal(newApplications(subset), newApplications(rowOf(afterwards, "SFHJYJ")) + newApplications(rowOf(afterwards, "SFHCGJ")));
  });

  test("the status follows each agency's own report, and each agency enters its own fee income", async () => {
    const year = 2026;
    assert.equal(rowOf(await computeReportSummary(users.supervisor, year), "SFHJYJ").status, "not_started", "not yet due on 2 December");
    await startReport(users.staff2, year);
    const summary = await computeReportSummary(users.supervisor, year);
    assert.equal(rowOf(summary, "SFHJYJ").status, "draft");
    assert.equal(rowOf(summary, "SFHCGJ").status, "not_started", "the other agency's report is its own");

    await setAnnualFeeIncome(users.staff2, { year, amountTenThousandYuan: "1.25" });
    const withFees = await computeReportSummary(users.supervisor, year);
    assert.equal(rowOf(withFees, "SFHJYJ").table2.feesTenThousandYuan, 1.25);
    assert.equal(rowOf(withFees, "SFHCGJ").table2.feesTenThousandYuan, rowOf(summary, "SFHCGJ").table2.feesTenThousandYuan);
    assert.equal((await findReportWorkspace(users.staff2, year)).figures.table2.feesTenThousandYuan, 1.25);
  });

  test("only the platform roles read it; an unknown agency code is a field error", async () => {
    for (const role of ["staff", "admin", "leader", "staff2"] as const) await assert.rejects(computeReportSummary(users[role], 2017), ForbiddenError, role);
    await assert.rejects(findReportWorkspace(users.supervisor, 2017, undefined, 987654), NotFoundError, "a platform role naming no agency");
    await assert.rejects(
      computeReportSummary(users.supervisor, 2017, "SFHCGJ,NOPE"),
      (error) => error instanceof ValidationError && /NOPE/.test(error.fields.agencies?.[0] ?? ""),
    );
  });

  test("the .xlsx: one row per agency with its status and figures, a 合计 row, then 表二–表四 summed in the official layout", async () => {
    const summary = await computeReportSummary(users.supervisor, 2017);
    const bytes = await buildSummaryXlsx(summary, { agencyName: "绥芬河市人民政府", date: "2026年12月2日" });
    const sheet = await readXlsxSheet(bytes, "分机关");
    const header = sheet[2].map(String);
    assert.ok(header.includes("年报状态") && header.includes("行政许可"));
    const bureau = sheet.find((row) => row[0] === "SFHCGJ")!;
    assert.equal(bureau[2], "已按时发布");
    assert.equal(bureau[header.indexOf("行政许可")], rowOf(summary, "SFHCGJ").table2.licensing);
    const total = sheet.find((row) => row[1] === "合计")!;
    assert.equal(total[header.indexOf("行政许可")], summary.table2.licensing);
    const table2 = await readXlsxSheet(bytes, "表二 主动公开");
    const licensingRow = table2.find((row) => row[0] === "行政许可")!;
    assert.equal(licensingRow[1], summary.table2.licensing, "表二 holds the summed licensing decisions");
    assert.ok(table2.flat().includes("绥芬河市人民政府"), "signed by the government (落款)");
  });
});
