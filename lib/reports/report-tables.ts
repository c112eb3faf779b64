import { messages } from "@/lib/i18n";
import { reportFormat } from "@/lib/reports/report-format";
/**
 * The tables of the annual report in the 2021 official format (国办公开办函〔2021〕30号), as plain
 * data, and the checks a report must pass before review. Pure: no database.
 */

/** Table 3's seven columns, in the official order: 自然人, five kinds of 法人或其他组织, 总计. */
export const applicantColumns = ["natural_person", "business", "research", "public_interest", "legal_service", "other"] as const;
export type ApplicantColumn = (typeof applicantColumns)[number];
export const table3ColumnCount = applicantColumns.length + 1;

/** Seven numbers: the six applicant columns, then 总计. */
export type Table3Row = number[];

export type Table2 = {
  regulations: { issued: number; repealed: number; inForce: number };
  normativeDocuments: { issued: number; repealed: number; inForce: number };
  licensing: number;
  penalties: number;
  coercion: number;
  /** 行政事业性收费, 万元. */
  feesTenThousandYuan: number;
};

export type Table3 = {
  columns: string[];
  /** `new`, `carried_in`, one row per outcome slug (official order), `total`, `carried_out`. */
  rows: Record<string, Table3Row>;
};

/** Fifteen numbers: 行政复议 [维持, 纠正, 其他, 尚未审结, 总计], 行政诉讼未经复议 [same], 复议后起诉 [same]. */
export type Table4 = number[];

export type ReportCheck = { code: string; message: string };
export type ReportChecks = { passed: boolean; blocking: ReportCheck[]; warnings: ReportCheck[] };

export function sumRow(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** A Table 3 row from the six applicant counts, with 总计 computed. */
export function table3Row(counts: Partial<Record<ApplicantColumn, number>>): Table3Row {
  const values = applicantColumns.map((column) => counts[column] ?? 0);
  return [...values, sumRow(values)];
}

const columnLabels = [reportFormat.table3.person, ...reportFormat.table3.kinds, reportFormat.table3.total];
const c = messages.reports.checkMessages;

/**
 * The blocking checks of the official format. `outcomes` are the 21 outcome rows in order, each
 * with the name the table prints (the messages name rows as the office reads them, never by slug);
 * `previousCarriedOut` is last year's published 四 (null when there is no published report).
 */
export function checkReportTables(
  table3: Table3,
  table4: Table4,
  outcomes: readonly { slug: string; label: string }[],
  previousCarriedOut: Table3Row | null,
): ReportCheck[] {
  const problems: ReportCheck[] = [];
  const row = (key: string) => table3.rows[key] ?? new Array(table3ColumnCount).fill(0);
  const outcomeSlugs = outcomes.map((outcome) => outcome.slug);
  const fixedRows = reportFormat.table3.rows;
  const rowNames: [string, string][] = [
    ["new", fixedRows.new],
    ["carried_in", fixedRows.carriedIn],
    ...outcomes.map((outcome): [string, string] => [outcome.slug, outcome.label]),
    ["total", fixedRows.total],
    ["carried_out", fixedRows.carriedOut],
  ];
  for (const [key, name] of rowNames) {
    const values = row(key);
    if (sumRow(values.slice(0, 6)) !== values[6]) {
      problems.push({ code: "table3_row_total", message: c.table3RowTotal(name, values[6], sumRow(values.slice(0, 6))) });
    }
  }
  for (let column = 0; column < table3ColumnCount; column++) {
    const outcomes = sumRow(outcomeSlugs.map((slug) => row(slug)[column]));
    if (outcomes !== row("total")[column]) {
      problems.push({ code: "table3_outcome_total", message: c.table3OutcomeTotal(columnLabels[column], row("total")[column], outcomes) });
    }
    const left = row("new")[column] + row("carried_in")[column];
    const right = row("total")[column] + row("carried_out")[column];
    if (left !== right) {
      problems.push({ code: "table3_balance", message: c.table3Balance(columnLabels[column], left, right) });
    }
    if (previousCarriedOut && previousCarriedOut[column] !== row("carried_in")[column]) {
      problems.push({
        code: "table3_carry_over",
        message: c.table3CarryOver(columnLabels[column], row("carried_in")[column], previousCarriedOut[column]),
      });
    }
  }
  const groups = reportFormat.table4.groupsInFull;
  groups.forEach((label, index) => {
    const cells = table4.slice(index * 5, index * 5 + 5);
    if (sumRow(cells.slice(0, 4)) !== cells[4]) {
      problems.push({ code: "table4_total", message: c.table4Total(label, cells[4], sumRow(cells.slice(0, 4))) });
    }
  });
  return problems;
}
