import ExcelJS from "exceljs";
import { applicationOutcomeSlugs, findApplicationOutcome } from "@/lib/applications/outcomes";
import { messages } from "@/lib/i18n";
import type { Assessment } from "@/lib/oversight/assessment";
import type { DeadlineFigure } from "@/lib/oversight/assessment-figures";
import { describePeriod } from "@/lib/oversight/assessment-period";
import { deadlineFigureKeys } from "@/lib/oversight/assessment-records";
import { reportFormat } from "@/lib/reports/report-format";
import { BorderedSheet, type PlacedCell, type SheetCell } from "@/lib/spreadsheets/bordered-sheet";

/**
 * The dashboard's tables as a workbook laid out like the annual report's template
 * (lib/reports/report-xlsx.ts): a merged title row, bordered 宋体 cells, two-level merged headers,
 * A4 fitted to the page width with the header rows repeated. One sheet per table: 总览 (every figure
 * by section), 答复类型, 登记簿, 各月趋势.
 */
const m = messages.assessment;
const style = { font: reportFormat.fonts.table, pageFooter: reportFormat.xlsxPageFooter };

function place(sheet: BorderedSheet, value: SheetCell, row: number, column: number, options: Omit<PlacedCell, "value" | "row" | "column"> = {}): void {
  sheet.place({ value, row, column, ...options });
}

/** The title, and the day the figures were counted on in a smaller row under it. */
function titleRow(sheet: BorderedSheet, title: string, note: string): void {
  sheet.titleRows(title, note, { size: 10, bold: false, height: 30, wrap: true });
}

/** A figure's two cells (按时, 逾期) and its rate, from `column` on. */
function placeFigure(sheet: BorderedSheet, figure: DeadlineFigure, row: number, column: number): void {
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
  const width = 1 + figures.length * 3;
  const overview = new BorderedSheet(workbook.addWorksheet(m.exportSheets.overview), width, style);
  titleRow(overview, title, note);
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
  overview.sheet.getRow(3).height = 36;
  overview.sheet.getRow(4).height = 30;
  overview.sheet.columns.forEach((column, index) => (column.width = index === 0 ? 18 : 8));
  overview.pageSetup("landscape", "3:4");

  // 答复类型: the reply codes of the applications answered in the period (every row of Table 3's part 三).
  const outcomes = new BorderedSheet(workbook.addWorksheet(m.exportSheets.outcomes), 2, style);
  titleRow(outcomes, `${title} · ${m.columns.outcome}`, note);
  place(outcomes, m.columns.outcome, 3, 1, { bold: true });
  place(outcomes, m.columns.count, 3, 2, { bold: true });
  row = 4;
  for (const slug of applicationOutcomeSlugs) {
    const outcome = findApplicationOutcome(slug);
    place(outcomes, `${outcome.groupName}${outcome.numberInGroup ? ` ${outcome.numberInGroup}.${outcome.rowName}` : ""}`, row, 1, { left: true });
    place(outcomes, assessment.agency.applicationsAnswered.outcomes[slug] ?? 0, row, 2);
    row++;
  }
  outcomes.sheet.columns.forEach((column, index) => (column.width = index === 0 ? 60 : 10));
  outcomes.pageSetup("portrait", "3:3");

  // 登记簿: each register's last update against its column's limit.
  const registers = new BorderedSheet(workbook.addWorksheet(m.exportSheets.registers), 4, style);
  titleRow(registers, `${title} · ${m.figures.registerFreshness}`, m.registersJudgedOn(assessment.registersJudgedOn));
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
  registers.sheet.columns.forEach((column, index) => (column.width = index === 0 ? 24 : 14));
  registers.pageSetup("portrait", "3:3");

  // 各月趋势: the agency's deadline figures month by month over the year.
  const trendWidth = 1 + deadlineFigureKeys.length * 2;
  const trend = new BorderedSheet(workbook.addWorksheet(m.exportSheets.trend), trendWidth, style);
  titleRow(trend, `${title} · ${m.trend.title(assessment.period.year)}`, note);
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
  trend.sheet.getRow(3).height = 36;
  trend.sheet.columns.forEach((column, index) => (column.width = index === 0 ? 10 : 8));
  trend.pageSetup("landscape", "3:4");

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
