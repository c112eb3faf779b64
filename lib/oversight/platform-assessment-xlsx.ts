import ExcelJS from "exceljs";
import { messages } from "@/lib/i18n";
import { figureKeys, type DeadlineFigure } from "@/lib/oversight/assessment-figures";
import { describePeriod } from "@/lib/oversight/assessment-period";
import type { PlatformAssessment } from "@/lib/oversight/platform-assessment";
import { reportFormat } from "@/lib/reports/report-format";
import { BorderedSheet, type SheetCell } from "@/lib/spreadsheets/bordered-sheet";

/**
 * The view across the agencies as the 政务公开办 files it, laid out like the dashboard's own
 * workbook (lib/oversight/assessment-xlsx.ts): 总览 — one row per agency in rank order, each figure's
 * on-time rate and the overall counts and rate, a 合计 row and a 平均 row under them; 件数 — each
 * figure's on-time and late counts. Rates are numbers formatted as percentages (an office sorts them).
 */
const m = messages.assessment;
const p = m.platform;
const style = { font: reportFormat.fonts.table, pageFooter: reportFormat.xlsxPageFooter };
const percent = "0.0%";

const rateOf = (figure: DeadlineFigure): number | null => (figure.onTime + figure.late === 0 ? null : figure.onTime / (figure.onTime + figure.late));

/** A rate as a percentage cell, or "—" without one. */
function placeRate(sheet: BorderedSheet, rate: number | null, row: number, column: number, bold = false): void {
  sheet.place({ value: rate ?? p.unranked, row, column, bold });
  if (rate !== null) sheet.sheet.getCell(row, column).numFmt = percent;
}

function placeRow(sheet: BorderedSheet, cells: SheetCell[], row: number, bold = false): void {
  cells.forEach((value, index) => sheet.place({ value, row, column: index + 1, bold, left: index === 2 }));
}

export async function buildPlatformAssessmentXlsx(assessment: PlatformAssessment, governmentName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = governmentName;
  const title = p.exportTitle(describePeriod(assessment.period));
  workbook.title = title;
  const note = p.exportNote(assessment.today, assessment.registersJudgedOn);
  const lead = [p.columns.rank, p.columns.code, p.columns.agency];

  // 总览: 名次 | 机关代码 | 机关 | each figure's 按时率 | 综合: 按时, 逾期, 按时率.
  const overviewWidth = lead.length + figureKeys.length + 3;
  const overview = new BorderedSheet(workbook.addWorksheet(p.exportSheets.overview), overviewWidth, style);
  overview.titleRows(title, note, { size: 10, bold: false, height: 32, wrap: true });
  lead.forEach((header, index) => overview.place({ value: header, row: 3, column: index + 1, rows: 2, bold: true }));
  overview.place({ value: m.columns.rate, row: 3, column: lead.length + 1, columns: figureKeys.length, bold: true });
  figureKeys.forEach((figure, index) => overview.place({ value: p.shortFigures[figure], row: 4, column: lead.length + 1 + index, bold: true }));
  const overallColumn = lead.length + figureKeys.length + 1;
  overview.place({ value: p.columns.overall, row: 3, column: overallColumn, columns: 3, bold: true });
  [m.columns.onTime, m.columns.late, p.columns.overallRate].forEach((header, index) =>
    overview.place({ value: header, row: 4, column: overallColumn + index, bold: true }),
  );
  let row = 5;
  for (const agency of assessment.agencies) {
    placeRow(overview, [agency.rank ?? p.unranked, agency.code, agency.name], row);
    figureKeys.forEach((figure, index) => placeRate(overview, rateOf(agency.figures[figure]), row, lead.length + 1 + index));
    overview.place({ value: agency.overall.onTime, row, column: overallColumn });
    overview.place({ value: agency.overall.late, row, column: overallColumn + 1 });
    placeRate(overview, agency.rate, row, overallColumn + 2);
    row++;
  }
  placeRow(overview, ["", "", p.totalRow], row, true);
  figureKeys.forEach((figure, index) => placeRate(overview, rateOf(assessment.total.figures[figure]), row, lead.length + 1 + index, true));
  overview.place({ value: assessment.total.overall.onTime, row, column: overallColumn, bold: true });
  overview.place({ value: assessment.total.overall.late, row, column: overallColumn + 1, bold: true });
  placeRate(overview, assessment.total.rate, row, overallColumn + 2, true);
  row++;
  placeRow(overview, ["", "", p.averageRow], row, true);
  overview.place({ value: p.averageNote, row, column: lead.length + 1, columns: figureKeys.length + 2, left: true });
  placeRate(overview, assessment.averageRate, row, overallColumn + 2, true);
  overview.sheet.getRow(3).height = 24;
  overview.sheet.getRow(4).height = 30;
  overview.sheet.columns.forEach((column, index) => (column.width = index === 0 ? 6 : index === 1 ? 12 : index === 2 ? 30 : 10));
  overview.pageSetup("landscape", "3:4");

  // 件数: 名次 | 机关代码 | 机关 | each figure's 按时, 逾期 (the figure's name merged over its two columns).
  const countsWidth = lead.length + figureKeys.length * 2;
  const counts = new BorderedSheet(workbook.addWorksheet(p.exportSheets.counts), countsWidth, style);
  counts.titleRows(`${title} · ${p.exportSheets.counts}`, note, { size: 10, bold: false, height: 32, wrap: true });
  lead.forEach((header, index) => counts.place({ value: header, row: 3, column: index + 1, rows: 2, bold: true }));
  figureKeys.forEach((figure, index) => {
    const column = lead.length + 1 + index * 2;
    counts.place({ value: p.shortFigures[figure], row: 3, column, columns: 2, bold: true });
    counts.place({ value: figure === "registerFreshness" ? m.fresh : m.columns.onTime, row: 4, column, bold: true });
    counts.place({ value: figure === "registerFreshness" ? m.stale : m.columns.late, row: 4, column: column + 1, bold: true });
  });
  row = 5;
  const countCells = (figures: PlatformAssessment["total"]["figures"]) => figureKeys.flatMap((figure) => [figures[figure].onTime, figures[figure].late]);
  for (const agency of assessment.agencies) placeRow(counts, [agency.rank ?? p.unranked, agency.code, agency.name, ...countCells(agency.figures)], row++);
  placeRow(counts, ["", "", p.totalRow, ...countCells(assessment.total.figures)], row, true);
  counts.sheet.getRow(3).height = 24;
  counts.sheet.getRow(4).height = 30;
  counts.sheet.columns.forEach((column, index) => (column.width = index === 0 ? 6 : index === 1 ? 12 : index === 2 ? 30 : 7));
  counts.pageSetup("landscape", "3:4");

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
