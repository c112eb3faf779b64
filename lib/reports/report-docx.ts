import {
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import {
  reportSignature,
  sectionHeadings,
  table3Layout,
  table3ColumnLabels,
  table4CellLabels,
  table4GroupLabels,
  type ReportSnapshot,
} from "@/lib/reports/report-document";
import { reportFormat } from "@/lib/reports/report-format";

/**
 * The report as a 公文 (GB/T 9704-2012 《党政机关公文格式》): A4 with the standard margins, title in
 * 小标宋 (宋体 where it is missing) 二号, body in 仿宋 三号 on a fixed 28 pt line with two characters
 * of indent, 一级 headings in 黑体 and 二级 headings ("（一）…") in 楷体, page numbers "— 1 —" in 宋体
 * 四号 at the outer edge, and the 落款 (agency and date) at the end. Every run names its fonts and
 * colour, so nothing inherits Word's blue heading style.
 */
const eastAsian = (name: string) => ({ ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: name });
const fonts = {
  title: eastAsian(reportFormat.fonts.title),
  body: eastAsian(reportFormat.fonts.body),
  heading1: eastAsian(reportFormat.fonts.heading1),
  heading2: eastAsian(reportFormat.fonts.heading2),
  table: eastAsian(reportFormat.fonts.table),
  pageNumber: { ascii: reportFormat.fonts.table, hAnsi: reportFormat.fonts.table, eastAsia: reportFormat.fonts.table },
};
/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt. */
const size = { title: 44, body: 32, pageNumber: 28, table: 21 };
const BLACK = "000000";
/** One character of 三号 in twips (16 pt). */
const CHARACTER = 320;
const bodyLine = { line: 560, lineRule: LineRuleType.EXACT };
const millimetres = (value: number) => Math.round((value / 25.4) * 1440);

function run(value: string | number, font: typeof fonts.body, runSize: number, bold = false): TextRun {
  return new TextRun({ text: String(value), font, size: runSize, bold, color: BLACK });
}

function cell(value: string | number, options: { bold?: boolean; columnSpan?: number; rowSpan?: number; left?: boolean } = {}): TableCell {
  return new TableCell({
    verticalAlign: VerticalAlign.CENTER,
    columnSpan: options.columnSpan,
    rowSpan: options.rowSpan,
    children: [
      new Paragraph({
        alignment: options.left ? AlignmentType.LEFT : AlignmentType.CENTER,
        children: [run(value, fonts.table, size.table, options.bold)],
      }),
    ],
  });
}

/** The type area's width (版心 156 mm) in twips. */
const TYPE_AREA = millimetres(156);

/** Column widths in twips: the first column `first` of the type area, the rest shared equally. */
function columns(count: number, first: number): number[] {
  const firstWidth = Math.round(TYPE_AREA * first);
  const rest = Math.floor((TYPE_AREA - firstWidth) / (count - 1));
  return [firstWidth, ...new Array(count - 1).fill(rest)];
}

/** A table of fixed column widths whose first `headerRows` rows repeat at the top of every page it runs onto. */
function table(rows: TableCell[][], widths: number[], headerRows = 0): Table {
  return new Table({
    width: { size: TYPE_AREA, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: rows.map((cells, index) => new TableRow({ children: cells, tableHeader: index < headerRows, cantSplit: true })),
  });
}

const secondLevel = /^（[一二三四五六七八九十]+）/;

function body(textBlock: string): Paragraph[] {
  const lines = textBlock.split(/\n+/).filter((line) => line.trim());
  return (lines.length ? lines : [reportFormat.none]).map((line) => {
    const text = line.trim();
    const heading = secondLevel.test(text);
    return new Paragraph({
      indent: { firstLine: 2 * CHARACTER },
      spacing: bodyLine,
      alignment: AlignmentType.JUSTIFIED,
      outlineLevel: heading ? 1 : undefined,
      children: [run(text, heading ? fonts.heading2 : fonts.body, size.body)],
    });
  });
}

const heading = (value: string) =>
  new Paragraph({
    indent: { firstLine: 2 * CHARACTER },
    spacing: bodyLine,
    outlineLevel: 0,
    keepNext: true,
    children: [run(value, fonts.heading1, size.body)],
  });

/** Page numbers as GB/T 9704 prints them: "— 1 —", odd pages at the right, even pages at the left, one character in. */
function pageNumberFooter(alignment: (typeof AlignmentType)["LEFT"] | (typeof AlignmentType)["RIGHT"]): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment,
        indent: alignment === AlignmentType.RIGHT ? { right: 280 } : { left: 280 },
        children: [new TextRun({ font: fonts.pageNumber, size: size.pageNumber, color: BLACK, children: ["— ", PageNumber.CURRENT, " —"] })],
      }),
    ],
  });
}

/** The report as a Word document with the same tables and texts as the published page. */
export async function buildReportDocx(snapshot: ReportSnapshot): Promise<Buffer> {
  const { figures, texts } = snapshot;
  const t2 = figures.table2;
  const f2 = reportFormat.table2;
  const table2 = table(
    [
      [cell(f2.articles.regulations, { bold: true, columnSpan: 4 })],
      [cell(f2.content, { bold: true }), cell(f2.issued, { bold: true }), cell(f2.repealed, { bold: true }), cell(f2.inForce, { bold: true })],
      [cell(f2.rows.regulations), cell(t2.regulations.issued), cell(t2.regulations.repealed), cell(t2.regulations.inForce)],
      [cell(f2.rows.normativeDocuments), cell(t2.normativeDocuments.issued), cell(t2.normativeDocuments.repealed), cell(t2.normativeDocuments.inForce)],
      [cell(f2.articles.licensing, { bold: true, columnSpan: 4 })],
      [cell(f2.content, { bold: true }), cell(f2.decisions, { bold: true, columnSpan: 3 })],
      [cell(f2.rows.licensing), cell(t2.licensing, { columnSpan: 3 })],
      [cell(f2.articles.penalties, { bold: true, columnSpan: 4 })],
      [cell(f2.content, { bold: true }), cell(f2.decisions, { bold: true, columnSpan: 3 })],
      [cell(f2.rows.penalties), cell(t2.penalties, { columnSpan: 3 })],
      [cell(f2.rows.coercion), cell(t2.coercion, { columnSpan: 3 })],
      [cell(f2.articles.fees, { bold: true, columnSpan: 4 })],
      [cell(f2.content, { bold: true }), cell(f2.feeAmount, { bold: true, columnSpan: 3 })],
      [cell(f2.rows.fees), cell(t2.feesTenThousandYuan, { columnSpan: 3 })],
    ],
    columns(4, 0.34),
  );
  const table3 = table(
    [
      [cell(reportFormat.table3.balanceNote, { rowSpan: 3, bold: true }), cell(reportFormat.table3.applicants, { bold: true, columnSpan: 7 })],
      [
        cell(table3ColumnLabels.person, { bold: true, rowSpan: 2 }),
        cell(table3ColumnLabels.organisations, { bold: true, columnSpan: 5 }),
        cell(table3ColumnLabels.total, { bold: true, rowSpan: 2 }),
      ],
      table3ColumnLabels.kinds.map((label) => cell(label, { bold: true })),
      ...table3Layout(figures.outcomes).map((row) => {
        const label = cell(`${"　".repeat(row.level)}${row.label}`, { left: true, bold: row.level === 0 });
        if (!row.key) return [label, cell("", { columnSpan: 7 })];
        return [label, ...(figures.table3.rows[row.key] ?? new Array(7).fill(0)).map((value) => cell(value))];
      }),
    ],
    columns(8, 0.4),
    3,
  );
  const table4 = table(
    [
      [cell(reportFormat.table4.review, { bold: true, columnSpan: 5 }), cell(reportFormat.table4.litigation, { bold: true, columnSpan: 10 })],
      [
        ...table4CellLabels.map((label) => cell(label, { bold: true, rowSpan: 2 })),
        cell(table4GroupLabels[1], { bold: true, columnSpan: 5 }),
        cell(table4GroupLabels[2], { bold: true, columnSpan: 5 }),
      ],
      [...table4CellLabels, ...table4CellLabels].map((label) => cell(label, { bold: true })),
      figures.table4.map((value) => cell(value)),
    ],
    columns(15, 1 / 15),
    3,
  );
  const signature = reportSignature(snapshot);
  const document = new Document({
    creator: snapshot.agencyName,
    title: snapshot.title,
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: {
          page: {
            size: { width: millimetres(210), height: millimetres(297) },
            margin: { top: millimetres(37), bottom: millimetres(35), left: millimetres(28), right: millimetres(26), footer: millimetres(28) },
          },
        },
        footers: { default: pageNumberFooter(AlignmentType.RIGHT), even: pageNumberFooter(AlignmentType.LEFT) },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { line: 700, lineRule: LineRuleType.EXACT, after: 560 },
            keepLines: true,
            children: [run(snapshot.title, fonts.title, size.title)],
          }),
          ...(snapshot.correctionNotice
            ? [
                new Paragraph({
                  indent: { firstLine: 2 * CHARACTER },
                  spacing: bodyLine,
                  children: [run(`${reportFormat.correctionNotice}${snapshot.correctionNotice}`, fonts.body, size.body)],
                }),
              ]
            : []),
          heading(sectionHeadings[0]),
          ...body(texts.overview),
          heading(sectionHeadings[1]),
          table2,
          heading(sectionHeadings[2]),
          table3,
          heading(sectionHeadings[3]),
          table4,
          heading(sectionHeadings[4]),
          ...body(texts.problems),
          heading(sectionHeadings[5]),
          ...body(texts.otherMatters),
          // The 落款: a blank line, then the agency two characters from the right and the date four.
          new Paragraph({ spacing: bodyLine, children: [] }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            indent: { right: 2 * CHARACTER },
            spacing: bodyLine,
            keepNext: true,
            children: [run(signature.agencyName, fonts.body, size.body)],
          }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            indent: { right: 4 * CHARACTER },
            spacing: bodyLine,
            children: [run(signature.date, fonts.body, size.body)],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
