import ExcelJS from "exceljs";
import { applicationOutcomeSlugs, findApplicationOutcome } from "@/lib/applications/outcomes";
import { messages } from "@/lib/i18n";
import type { Assessment } from "@/lib/oversight/assessment";
import type { DeadlineFigure } from "@/lib/oversight/assessment-figures";
import { describePeriod } from "@/lib/oversight/assessment-period";
import { deadlineFigureKeys } from "@/lib/oversight/assessment-records";
import { reportFormat } from "@/lib/reports/report-format";

/**
 * The dashboard's tables as a workbook laid out like the annual report's template
 * (lib/reports/report-xlsx.ts): a merged title row, bordered 宋体 cells, two-level merged headers,
 * A4 fitted to the page width with the header rows repeated. One sheet per table: 总览 (every figure
 * by section), 答复类型, 登记簿, 各月趋势.
 */
const m = messages.assessment;
const FONT = reportFormat.fonts.table;
const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
const border: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

type Cell = string | number;

function titleRow(sheet: ExcelJS.Worksheet, width: number, title: string, note: string): void {
  sheet.mergeCells(1, 1, 1, width);
  const top = sheet.getCell(1, 1);
  top.value = title;
  top.font = { name: FONT, size: 16, bold: true };
  top.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  sheet.getRow(1).height = 42;
  sheet.mergeCells(2, 1, 2, width);
  const second = sheet.getCell(2, 1);
  second.value = note;
  second.font = { name: FONT, size: 10 };
  second.alignment = { horizontal: "left", vertical: "middle", wrapText: true };
  sheet.getRow(2).height = 30;
}

function place(
  sheet: ExcelJS.Worksheet,
  value: Cell,
  row: number,
  column: number,
  options: { rows?: number; columns?: number; bold?: boolean; left?: boolean } = {},
): void {
  const { rows = 1, columns = 1, bold = false, left = false } = options;
  if (rows > 1 || columns > 1) sheet.mergeCells(row, column, row + rows - 1, column + columns - 1);
  for (let r = row; r < row + rows; r++)
    for (let c = column; c < column + columns; c++) {
      const each = sheet.getCell(r, c);
      each.border = border;
      each.font = { name: FONT, size: 11, bold };
      each.alignment = { horizontal: left ? "left" : "center", vertical: "middle", wrapText: true };
    }
  sheet.getCell(row, column).value = value;
}

function pageSetup(sheet: ExcelJS.Worksheet, orientation: "portrait" | "landscape", headerRows: string): void {
  sheet.pageSetup = {
    paperSize: 9,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: headerRows,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = { oddFooter: reportFormat.xlsxPageFooter };
}

/** A figure's two cells (按时, 逾期) and its rate, from `column` on. */
function placeFigure(sheet: ExcelJS.Worksheet, figure: DeadlineFigure, row: number, column: number): void {
  place(sheet, figure.onTime, row, column);
  place(sheet, figure.late, row, column + 1);
  place(sheet, m.rate(figure.onTime, figure.late), row, column + 2);
}

export async function buildAssessmentXlsx(assessment: Assessment, agencyName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = agencyName;
  const period = describePeriod(assessment.period);
  const title = m.exportTitle(agencyName, period);
  workbook.title = title;
  const note = m.exportNote(assessment.today);

  // 总览: 科室 | per figure 按时, 逾期, 按时率 (the figure's name merged over its three columns).
  const figures = ["itemsPublished", "decisionsPublished", "applicationsAnswered", "proposalReplies", "messagesAnswered", "registerFreshness"] as const;
  const overview = workbook.addWorksheet(m.exportSheets.overview);
  const width = 1 + figures.length * 3;
  titleRow(overview, width, title, note);
  place(overview, m.columns.section, 3, 1, { rows: 2, bold: true });
  figures.forEach((figure, index) => {
    const column = 2 + index * 3;
    place(overview, m.figures[figure], 3, column, { columns: 3, bold: true });
    place(overview, figure === "registerFreshness" ? m.fresh : m.columns.onTime, 4, column, { bold: true });
    place(overview, figure === "registerFreshness" ? m.stale : m.columns.late, 4, column + 1, { bold: true });
    place(overview, m.columns.rate, 4, column + 2, { bold: true });
  });
  let row = 5;
  for (const line of [
    ...assessment.sections.map((section) => ({ name: section.name, figures: section.figures, bold: false })),
    { name: m.columns.agency, figures: assessment.agency, bold: true },
  ]) {
    place(overview, line.name, row, 1, { left: true, bold: line.bold });
    figures.forEach((figure, index) => placeFigure(overview, line.figures[figure], row, 2 + index * 3));
    row++;
  }
  place(overview, m.figures.annualReport, row, 1, { left: true, bold: true });
  placeFigure(overview, assessment.agency.annualReport, row, 2);
  place(overview, m.agencyOnly, row, 5, { columns: width - 4, left: true });
  overview.getRow(3).height = 36;
  overview.getRow(4).height = 30;
  overview.columns.forEach((column, index) => (column.width = index === 0 ? 18 : 8));
  pageSetup(overview, "landscape", "3:4");

  // 答复类型: the reply codes of the applications answered in the period (every row of Table 3's part 三).
  const outcomes = workbook.addWorksheet(m.exportSheets.outcomes);
  titleRow(outcomes, 2, `${title} · ${m.columns.outcome}`, note);
  place(outcomes, m.columns.outcome, 3, 1, { bold: true });
  place(outcomes, m.columns.count, 3, 2, { bold: true });
  row = 4;
  for (const slug of applicationOutcomeSlugs) {
    const outcome = findApplicationOutcome(slug);
    place(outcomes, `${outcome.groupName}${outcome.numberInGroup ? ` ${outcome.numberInGroup}.${outcome.rowName}` : ""}`, row, 1, { left: true });
    place(outcomes, assessment.agency.applicationsAnswered.outcomes[slug] ?? 0, row, 2);
    row++;
  }
  outcomes.columns.forEach((column, index) => (column.width = index === 0 ? 60 : 10));
  pageSetup(outcomes, "portrait", "3:3");

  // 登记簿: each register's last update against its column's limit.
  const registers = workbook.addWorksheet(m.exportSheets.registers);
  titleRow(registers, 4, `${title} · ${m.figures.registerFreshness}`, m.registersJudgedOn(assessment.registersJudgedOn));
  [m.columns.register, m.columns.lastUpdated, m.columns.limit, m.columns.status].forEach((header, index) =>
    place(registers, header, 3, index + 1, { bold: true }),
  );
  row = 4;
  for (const register of assessment.agency.registerFreshness.registers) {
    place(registers, register.name, row, 1, { left: true });
    place(registers, register.lastUpdatedOn ?? m.never, row, 2);
    place(registers, register.limitDays === null ? m.noLimit : m.days(register.limitDays), row, 3);
    place(registers, register.stale === null ? "—" : register.stale ? m.stale : m.fresh, row, 4);
    row++;
  }
  registers.columns.forEach((column, index) => (column.width = index === 0 ? 24 : 14));
  pageSetup(registers, "portrait", "3:3");

  // 各月趋势: the agency's deadline figures month by month over the year.
  const trend = workbook.addWorksheet(m.exportSheets.trend);
  const trendWidth = 1 + deadlineFigureKeys.length * 2;
  titleRow(trend, trendWidth, `${title} · ${m.trend.title(assessment.period.year)}`, note);
  place(trend, m.trend.month, 3, 1, { rows: 2, bold: true });
  deadlineFigureKeys.forEach((figure, index) => {
    place(trend, m.figures[figure], 3, 2 + index * 2, { columns: 2, bold: true });
    place(trend, m.columns.onTime, 4, 2 + index * 2, { bold: true });
    place(trend, m.columns.late, 4, 3 + index * 2, { bold: true });
  });
  row = 5;
  for (const month of assessment.trend) {
    place(trend, m.period.monthOption(month.month), row, 1);
    deadlineFigureKeys.forEach((figure, index) => {
      place(trend, month.figures[figure].onTime, row, 2 + index * 2);
      place(trend, month.figures[figure].late, row, 3 + index * 2);
    });
    row++;
  }
  trend.getRow(3).height = 36;
  trend.columns.forEach((column, index) => (column.width = index === 0 ? 10 : 8));
  pageSetup(trend, "landscape", "3:4");

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
