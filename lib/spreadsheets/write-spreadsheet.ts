import ExcelJS from "exceljs";
import { formatCsv, type CsvCell } from "./csv";

export type SheetColumn = {
  header: string;
  /** Width in characters (default: fits the header). */
  width?: number;
  /** Format the column as text, so Excel keeps long digit strings (ID numbers, codes) and leading zeros. */
  text?: boolean;
  /** Shown as a comment on the header cell: what to enter and in which form. */
  note?: string;
};

export type SheetCell = string | number | boolean | Date | null | undefined;

export type SheetSpec = { name: string; columns: readonly SheetColumn[]; rows: readonly (readonly SheetCell[])[] };

// Sheet names: at most 31 characters, none of : \ / ? * [ ].
function safeSheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, " ").slice(0, 31) || "Sheet1";
}

function headerWidth(text: string): number {
  // CJK characters take about two columns of width.
  return Array.from(text).reduce((width, character) => width + (/[\u2e80-\uffff]/.test(character) ? 2 : 1), 0) + 2;
}

/**
 * Writes an .xlsx workbook: a bold, frozen header row per sheet, text-formatted columns where
 * asked, header notes as comments. Strings are written as strings, never as formulas.
 */
export async function writeXlsx(sheets: readonly SheetSpec[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(0);
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(safeSheetName(spec.name), { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = spec.columns.map((column) => ({
      header: column.header,
      width: column.width ?? Math.max(10, headerWidth(column.header)),
      style: column.text ? { numFmt: "@" } : {},
    }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    spec.columns.forEach((column, index) => {
      if (column.note) header.getCell(index + 1).note = column.note;
    });
    for (const values of spec.rows) {
      const row = sheet.addRow(values.map((value) => (value === undefined ? null : value)));
      spec.columns.forEach((column, index) => {
        if (column.text) row.getCell(index + 1).numFmt = "@";
      });
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csvCell(value: SheetCell): CsvCell {
  if (value instanceof Date) return value.toISOString();
  return value;
}

/** Writes one sheet as UTF-8 CSV with a BOM (so Excel opens it as UTF-8), header row first. */
export function writeCsv(spec: Pick<SheetSpec, "columns" | "rows">): string {
  return formatCsv([spec.columns.map((column) => column.header), ...spec.rows.map((row) => row.map(csvCell))]);
}
