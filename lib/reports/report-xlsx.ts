import ExcelJS from "exceljs";
import { table3ColumnLabels, table3Layout, table4CellLabels, table4GroupLabels, type ReportSnapshot } from "@/lib/reports/report-document";
import { reportFormat } from "@/lib/reports/report-format";

/** The three tables of the report as a workbook, one sheet each. */
export async function buildReportXlsx(snapshot: ReportSnapshot): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = snapshot.agencyName;
  const { figures } = snapshot;
  const t2 = figures.table2;
  const f2 = reportFormat.table2;
  const sheet2 = workbook.addWorksheet(f2.sheetName);
  sheet2.addRows([
    [f2.articles.regulations],
    [f2.content, f2.issued, f2.repealed, f2.inForce],
    [f2.rows.regulations, t2.regulations.issued, t2.regulations.repealed, t2.regulations.inForce],
    [f2.rows.normativeDocuments, t2.normativeDocuments.issued, t2.normativeDocuments.repealed, t2.normativeDocuments.inForce],
    [f2.articles.licensing],
    [f2.content, f2.decisions],
    [f2.rows.licensing, t2.licensing],
    [f2.articles.penalties],
    [f2.content, f2.decisions],
    [f2.rows.penalties, t2.penalties],
    [f2.rows.coercion, t2.coercion],
    [f2.articles.fees],
    [f2.content, f2.feeAmount],
    [f2.rows.fees, t2.feesTenThousandYuan],
  ]);
  const sheet3 = workbook.addWorksheet(reportFormat.table3.sheetName);
  sheet3.addRow(["", table3ColumnLabels.person, ...table3ColumnLabels.kinds, table3ColumnLabels.total]);
  for (const row of table3Layout(figures.outcomes)) {
    sheet3.addRow([`${"　".repeat(row.level)}${row.label}`, ...(row.key ? (figures.table3.rows[row.key] ?? new Array(7).fill(0)) : [])]);
  }
  const sheet4 = workbook.addWorksheet(reportFormat.table4.sheetName);
  sheet4.addRow(table4GroupLabels.flatMap((group) => table4CellLabels.map((label) => `${group}-${label}`)));
  sheet4.addRow(figures.table4);
  for (const sheet of [sheet2, sheet3, sheet4]) sheet.columns.forEach((column) => (column.width = 16));
  sheet3.getColumn(1).width = 48;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
