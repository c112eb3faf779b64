import type ExcelJS from "exceljs";

const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
const border: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

export type SheetCell = string | number;

/** A value placed at a row and column (1-based), spanning `rows` × `columns`. */
export type PlacedCell = { value: SheetCell; row: number; column: number; rows?: number; columns?: number; bold?: boolean; left?: boolean };

/**
 * A worksheet laid out as an official table template (the annual report's, the assessment's): a
 * merged title row, bordered cells in one font, merged multi-level headers, A4 fitted to the page
 * width with the header rows repeated on every page.
 */
export class BorderedSheet {
  constructor(
    readonly sheet: ExcelJS.Worksheet,
    readonly width: number,
    readonly style: { font: string; pageFooter: string },
  ) {}

  /** The title across the table, and a second row under it (a heading, or a smaller note). */
  titleRows(title: string, second: string, secondStyle: { size: number; bold: boolean; height: number; wrap: boolean }): void {
    this.sheet.mergeCells(1, 1, 1, this.width);
    const top = this.sheet.getCell(1, 1);
    top.value = title;
    top.font = { name: this.style.font, size: 16, bold: true };
    top.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    this.sheet.getRow(1).height = 42;
    this.sheet.mergeCells(2, 1, 2, this.width);
    const under = this.sheet.getCell(2, 1);
    under.value = second;
    under.font = { name: this.style.font, size: secondStyle.size, bold: secondStyle.bold };
    under.alignment = { horizontal: "left", vertical: "middle", wrapText: secondStyle.wrap };
    this.sheet.getRow(2).height = secondStyle.height;
  }

  /** One table cell (merged when it spans), bordered on every cell it covers. */
  place({ value, row, column, rows = 1, columns = 1, bold = false, left = false }: PlacedCell): void {
    if (rows > 1 || columns > 1) this.sheet.mergeCells(row, column, row + rows - 1, column + columns - 1);
    for (let r = row; r < row + rows; r++)
      for (let c = column; c < column + columns; c++) {
        const each = this.sheet.getCell(r, c);
        each.border = border;
        each.font = { name: this.style.font, size: 11, bold };
        each.alignment = { horizontal: left ? "left" : "center", vertical: "middle", wrapText: true };
      }
    this.sheet.getCell(row, column).value = value;
  }

  /** A4, fitted to one page wide, the header rows repeated on every page, centred horizontally. */
  pageSetup(orientation: "portrait" | "landscape", headerRows: string): void {
    this.sheet.pageSetup = {
      paperSize: 9,
      orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: headerRows,
      margins: { left: 0.6, right: 0.6, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    };
    this.sheet.headerFooter = { oddFooter: this.style.pageFooter };
  }
}
