import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import zlib from "node:zlib";
import { extractAttachmentText } from "../../lib/attachments/extract-text";
import { storeAttachmentFile } from "../../lib/attachments/store-file";
import { assertZipWithinLimits, zipLimits, ZipLimitError } from "../../lib/attachments/zip-limits";
import { ValidationError } from "../../lib/errors";
import { defineImportTemplate, ImportRejectedError, readImport } from "../../lib/imports";
import { readTable, writeXlsx } from "../../lib/spreadsheets";
import { createLocalDirectoryStore } from "../../lib/storage/local-directory-store";
import { deflated, deflatedZeros, officeBomb, zipArchive } from "../support/zip-archive";

/** Runs `work` and reports how much memory it took at most (sampled) and how long. */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T | Error; peakGrowthBytes: number; milliseconds: number }> {
  globalThis.gc?.();
  const used = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const before = used();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, used())), 5);
  const started = performance.now();
  let result: T | Error;
  try {
    result = await work();
  } catch (error) {
    result = error as Error;
  }
  clearInterval(sampler);
  peak = Math.max(peak, used());
  return { result, peakGrowthBytes: peak - before, milliseconds: performance.now() - started };
}

const megabyte = 1024 * 1024;

describe("zip bombs in uploaded office files", () => {
  test("the test bomb is real: its data inflates to what it says", () => {
    assert.equal(zlib.inflateRawSync(deflatedZeros(3)).length, 3 * megabyte);
    assert.ok(deflatedZeros(1024).length < 2 * megabyte, "a gigabyte of zeros fits in under 2 MB");
  });

  test("a file that declares 1 GB inflated is refused from its directory, without inflating", async () => {
    const bomb = officeBomb("xlsx", 1024);
    const { result, peakGrowthBytes, milliseconds } = await measured(() => assertZipWithinLimits(bomb, "报表.xlsx"));
    assert.ok(result instanceof ZipLimitError && result.reason === "size", String(result));
    assert.match(result.message, /「报表\.xlsx」解压后超过 100 MB/);
    assert.ok(peakGrowthBytes < 32 * megabyte, `memory grew by ${Math.round(peakGrowthBytes / megabyte)} MB`);
    assert.ok(milliseconds < 2_000, `took ${Math.round(milliseconds)} ms`);
  });

  test("a directory that lies (1 KB declared, 1 GB inside) is refused as soon as the part inflates past it", async () => {
    const liar = zipArchive([{ name: "xl/worksheets/sheet1.xml", data: deflatedZeros(1024), declaredSize: 1024 }]);
    const { result, peakGrowthBytes } = await measured(() => assertZipWithinLimits(liar, "liar.xlsx"));
    assert.ok(result instanceof ZipLimitError && result.reason === "size", String(result));
    assert.ok(peakGrowthBytes < 32 * megabyte, `memory grew by ${Math.round(peakGrowthBytes / megabyte)} MB`);
  });

  test("more parts than any real document has are refused", async () => {
    const many = zipArchive(
      Array.from({ length: zipLimits.maxEntries + 1 }, (_, index) => ({ name: `p${index}.xml`, data: deflated("<a/>"), declaredSize: 4 })),
    );
    await assert.rejects(
      assertZipWithinLimits(many, "many.docx"),
      (error: unknown) => error instanceof ZipLimitError && error.reason === "entries" && /many\.docx/.test(error.message),
    );
  });

  test("a real workbook passes and is read", async () => {
    const workbook = await writeXlsx([
      {
        name: "表",
        columns: [{ header: "名称" }, { header: "金额" }],
        rows: [
          ["甲", 12],
          ["乙", -3],
        ],
      },
    ]);
    await assertZipWithinLimits(workbook, "ok.xlsx");
    const table = await readTable(workbook, {
      columns: [
        { key: "name", header: "名称" },
        { key: "amount", header: "金额" },
      ],
      fileName: "ok.xlsx",
    });
    assert.deepEqual(table.problems, []);
    assert.deepEqual(
      table.rows.map((row) => row.values),
      [
        { name: "甲", amount: "12" },
        { name: "乙", amount: "-3" },
      ],
    );
  });

  test("an import (readTable: decisions, proposals, ledgers) reports a bomb as a problem naming the file", async () => {
    const { result, peakGrowthBytes } = await measured(() =>
      readTable(officeBomb("xlsx", 1024), { columns: [{ key: "name", header: "名称" }], fileName: "处罚决定.xlsx" }),
    );
    assert.ok(!(result instanceof Error), String(result));
    assert.equal(result.problems.length, 1);
    assert.match(result.problems[0].message, /「处罚决定\.xlsx」解压后超过/);
    assert.ok(peakGrowthBytes < 32 * megabyte);
  });

  test("the import pipeline (every import: decisions, proposals, ledgers, inspection lists) refuses a bomb as a problem of the file", async () => {
    const template = defineImportTemplate({ fileName: "名录模板", sheetName: "名录", maxRows: 10, columns: { name: { header: "名称", required: true } } });
    const { result, peakGrowthBytes } = await measured(() => readImport(template, { name: "名录.xlsx", bytes: officeBomb("xlsx", 1024) }));
    assert.ok(result instanceof ImportRejectedError, String(result));
    assert.deepEqual(
      result.problems.map((problem) => [problem.row, problem.column]),
      [[null, null]],
    );
    assert.match(result.problems[0].message, /「名录\.xlsx」解压后超过/);
    assert.ok(peakGrowthBytes < 32 * megabyte);
  });

  const dataDir = mkdtempSync(path.join(os.tmpdir(), "gongkai-zip-"));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test("an attachment (.docx) that is a bomb is refused with a field error, and nothing is stored", async () => {
    const { result, peakGrowthBytes } = await measured(() =>
      storeAttachmentFile({ store: createLocalDirectoryStore(dataDir), bytes: officeBomb("docx", 1024), originalName: "通知.docx" }),
    );
    assert.ok(result instanceof ValidationError && result.status === 422, String(result));
    assert.match(result.fields.file?.[0] ?? "", /解压后超过 100 MB/);
    assert.ok(peakGrowthBytes < 32 * megabyte);
    assert.deepEqual(readdirSync(dataDir), []);
  });

  test("text extraction of a bomb that got in some other way gives no text instead of inflating it", async () => {
    const { result, peakGrowthBytes } = await measured(() => extractAttachmentText(officeBomb("docx", 1024, 1), "docx"));
    assert.equal(result, "");
    assert.ok(peakGrowthBytes < 32 * megabyte);
  });
});
