import ExcelJS from "exceljs";
import { messages } from "@/lib/i18n";
import { liveFigureSources } from "@/lib/reports/live-figure-sources";
import { reportFormat } from "@/lib/reports/report-format";
import type { Table2, Table3, Table4 } from "@/lib/reports/report-tables";
import { addReportTables } from "@/lib/reports/report-xlsx";
import type { AnnualReportSummary } from "@/lib/reports/summary-report";
import { BorderedSheet, type SheetCell } from "@/lib/spreadsheets/bordered-sheet";

const t = messages.reports.summary;

/** Table 2's ten numbers in the order of the per-agency sheet's columns. */
function table2Cells(table2: Table2): number[] {
  return [
    table2.regulations.issued,
    table2.regulations.repealed,
    table2.regulations.inForce,
    table2.normativeDocuments.issued,
    table2.normativeDocuments.repealed,
    table2.normativeDocuments.inForce,
    table2.licensing,
    table2.penalties,
    table2.coercion,
    table2.feesTenThousandYuan,
  ];
}

/** Table 3's totals (the 总计 column) of 新收, 上年结转, 办结 and 结转下年度. */
function table3Cells(table3: Table3): number[] {
  return ["new", "carried_in", "total", "carried_out"].map((row) => table3.rows[row]?.[6] ?? 0);
}

/** Table 4's three 总计 cells, and the cases still pending over all three. */
function table4Cells(table4: Table4): number[] {
  return [table4[4], table4[9], table4[14], table4[3] + table4[8] + table4[13]];
}

/**
 * The summary as the 政务公开办 files it: a first sheet with one row per agency (its report's status
 * and figures side by side, a 合计 row under them), then 表二, 表三 and 表四 summed over the agencies
 * in the official layout of the annual report (lib/reports/report-xlsx.ts). A4 landscape, fitted to
 * the page width, the header rows repeated on every page.
 */
export async function buildSummaryXlsx(summary: AnnualReportSummary, signature: { agencyName: string; date: string }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = signature.agencyName;
  workbook.title = t.title(summary.year);

  const labels = [
    t.codeColumn,
    t.agencyColumn,
    t.statusColumn,
    t.publishedAtColumn,
    t.figuresFromColumn,
    ...Object.values(t.table2Columns),
    ...Object.values(t.table3Columns),
    ...Object.values(t.table4Columns),
  ];
  const sheet = new BorderedSheet(workbook.addWorksheet(t.sheetNames.agencies), labels.length, {
    font: reportFormat.fonts.table,
    pageFooter: reportFormat.xlsxPageFooter,
  });
  sheet.titleRows(t.title(summary.year), t.intro(summary.dueOn), { size: 10, bold: false, height: 32, wrap: true });
  labels.forEach((value, index) => sheet.place({ value, row: 3, column: index + 1, bold: true }));
  let row = 4;
  const line = (cells: SheetCell[], bold = false) => {
    cells.forEach((value, index) => sheet.place({ value, row, column: index + 1, bold, left: index === 1 }));
    row++;
  };
  for (const agency of summary.agencies)
    line([
      agency.code,
      agency.name,
      t.status[agency.status],
      agency.publishedAt ?? "",
      t.figuresFrom[agency.figuresFrom],
      ...table2Cells(agency.table2),
      ...table3Cells(agency.table3),
      ...table4Cells(agency.table4),
    ]);
  line(
    [
      "",
      t.totalRow,
      t.agencyCount(summary.agencies.length),
      "",
      "",
      ...table2Cells(summary.table2),
      ...table3Cells(summary.table3),
      ...table4Cells(summary.table4),
    ],
    true,
  );
  sheet.sheet.getRow(3).height = 45;
  sheet.sheet.columns.forEach((column, index) => (column.width = index === 1 ? 30 : index < 5 ? 12 : 9));
  sheet.pageSetup("landscape", "3:3");

  addReportTables(workbook, {
    title: t.title(summary.year),
    signature,
    figures: { table2: summary.table2, table3: summary.table3, table4: summary.table4, outcomes: [...liveFigureSources.outcomes()] },
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
