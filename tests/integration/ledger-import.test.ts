import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { ActingUser } from "@/lib/auth/acting-user";
import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { buildLedgerTemplate, importApplicationLedger, LedgerImportError } from "@/lib/reports/ledger-import";
import { formatCsv } from "@/lib/spreadsheets";
import { insertUser } from "../support/fixtures";
import { useMigratedTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
let staff: ActingUser;

before(async () => {
  database = await useMigratedTestDatabase();
  staff = await insertUser("staff");
});
after(async () => {
  await database.drop();
});

const header = ["申请编号", "收到日期", "申请人类型", "办理结果", "办结日期"];
const csv = (rows: string[][], bom = true) => new TextEncoder().encode(formatCsv([header, ...rows], { bom }));

test("a valid ledger is imported; official row names with either kind of quotes and slugs are accepted", async () => {
  const result = await importApplicationLedger(staff, csv([
    ["2018-001", "2018-03-01", "自然人", "予以公开", "2018-03-20"],
    ["2018-002", "2018-05-02", "商业企业", '危及"三安全一稳定"', "2018-05-30"],
    ["2018-003", "2018/06/03", "法律服务机构", "危及“三安全一稳定”", "2018-06-28"],
    ["2018-004", "2018-12-20", "科研机构", "not_processed_repeat", "2019-01-10"],
    ["2018-005", "2018-12-28", "其他", "", ""],
    ["2018-006", "2018-07-01", "社会公益组织", "1.本机关不掌握相关政府信息", "2018-07-15"],
  ], false), "ledger.csv");
  assert.deepEqual(result, { imported: 6 });
  const rows = await db.application.findMany({ where: { source: "ledger" }, orderBy: { number: "asc" } });
  assert.deepEqual(rows.map((row) => row.outcome), ["disclose", "refuse_three_safety", "refuse_three_safety", "not_processed_repeat", null, "unable_not_held"]);
  assert.deepEqual(rows.map((row) => row.organisationKind), [null, "business", "legal_service", "research", "other", "public_interest"]);
  assert.equal(rows[4].status, "processing", "no 办结日期: still open, carried over");
  assert.equal(await db.auditEvent.count({ where: { action: "application.import_ledger" } }), 1);
});

test("every problem is listed by row and column, and nothing is imported", async () => {
  const before = await db.application.count();
  await assert.rejects(
    importApplicationLedger(staff, csv([
      ["2019-001", "2019-02-30", "自然人", "予以公开", "2019-03-20"],
      ["2019-002", "2019-03-01", "个体户", "予以公开", "2019-03-20"],
      ["2019-003", "2019-03-01", "自然人", "同意公开", "2019-03-20"],
      ["2019-004", "2019-03-10", "自然人", "予以公开", "2019-03-01"],
      ["2019-004", "2019-03-10", "自然人", "予以公开", "2019-03-11"],
      ["2018-001", "2019-03-10", "自然人", "予以公开", "2019-03-11"],
      ["", "2019-03-10", "自然人", "予以公开", ""],
      ["2019-008", "2019-03-10", "自然人", "予以公开", "2019-03-20"],
    ]), "ledger.csv"),
    (error: unknown) => {
      assert.ok(error instanceof LedgerImportError);
      const cells = error.errors.map((problem) => `${problem.row}:${problem.column}`);
      assert.deepEqual(cells, ["2:收到日期", "3:申请人类型", "4:办理结果", "5:办结日期", "6:申请编号", "7:申请编号", "8:申请编号", "8:办结日期"]);
      return true;
    },
  );
  assert.equal(await db.application.count(), before);
});

test("a file without the template's columns is refused; only permitted users import", async () => {
  await assert.rejects(importApplicationLedger(staff, new TextEncoder().encode("编号,日期\n1,2019-01-01\n"), "wrong.csv"), LedgerImportError);
  await assert.rejects(importApplicationLedger(await insertUser("leader"), csv([["x", "2019-01-01", "自然人", "", ""]]), "ledger.csv"), ForbiddenError);
});

test("the downloadable template reads back as a valid ledger", async () => {
  const template = await buildLedgerTemplate("xlsx");
  assert.deepEqual(await importApplicationLedger(staff, new Uint8Array(template as Buffer), "台账模板.xlsx"), { imported: 1 });
});
