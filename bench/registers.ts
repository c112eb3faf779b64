/**
 * Measurements that belong to other domains, through their own data-layer functions: annual
 * report figures for a year with 10,000 applications (imported as a 台账 ledger), and a
 * 10,000-row 双公示 import (after 40,000 earlier ones, so the register holds 50,000 decisions).
 * Each step that cannot run (module missing or changed) is reported, not fatal.
 */
import pg from "pg";

export type TimedStep = { seconds: number | null; note: string };
export type RegisterResults = { report: TimedStep; import: TimedStep; applications: number; decisions: number };

const REPORT_YEAR = 2025;
const DECISION_ROWS = 10_000;
const EARLIER_DECISION_FILES = 4;

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const details = (error as { details?: unknown })?.details;
  return `failed: ${message}${details ? ` ${JSON.stringify(details).slice(0, 200)}` : ""}`.slice(0, 300);
}

/** A 科员 (staff): the role that imports ledgers and 双公示 files. */
async function benchStaff(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const section = await client.query<{ id: number }>(`SELECT "id" FROM "Section" ORDER BY "id" LIMIT 1`);
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO "User" ("username", "displayName", "passwordHash", "role", "sectionId", "updatedAt")
       VALUES ('bench-staff', '基准测试科员', 'x', 'staff', $1, now())
       ON CONFLICT ("username") DO UPDATE SET "role" = 'staff' RETURNING "id"`,
      [section.rows[0].id],
    );
    const { loadActingUser } = await import("@/lib/auth/acting-user");
    return (await loadActingUser(rows[0].id))!;
  } finally {
    await client.end();
  }
}

async function countRows(url: string, table: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query(`SELECT count(*) FROM "${table}"`)).rows[0].count);
  } catch {
    return 0;
  } finally {
    await client.end();
  }
}

function csvOf(header: string[], rows: string[][]): Uint8Array {
  const escape = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  return new TextEncoder().encode([header, ...rows].map((row) => row.map(escape).join(",")).join("\n") + "\n");
}

async function creditCode(serial: number): Promise<string> {
  const { computeCreditCodeCheckCharacter } = await import("@/lib/identifiers/credit-code");
  const first = `91231081MA${String(serial).padStart(7, "0")}`.slice(0, 17);
  return first + computeCreditCodeCheckCharacter(first);
}

async function licenseFile(file: number): Promise<Uint8Array> {
  const { decisionColumns } = await import("@/lib/decisions/decision-fields");
  const columns = decisionColumns("license");
  const authority = await creditCode(1);
  const rows: string[][] = [];
  for (let index = 0; index < DECISION_ROWS; index++) {
    const serial = file * DECISION_ROWS + index;
    const day = new Date(Date.UTC(2025, 0, 2) + (serial % 300) * 86_400_000).toISOString().slice(0, 10);
    const values: Record<string, string> = {
      counterpartyName: `绥芬河市某商贸有限公司第${serial}分店`,
      counterpartyCategory: "法人及非法人组织",
      creditCode: await creditCode(100_000 + serial),
      legalRepresentative: "张某",
      idNumber: "",
      documentNumber: `绥城管许〔2025〕B${serial}号`,
      licenseName: "设置大型户外广告许可",
      licenseContent: `准予在永福街${serial % 200}号设置户外广告牌匾一块，面积${(serial % 20) + 2}平方米。`,
      decisionDate: day,
      validFrom: day,
      validUntil: "2027-12-31",
      authorityName: "绥芬河市城市管理和综合行政执法局",
      authorityCreditCode: authority,
      dataSourceName: "绥芬河市城市管理和综合行政执法局",
      remarks: "",
    };
    rows.push(columns.map((column) => values[column.key] ?? ""));
  }
  return csvOf(
    columns.map((column) => column.header),
    rows,
  );
}

async function measureImport(url: string, log: (line: string) => void): Promise<TimedStep> {
  try {
    const actor = await benchStaff(url);
    const { importDecisions } = await import("@/lib/decisions/import-decisions");
    const existing = await countRows(url, "AdministrativeDecision");
    for (let file = Math.floor(existing / DECISION_ROWS); file < EARLIER_DECISION_FILES; file++) {
      log(`  双公示: importing file ${file + 1} of ${EARLIER_DECISION_FILES + 1} (${DECISION_ROWS.toLocaleString("en")} rows)…`);
      await importDecisions(actor, { kind: "license", file: { name: `bench-${file}.csv`, bytes: await licenseFile(file) } });
    }
    const bytes = await licenseFile(EARLIER_DECISION_FILES);
    log(
      `  双公示: the measured ${DECISION_ROWS.toLocaleString("en")}-row import (the register then holds ${((EARLIER_DECISION_FILES + 1) * DECISION_ROWS).toLocaleString("en")})…`,
    );
    const start = performance.now();
    const { batchId } = await importDecisions(actor, { kind: "license", file: { name: "bench-measured.csv", bytes } });
    const seconds = Math.round((performance.now() - start) / 10) / 100;
    // Taken out again, so that the next run of the bench measures the same import.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DELETE FROM "AdministrativeDecision" WHERE "importBatchId" = $1`, [batchId]);
    await client.end();
    return { seconds, note: "" };
  } catch (error) {
    return { seconds: null, note: reasonOf(error) };
  }
}

async function measureReport(url: string, log: (line: string) => void): Promise<TimedStep> {
  try {
    const actor = await benchStaff(url);
    const { importApplicationLedger } = await import("@/lib/reports/ledger-import");
    const { applicationOutcomes } = await import("@/lib/applications/outcomes");
    if ((await countRows(url, "Application")) < 10_000) {
      log("  importing a ledger of 10,000 applications…");
      const types = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"];
      const rows: string[][] = [];
      for (let index = 0; index < 10_000; index++) {
        const received = new Date(Date.UTC(REPORT_YEAR, 0, 2) + (index % 330) * 86_400_000);
        const closed = new Date(received.getTime() + ((index % 15) + 1) * 86_400_000);
        rows.push([
          `BENCH-${REPORT_YEAR}-${String(index + 1).padStart(5, "0")}`,
          received.toISOString().slice(0, 10),
          types[index % types.length],
          applicationOutcomes[index % applicationOutcomes.length].slug,
          closed.toISOString().slice(0, 10),
        ]);
      }
      await importApplicationLedger(actor, { name: "bench-ledger.csv", bytes: csvOf(["申请编号", "收到日期", "申请人类型", "办理结果", "办结日期"], rows) });
    }
    const { computeReportFigures } = await import("@/lib/reports/compute-report");
    const { liveFigureSources } = await import("@/lib/reports/live-figure-sources");
    const scope = { agencyId: actor.agencyId };
    await computeReportFigures(REPORT_YEAR, liveFigureSources, scope);
    const times: number[] = [];
    for (let round = 0; round < 3; round++) {
      const start = performance.now();
      await computeReportFigures(REPORT_YEAR, liveFigureSources, scope);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    return { seconds: Math.round(times[1] / 10) / 100, note: "figures of the report (tables 1–5), median of 3" };
  } catch (error) {
    return { seconds: null, note: reasonOf(error) };
  }
}

export async function runRegisterBenchmarks(url: string, log: (line: string) => void): Promise<RegisterResults> {
  log("Annual report for a year with 10,000 applications…");
  const report = await measureReport(url, log);
  log(`  ${report.seconds === null ? report.note : `${report.seconds} s`}`);
  log("双公示 import…");
  const importStep = await measureImport(url, log);
  log(`  ${importStep.seconds === null ? importStep.note : `${importStep.seconds} s`}`);
  // At the end of the measured import the register held the earlier files plus that one.
  const decisions = (await countRows(url, "AdministrativeDecision")) + (importStep.seconds === null ? 0 : DECISION_ROWS);
  return { report, import: importStep, applications: await countRows(url, "Application"), decisions };
}
