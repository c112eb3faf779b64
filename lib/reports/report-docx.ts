import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import { sectionHeadings, table3Layout, table3ColumnLabels, table4CellLabels, table4GroupLabels, type ReportSnapshot } from "@/lib/reports/report-document";
import { reportFormat } from "@/lib/reports/report-format";

const FONT = "SimSun";

function text(value: string | number, bold = false): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: String(value), bold, font: FONT, size: 20 })] });
}

function cell(value: string | number, options: { bold?: boolean; columnSpan?: number; rowSpan?: number; left?: boolean } = {}): TableCell {
  const paragraph = options.left
    ? new Paragraph({ children: [new TextRun({ text: String(value), bold: options.bold, font: FONT, size: 20 })] })
    : text(value, options.bold);
  return new TableCell({ children: [paragraph], columnSpan: options.columnSpan, rowSpan: options.rowSpan });
}

function table(rows: TableCell[][]): Table {
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: rows.map((cells) => new TableRow({ children: cells })) });
}

function body(textBlock: string): Paragraph[] {
  const lines = textBlock.split(/\n+/).filter((line) => line.trim());
  return (lines.length ? lines : [reportFormat.none]).map(
    (line) => new Paragraph({ indent: { firstLine: 480 }, spacing: { line: 360 }, children: [new TextRun({ text: line.trim(), font: FONT, size: 24 })] }),
  );
}

const heading = (value: string) =>
  new Paragraph({
    heading: HeadingLevel.HEADING_2,
    spacing: { before: 240, after: 120 },
    children: [new TextRun({ text: value, font: FONT, bold: true, size: 28 })],
  });

/** The report as a Word document with the same tables and texts as the published page. */
export async function buildReportDocx(snapshot: ReportSnapshot): Promise<Buffer> {
  const { figures, texts } = snapshot;
  const t2 = figures.table2;
  const f2 = reportFormat.table2;
  const table2 = table([
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
  ]);
  const table3 = table([
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
  ]);
  const table4 = table([
    [cell(reportFormat.table4.review, { bold: true, columnSpan: 5 }), cell(reportFormat.table4.litigation, { bold: true, columnSpan: 10 })],
    [
      ...table4CellLabels.map((label) => cell(label, { bold: true, rowSpan: 2 })),
      cell(table4GroupLabels[1], { bold: true, columnSpan: 5 }),
      cell(table4GroupLabels[2], { bold: true, columnSpan: 5 }),
    ],
    [...table4CellLabels, ...table4CellLabels].map((label) => cell(label, { bold: true })),
    figures.table4.map((value) => cell(value)),
  ]);
  const document = new Document({
    creator: snapshot.agencyName,
    title: snapshot.title,
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [new TextRun({ text: snapshot.title, bold: true, font: FONT, size: 36 })],
          }),
          ...(snapshot.correctionNotice
            ? [
                new Paragraph({
                  children: [new TextRun({ text: `${reportFormat.correctionNotice}${snapshot.correctionNotice}`, bold: true, font: FONT, size: 24 })],
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
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
