import ExcelJS from "exceljs";
import {
  reportSignature,
  sectionHeadings,
  table3ColumnLabels,
  table3Layout,
  table4CellLabels,
  table4GroupLabels,
  type ReportSnapshot,
} from "@/lib/reports/report-document";
import { reportFormat } from "@/lib/reports/report-format";
import { BorderedSheet, type SheetCell } from "@/lib/spreadsheets/bordered-sheet";

/**
 * The three tables of the report as the template a higher level collects: one sheet each, laid out
 * as the published tables (title rows, merged multi-level headers, borders, 宋体), printable on A4
 * (portrait for 表二 and 表三, landscape for the fifteen columns of 表四; fitted to the page width,
 * the header rows repeated on every page), each ending with the 落款.
 */
const FONT = reportFormat.fonts.table;

type Cell = SheetCell;

class SheetWriter extends BorderedSheet {
  constructor(sheet: ExcelJS.Worksheet, width: number) {
    super(sheet, width, { font: FONT, pageFooter: reportFormat.xlsxPageFooter });
  }

  /** The report's title and the section's heading, above the table. */
  reportTitleRows(title: string, heading: string): void {
    this.titleRows(title, heading, { size: 12, bold: true, height: 24, wrap: false });
  }

  /** The 落款 under the table: a blank row, the agency, the date, at the right. */
  signature({ agencyName, date }: ReportTablesSource["signature"], afterRow: number): void {
    [agencyName, date].forEach((value, index) => {
      const row = afterRow + 2 + index;
      this.sheet.mergeCells(row, 1, row, this.width);
      const cell = this.sheet.getCell(row, 1);
      cell.value = value;
      cell.font = { name: FONT, size: 12 };
      cell.alignment = { horizontal: "right", vertical: "middle" };
    });
  }
}

/** What the three tables show: a report's, or a sum over agencies (lib/reports/summary-xlsx.ts). */
export type ReportTablesSource = {
  title: string;
  signature: { agencyName: string; date: string };
  figures: Pick<ReportSnapshot["figures"], "table2" | "table3" | "table4" | "outcomes">;
};

export async function buildReportXlsx(snapshot: ReportSnapshot): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = snapshot.agencyName;
  workbook.title = snapshot.title;
  addReportTables(workbook, { title: snapshot.title, signature: reportSignature(snapshot), figures: snapshot.figures });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Adds the sheets 表二, 表三 and 表四 in the official layout to `workbook`. */
export function addReportTables(workbook: ExcelJS.Workbook, source: ReportTablesSource): void {
  const { figures, title, signature } = source;
  const t2 = figures.table2;
  const f2 = reportFormat.table2;

  // 表二: four blocks of the 第二十条 items, four columns.
  const sheet2 = new SheetWriter(workbook.addWorksheet(f2.sheetName), 4);
  sheet2.reportTitleRows(title, sectionHeadings[1]);
  let row = 3;
  const block = (article: string, header: Cell[], rows: Cell[][]) => {
    sheet2.place({ value: article, row, column: 1, columns: 4, bold: true });
    row++;
    const wide = header.length === 2;
    header.forEach((value, index) => sheet2.place({ value, row, column: index + 1, columns: wide && index === 1 ? 3 : 1, bold: true }));
    row++;
    for (const values of rows) {
      values.forEach((value, index) => sheet2.place({ value, row, column: index + 1, columns: wide && index === 1 ? 3 : 1 }));
      sheet2.sheet.getRow(row).height = 20;
      row++;
    }
  };
  block(
    f2.articles.regulations,
    [f2.content, f2.issued, f2.repealed, f2.inForce],
    [
      [f2.rows.regulations, t2.regulations.issued, t2.regulations.repealed, t2.regulations.inForce],
      [f2.rows.normativeDocuments, t2.normativeDocuments.issued, t2.normativeDocuments.repealed, t2.normativeDocuments.inForce],
    ],
  );
  block(f2.articles.licensing, [f2.content, f2.decisions], [[f2.rows.licensing, t2.licensing]]);
  block(
    f2.articles.penalties,
    [f2.content, f2.decisions],
    [
      [f2.rows.penalties, t2.penalties],
      [f2.rows.coercion, t2.coercion],
    ],
  );
  block(f2.articles.fees, [f2.content, f2.feeAmount], [[f2.rows.fees, t2.feesTenThousandYuan]]);
  sheet2.sheet.columns.forEach((column, index) => (column.width = index === 0 ? 28 : 18));
  sheet2.signature(signature, row - 1);
  sheet2.pageSetup("portrait", "1:2");

  // 表三: the corner note over three header rows, 申请人情况 → 自然人 | 法人或其他组织 (five kinds) | 总计.
  const t3 = reportFormat.table3;
  const sheet3 = new SheetWriter(workbook.addWorksheet(t3.sheetName), 8);
  sheet3.reportTitleRows(title, sectionHeadings[2]);
  sheet3.place({ value: t3.balanceNote, row: 3, column: 1, rows: 3, bold: true });
  sheet3.place({ value: t3.applicants, row: 3, column: 2, columns: 7, bold: true });
  sheet3.place({ value: table3ColumnLabels.person, row: 4, column: 2, rows: 2, bold: true });
  sheet3.place({ value: table3ColumnLabels.organisations, row: 4, column: 3, columns: 5, bold: true });
  sheet3.place({ value: table3ColumnLabels.total, row: 4, column: 8, rows: 2, bold: true });
  table3ColumnLabels.kinds.forEach((label, index) => sheet3.place({ value: label, row: 5, column: 3 + index, bold: true }));
  row = 6;
  for (const line of table3Layout(figures.outcomes)) {
    sheet3.place({ value: `${"　".repeat(line.level)}${line.label}`, row, column: 1, left: true, bold: line.level === 0 });
    if (line.key) (figures.table3.rows[line.key] ?? new Array(7).fill(0)).forEach((value, index) => sheet3.place({ value, row, column: 2 + index }));
    else sheet3.place({ value: "", row, column: 2, columns: 7 });
    // Spreadsheet programs do not grow a row for wrapped text on their own: about 22 characters fit a line.
    sheet3.sheet.getRow(row).height = 18 * Math.max(1, Math.ceil((line.label.length + line.level) / 22));
    row++;
  }
  sheet3.sheet.getRow(3).height = 30;
  sheet3.sheet.getRow(4).height = 30;
  sheet3.sheet.getRow(5).height = 45;
  sheet3.sheet.columns.forEach((column, index) => (column.width = index === 0 ? 46 : 9));
  sheet3.signature(signature, row - 1);
  sheet3.pageSetup("portrait", "3:5");

  // 表四: 行政复议 (five cells over two rows) | 行政诉讼 → 未经复议直接起诉 (five) | 复议后起诉 (five).
  const t4 = reportFormat.table4;
  const sheet4 = new SheetWriter(workbook.addWorksheet(t4.sheetName), 15);
  sheet4.reportTitleRows(title, sectionHeadings[3]);
  sheet4.place({ value: t4.review, row: 3, column: 1, columns: 5, bold: true });
  sheet4.place({ value: t4.litigation, row: 3, column: 6, columns: 10, bold: true });
  table4CellLabels.forEach((label, index) => sheet4.place({ value: label, row: 4, column: 1 + index, rows: 2, bold: true }));
  sheet4.place({ value: table4GroupLabels[1], row: 4, column: 6, columns: 5, bold: true });
  sheet4.place({ value: table4GroupLabels[2], row: 4, column: 11, columns: 5, bold: true });
  [...table4CellLabels, ...table4CellLabels].forEach((label, index) => sheet4.place({ value: label, row: 5, column: 6 + index, bold: true }));
  figures.table4.forEach((value, index) => sheet4.place({ value, row: 6, column: 1 + index }));
  sheet4.sheet.columns.forEach((column) => (column.width = 9));
  sheet4.sheet.getRow(5).height = 30;
  sheet4.signature(signature, 6);
  sheet4.pageSetup("landscape", "3:5");
}
