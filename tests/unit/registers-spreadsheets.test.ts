import assert from "node:assert/strict";
import { describe, test } from "node:test";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import {
  CsvEncodingError,
  decodeCsvBytes,
  detectSpreadsheetFormat,
  formatCsv,
  parseCsv,
  parseSpreadsheetDate,
  readTable,
  UnreadableSpreadsheetError,
  writeCsv,
  writeXlsx,
} from "@/lib/spreadsheets";

const columns = [
  { key: "name", header: "行政相对人名称", required: true },
  { key: "code", header: "统一社会信用代码", required: true },
  { key: "amount", header: "罚没金额", aliases: ["罚没金额（万元）"] },
  { key: "date", header: "决定日期", required: true },
] as const;

const utf8 = (text: string) => new TextEncoder().encode(text);

async function xlsxFrom(rows: unknown[][], configure?: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("数据");
  for (const row of rows) sheet.addRow(row);
  configure?.(sheet);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("CSV", () => {
  test("quoted fields keep commas, doubled quotes and line breaks; CRLF, LF and CR all end rows", () => {
    const text = 'a,"b,1","say ""hi"""\r\n"two\nlines",,x\ny,z\rlast,"" ';
    assert.deepEqual(parseCsv(text), [
      ["a", "b,1", 'say "hi"'],
      ["two\nlines", "", "x"],
      ["y", "z"],
      ["last", " "],
    ]);
  });

  test("a final line break does not add a row; a BOM is dropped; empty input has no rows", () => {
    assert.deepEqual(parseCsv("\uFEFF名称,代码\r\n甲,1\r\n"), [
      ["名称", "代码"],
      ["甲", "1"],
    ]);
    assert.deepEqual(parseCsv(""), []);
    assert.deepEqual(parseCsv("a,\n"), [["a", ""]]);
  });

  test("UTF-8 is read with or without BOM; bytes that are not UTF-8 are read as GB18030 (Excel's Chinese CSV)", () => {
    assert.deepEqual(decodeCsvBytes(utf8("\uFEFF名称")), { text: "名称", encoding: "utf-8" });
    assert.deepEqual(decodeCsvBytes(utf8("名称")), { text: "名称", encoding: "utf-8" });
    // "名称" in GBK.
    assert.deepEqual(decodeCsvBytes(new Uint8Array([0xc3, 0xfb, 0xb3, 0xc6])), { text: "名称", encoding: "gb18030" });
    // A four-byte GB18030 character (CJK Extension B, in names of people and companies).
    assert.deepEqual(decodeCsvBytes(new Uint8Array(iconv.encode("𬭚", "gb18030"))), { text: "𬭚", encoding: "gb18030" });
    // The encoding may be chosen instead of detected.
    assert.deepEqual(decodeCsvBytes(new Uint8Array([0xc3, 0xfb]), "gb18030"), { text: "名", encoding: "gb18030" });
  });

  test("bytes that are neither UTF-8 nor GB18030 are refused, not imported as mojibake", async () => {
    const neither = new Uint8Array([0x41, 0x2c, 0x81, 0x20, 0x0a]);
    assert.throws(() => decodeCsvBytes(neither), CsvEncodingError);
    assert.throws(() => decodeCsvBytes(new Uint8Array([0xc3, 0xfb, 0xb3, 0xc6]), "utf-8"), CsvEncodingError, "a chosen encoding is not second-guessed");
    const table = await readTable(neither, { columns, fileName: "x.csv" });
    assert.equal(table.format, null);
    assert.match(table.problems[0].message, /UTF-8 或 GB18030/);
  });

  test("written CSV starts with a BOM, quotes what needs it, neutralises formulas, and reads back unchanged", async () => {
    const rows = [
      ["=SUM(A1)", "含,逗号", 'a "quote"', "+86 123", "-", "普通"],
      ["@x", "多\n行", "", "'=keep", "1.5", "中文"],
    ];
    const text = formatCsv(rows);
    assert.ok(text.startsWith("\uFEFF"));
    assert.ok(text.includes("'=SUM(A1)") && text.includes("'+86 123") && text.includes("'@x"));
    assert.ok(!/(^|,)=SUM/m.test(text.slice(1)), "no cell starts with a formula");
    const header = columns.map((column) => column.header);
    const csv = writeCsv({ columns: header.map((h) => ({ header: h })), rows: [["甲公司", "=1+1", "0.5", "2017-03-15"]] });
    const table = await readTable(utf8(csv), { columns, fileName: "x.csv" });
    assert.deepEqual(table.problems, []);
    assert.deepEqual(table.rows[0].values, { name: "甲公司", code: "=1+1", amount: "0.5", date: "2017-03-15" });
    const back = parseCsv(decodeCsvBytes(utf8(text)).text);
    assert.equal(back[1][1], "多\n行");
  });
});

describe("reading tables", () => {
  test("an .xlsx maps headers (aliases, spaces, a required star, full-width brackets) to keys and keeps sheet row numbers", async () => {
    const bytes = await xlsxFrom([
      ["行政许可决定信息"],
      [],
      ["* 行政相对人名称", "统一社会信用 代码", "罚没金额(万元)", "决定日期"],
      ["甲公司", "91231081MA1ABCDE0X", 1.25, new Date(Date.UTC(2017, 2, 15))],
      [],
      ["乙公司", "230103199001011234", 3, "2017/4/1"],
    ]);
    const table = await readTable(bytes, { columns, fileName: "台账.xlsx" });
    assert.equal(table.format, "xlsx");
    assert.deepEqual(table.problems, []);
    assert.equal(table.headerRowNumber, 3);
    assert.deepEqual(
      table.rows.map((row) => row.rowNumber),
      [4, 6],
    );
    assert.deepEqual(table.rows[0].values, { name: "甲公司", code: "91231081MA1ABCDE0X", amount: "1.25", date: "2017-03-15" });
    assert.deepEqual(table.rows[1].values, { name: "乙公司", code: "230103199001011234", amount: "3", date: "2017/4/1" });
  });

  test("rich text, formulas and hyperlinks are read as the text they show", async () => {
    const bytes = await xlsxFrom([["行政相对人名称", "统一社会信用代码", "决定日期"]], (sheet) => {
      sheet.addRow([
        { richText: [{ text: "甲" }, { text: "公司", font: { bold: true } }] },
        { formula: '"9123"&"1081"', result: "91231081" },
        { text: "2017-05-02", hyperlink: "http://x" },
      ]);
    });
    const table = await readTable(bytes, { columns, fileName: "x.xlsx" });
    assert.deepEqual(table.rows[0].values, { name: "甲公司", code: "91231081", amount: "", date: "2017-05-02" });
  });

  test("header problems: missing required columns, a column twice, unknown columns when rejected; no data rows", async () => {
    const bytes = utf8("行政相对人名称,行政相对人名称,备注字段\n甲,乙,丙\n");
    const strict = await readTable(bytes, { columns, fileName: "x.csv", unknownColumns: "reject" });
    assert.deepEqual(strict.rows, []);
    assert.deepEqual(
      strict.problems.map((problem) => [problem.row, problem.column]),
      [
        [1, "行政相对人名称"],
        [1, "备注字段"],
        [1, "统一社会信用代码"],
        [1, "决定日期"],
      ],
    );
    assert.ok(strict.problems.every((problem) => /[\u4e00-\u9fff]/.test(problem.message)));
    const lenient = await readTable(utf8("行政相对人名称,统一社会信用代码,决定日期,序号\n甲,1,2017-01-01,1\n"), { columns, fileName: "x.csv" });
    assert.deepEqual(lenient.problems, []);
    assert.deepEqual(lenient.columnsPresent, ["name", "code", "date"]);
    const headerOnly = await readTable(utf8("行政相对人名称,统一社会信用代码,决定日期\n,,\n"), { columns, fileName: "x.csv" });
    assert.equal(headerOnly.problems.length, 1);
    assert.equal(headerOnly.problems[0].row, null);
  });

  test("rows blank in every one of the table's columns are skipped (a pre-numbered 序号 column)", async () => {
    const table = await readTable(utf8("序号,行政相对人名称,统一社会信用代码,决定日期\n1,甲,1,2017-01-01\n2,,,\n3,乙,2,2017-01-02\n4,,,\n"), {
      columns,
      fileName: "x.csv",
    });
    assert.deepEqual(table.problems, []);
    assert.deepEqual(
      table.rows.map((row) => row.rowNumber),
      [2, 4],
    );
  });

  test("an .xlsx row says which of its cells were numbers (Excel keeps 15 digits of those)", async () => {
    const bytes = await xlsxFrom([
      ["行政相对人名称", "统一社会信用代码", "决定日期"],
      ["甲公司", 912310810000000000, "2017-01-01"],
      ["乙公司", "91231081MA1ABCDE0X", "2017-01-01"],
    ]);
    const table = await readTable(bytes, { columns, fileName: "x.xlsx" });
    assert.deepEqual(
      table.rows.map((row) => row.numericKeys ?? []),
      [["code"], []],
    );
  });

  test("too many rows is one problem, not a slow import", async () => {
    const text = ["行政相对人名称,统一社会信用代码,决定日期", ...Array.from({ length: 6 }, (_, i) => `甲${i},1,2017-01-01`)].join("\n");
    const table = await readTable(utf8(text), { columns, fileName: "x.csv", maxRows: 5 });
    assert.equal(table.rows.length, 0);
    assert.match(table.problems[0].message, /5/);
  });

  test("files that are not spreadsheets are refused with a reason", async () => {
    assert.throws(
      () => detectSpreadsheetFormat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), "old.xls"),
      (error: unknown) => error instanceof UnreadableSpreadsheetError && /xlsx/.test(error.message),
    );
    assert.throws(() => detectSpreadsheetFormat(utf8("%PDF-1.4"), "a.pdf"), UnreadableSpreadsheetError);
    assert.throws(() => detectSpreadsheetFormat(new Uint8Array([1, 0, 2, 0]), "a.csv"), UnreadableSpreadsheetError);
    assert.throws(() => detectSpreadsheetFormat(new Uint8Array(), "a.csv"), UnreadableSpreadsheetError);
    assert.equal(detectSpreadsheetFormat(utf8("a,b"), "data.CSV"), "csv");
    const broken = await readTable(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9]), { columns, fileName: "x.xlsx" });
    assert.equal(broken.format, null);
    assert.match(broken.problems[0].message, /无法读取/);
  });
});

describe("writing workbooks", () => {
  test("the header is bold and frozen, text columns keep 18-digit numbers, notes are comments; it reads back", async () => {
    const bytes = await writeXlsx([
      {
        name: "行政许可",
        columns: [{ header: "行政相对人名称" }, { header: "统一社会信用代码", text: true, note: "18位" }, { header: "罚没金额" }, { header: "决定日期" }],
        rows: [
          ["甲公司", "230103199001011234", 1.5, "2017-03-15"],
          ["乙公司", "00123", null, undefined],
        ],
      },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as never);
    const sheet = workbook.worksheets[0];
    assert.equal(sheet.name, "行政许可");
    assert.equal(sheet.getRow(1).font?.bold, true);
    assert.equal(sheet.views[0].state, "frozen");
    assert.equal(sheet.getCell("B2").numFmt, "@");
    assert.equal(sheet.getCell("B2").value, "230103199001011234");
    assert.ok(sheet.getCell("B1").note);
    const table = await readTable(new Uint8Array(bytes), { columns, fileName: "x.xlsx" });
    assert.deepEqual(
      table.rows.map((row) => row.values),
      [
        { name: "甲公司", code: "230103199001011234", amount: "1.5", date: "2017-03-15" },
        { name: "乙公司", code: "00123", amount: "", date: "" },
      ],
    );
  });
});

describe("dates typed in spreadsheets", () => {
  test("common forms become YYYY-MM-DD; impossible days and other text are null", () => {
    for (const text of ["2017-03-15", "2017/3/15", "2017.3.15", "2017年3月15日", "20170315", " 2017-3-15 ", "2017-03-15 00:00:00"]) {
      assert.equal(parseSpreadsheetDate(text), "2017-03-15", text);
    }
    for (const text of ["2017-02-30", "2017-13-01", "15/03/2017", "三月", "", "2017-03-15 10:30:00"]) assert.equal(parseSpreadsheetDate(text), null, text);
  });
});
