import assert from "node:assert/strict";
import { afterEach, describe, test } from "node:test";
import ExcelJS from "exceljs";
import { resetConfig } from "@/lib/config";
import {
  buildTemplateDownload,
  defineImportTemplate,
  ImportProblemList,
  ImportRejectedError,
  maxImportBytes,
  maxImportMegabytes,
  optionalDate,
  problem,
  readImport,
  requiredText,
} from "@/lib/imports";
import { formatCsv, writeXlsx } from "@/lib/spreadsheets";

/** A small template with every kind of column: parsed, unique, a long code, a free text. */
const template = defineImportTemplate({
  fileName: "测试模板",
  sheetName: "测试",
  maxRows: 100,
  columns: {
    number: { header: "编号", required: true, unique: true, parse: requiredText("编号", 10) },
    code: {
      header: "统一社会信用代码",
      required: true,
      longCode: true,
      parse: (text: string) => (text.length === 18 || !text ? text : problem("应为 18 位。")),
    },
    date: { header: "日期", required: true, parse: optionalDate },
    until: { header: "截止日期", parse: optionalDate },
    note: { header: "备注", note: "可留空", width: 30 },
  },
});
const header = ["编号", "统一社会信用代码", "日期", "截止日期", "备注"];
const csv = (rows: string[][]) => ({ name: "测试.csv", bytes: new TextEncoder().encode(formatCsv([header, ...rows])) });

afterEach(() => {
  delete process.env.IMPORT_MAX_MB;
  resetConfig();
});

describe("the import pipeline", () => {
  test("good rows come back typed, with the row numbers the user sees", async () => {
    const sheet = await readImport(
      template,
      csv([
        ["A1", "91231081MA1ABCDE0X", "2017/3/1", "", "甲"],
        ["A2", "", "2017年3月2日", "2018-03-01", ""],
      ]),
    );
    assert.equal(sheet.problems.count, 0);
    assert.deepEqual(sheet.rows, [
      { rowNumber: 2, values: { number: "A1", code: "91231081MA1ABCDE0X", date: "2017-03-01", until: null, note: "甲" } },
      { rowNumber: 3, values: { number: "A2", code: "", date: "2017-03-02", until: "2018-03-01", note: "" } },
    ]);
  });

  test("every problem of every row, by row then left to right; the row check runs for rows with refused cells too", async () => {
    const seenByCheck: (string | null | undefined)[] = [];
    const sheet = await readImport(
      template,
      csv([
        ["A1", "123", "2017-02-30", "2017-01-01", ""],
        ["", "91231081MA1ABCDE0X", "2017-03-01", "2017-01-01", ""],
        ["A1", "91231081MA1ABCDE0X", "2017-03-01", "", ""],
        ["A4", "91231081MA1ABCDE0X", "2017-03-01", "", "好"],
      ]),
      {
        row: (values, { text, report, complete }) => {
          seenByCheck.push(values.date);
          if (values.date && values.until && values.until < values.date) report("until", "截止日期早于日期。");
          if (text.until && !text.note) report("note", "有截止日期时请填写备注。");
          return complete();
        },
      },
    );
    assert.deepEqual(
      sheet.problems.list().map((entry) => [entry.row, entry.column, entry.message]),
      [
        [2, "统一社会信用代码", "应为 18 位。"],
        [2, "日期", "“2017-02-30”不是有效日期（例如 2019-03-01）。"],
        [2, "备注", "有截止日期时请填写备注。"],
        [3, "编号", "请填写编号。"],
        [3, "截止日期", "截止日期早于日期。"],
        [3, "备注", "有截止日期时请填写备注。"],
        [4, "编号", "与第 2 行的编号重复。"],
      ],
    );
    assert.deepEqual(seenByCheck, [undefined, "2017-03-01", "2017-03-01", "2017-03-01"], "a refused cell has no value");
    assert.deepEqual(
      sheet.rows.map((row) => row.rowNumber),
      [5],
      "only the good row",
    );
    assert.throws(
      () => sheet.problems.rejectIfAny(),
      (error: unknown) =>
        error instanceof ImportRejectedError &&
        error.status === 422 &&
        error.code === "import_rejected" &&
        error.problems.length === 7 &&
        /7 处问题/.test(error.message),
    );
  });

  test("a long code that Excel stored as a number says why it is wrong", async () => {
    const bytes = new Uint8Array(
      await writeXlsx([{ name: "测试", columns: header.map((text) => ({ header: text })), rows: [["A1", 12345678901234567, "2017-03-01", "", ""]] }]),
    );
    const sheet = await readImport(template, { name: "测试.xlsx", bytes });
    assert.equal(sheet.problems.list()[0].column, "统一社会信用代码");
    assert.match(sheet.problems.list()[0].message, /^应为 18 位。（该单元格是数字格式/);
  });

  test("a file that cannot be used is refused at once, as a problem of the whole file or of the header row", async () => {
    await assert.rejects(
      readImport(template, csv([])),
      (error: unknown) => error instanceof ImportRejectedError && error.problems[0].row === null && error.problems[0].column === null,
    );
    await assert.rejects(readImport(template, { name: "x.csv", bytes: new TextEncoder().encode("编号,日期\nA1,2017-01-01\n") }), (error: unknown) => {
      assert.ok(error instanceof ImportRejectedError);
      assert.deepEqual(error.problems, [{ row: 1, column: "统一社会信用代码", message: "缺少此列，请使用下载的模板。" }]);
      return true;
    });
    const tooMany = csv(Array.from({ length: 101 }, (_, index) => [`N${index}`, "", "2017-01-01", "", ""]));
    await assert.rejects(readImport(template, tooMany), (error: unknown) => error instanceof ImportRejectedError && /100 行/.test(error.problems[0].message));
  });

  test("one size limit, IMPORT_MAX_MB (default 20): a larger file is refused before it is read", async () => {
    assert.equal(maxImportMegabytes({}), 20);
    assert.equal(maxImportMegabytes({ IMPORT_MAX_MB: "50" }), 50);
    assert.equal(maxImportBytes({ IMPORT_MAX_MB: "1" }), 1024 * 1024);
    for (const wrong of ["0", "1.5", "lots", "2048"]) assert.throws(() => maxImportMegabytes({ IMPORT_MAX_MB: wrong }), /IMPORT_MAX_MB/);
    process.env.IMPORT_MAX_MB = "1";
    resetConfig();
    const large = { name: "大.csv", bytes: new Uint8Array(1024 * 1024 + 1).fill(0x41) };
    await assert.rejects(readImport(template, large), (error: unknown) => error instanceof ImportRejectedError && /超过 1 MB/.test(error.problems[0].message));
  });

  test("the template download is written from the same declaration: headers in order, notes, text columns", async () => {
    const csvTemplate = await buildTemplateDownload(template, "csv");
    assert.equal(csvTemplate.fileName, "测试模板.csv");
    assert.equal(csvTemplate.contentType, "text/csv; charset=utf-8");
    assert.equal(new TextDecoder("utf-8", { ignoreBOM: true }).decode(csvTemplate.body), `\uFEFF${header.join(",")}\r\n`);
    const xlsxTemplate = await buildTemplateDownload(template);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsxTemplate.body) as never);
    const sheet = workbook.worksheets[0];
    assert.equal(sheet.name, "测试");
    assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), header);
    assert.equal(sheet.getColumn(2).numFmt, "@", "a long code is kept as text");
    assert.ok(sheet.getCell("E1").note);
  });

  test("problems are listed by row, then in the template's column order, the whole file first", () => {
    const list = new ImportProblemList<"a" | "b">((key) => ({ a: "甲", b: "乙" })[key], ["甲", "乙"]);
    list.add(3, "b", "x");
    list.add(3, "a", "y");
    list.add(2, "b", "z");
    list.add(null, null, "w");
    assert.deepEqual(
      list.list().map((entry) => `${entry.row}:${entry.column}`),
      ["null:null", "2:乙", "3:甲", "3:乙"],
    );
  });
});

describe("the OpenAPI document", () => {
  test("every import route is marked as an import, and its 422 is the uniform {errors: [{row, column, message}]}", async () => {
    const { operations } = await import("@/lib/openapi/operations");
    const { buildOpenApiDocument } = await import("@/lib/openapi/document");
    const imports = operations.filter((operation) => operation.method === "post" && operation.path.endsWith("/import"));
    assert.deepEqual(imports.map((operation) => operation.path).sort(), [
      "/api/v1/admin/applications/import",
      "/api/v1/admin/decisions/import",
      "/api/v1/admin/inspections/inspectors/import",
      "/api/v1/admin/inspections/targets/import",
      "/api/v1/admin/proposals/import",
    ]);
    const document = buildOpenApiDocument() as {
      paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, { schema: unknown }> }> }>>;
      components: { schemas: Record<string, { required?: string[]; properties?: Record<string, unknown> }> };
    };
    for (const operation of imports) {
      assert.equal(operation.imports, true, operation.path);
      const schema = document.paths[operation.path].post.responses["422"].content["application/json"].schema;
      assert.deepEqual(schema, { oneOf: [{ $ref: "#/components/schemas/ImportRejected" }, { $ref: "#/components/schemas/Error" }] }, operation.path);
    }
    assert.deepEqual(document.components.schemas.ImportRejected.required, ["errors", "error"]);
    assert.deepEqual(document.components.schemas.ImportProblem.required, ["row", "column", "message"]);
  });
});
