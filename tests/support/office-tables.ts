import ExcelJS from "exceljs";
import JSZip from "jszip";

/** The text of an OOXML fragment: the runs' text, entities decoded. */
function textOf(xml: string): string {
  return xml
    .replace(/<[^>]+>/g, "")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&amp;", "&")
    .trim();
}

/** Every table of a .docx, as rows of cell texts (a merged cell counts once). */
export async function readDocxTables(bytes: Uint8Array | Buffer): Promise<string[][][]> {
  const xml = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map(([, table]) =>
    [...table.matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].map(([, row]) => [...row.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(([, cell]) => textOf(cell))),
  );
}

/** The plain text of a .docx body. */
export async function readDocxText(bytes: Uint8Array | Buffer): Promise<string> {
  return textOf(await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string"));
}

/** The cell values of one sheet of an .xlsx, row by row (1-based cells become a 0-based array). */
export async function readXlsxSheet(bytes: Uint8Array | Buffer, sheetName: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet(sheetName);
  if (!sheet) throw new Error(`No sheet ${sheetName}: ${workbook.worksheets.map((each) => each.name).join(", ")}`);
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values = row.values as unknown[];
    rows.push(values.slice(1));
  });
  return rows;
}
