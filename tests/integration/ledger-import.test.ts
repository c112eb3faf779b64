import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { ActingUser } from "@/lib/auth/acting-user";
import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { ImportRejectedError } from "@/lib/imports";
import { buildLedgerTemplate, importApplicationLedger } from "@/lib/reports/ledger-import";
import { formatCsv } from "@/lib/spreadsheets";
import { insertUser } from "../support/fixtures";
import { respondToImport, assertImportRejected, gb18030Csv } from "../support/import-requests";
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
const file = (bytes: Uint8Array, name = "ledger.csv") => ({ name, bytes });

test("a valid ledger is imported; official row names with either kind of quotes and slugs are accepted", async () => {
  const result = await importApplicationLedger(
    staff,
    file(
      csv(
        [
          ["2018-001", "2018-03-01", "自然人", "予以公开", "2018-03-20"],
          ["2018-002", "2018-05-02", "商业企业", '危及"三安全一稳定"', "2018-05-30"],
          ["2018-003", "2018/06/03", "法律服务机构", "危及“三安全一稳定”", "2018-06-28"],
          ["2018-004", "2018-12-20", "科研机构", "not_processed_repeat", "2019-01-10"],
          ["2018-005", "2018-12-28", "其他", "", ""],
          ["2018-006", "2018-07-01", "社会公益组织", "1.本机关不掌握相关政府信息", "2018-07-15"],
        ],
        false,
      ),
    ),
  );
  assert.deepEqual(result, { imported: 6 });
  const rows = await db.application.findMany({ where: { source: "ledger" }, orderBy: { number: "asc" } });
  assert.deepEqual(
    rows.map((row) => row.outcome),
    ["disclose", "refuse_three_safety", "refuse_three_safety", "not_processed_repeat", null, "unable_not_held"],
  );
  assert.deepEqual(
    rows.map((row) => row.organisationKind),
    [null, "business", "legal_service", "research", "other", "public_interest"],
  );
  assert.equal(rows[4].status, "processing", "no 办结日期: still open, carried over");
  assert.equal(await db.auditEvent.count({ where: { action: "application.import_ledger" } }), 1);
});

test("every problem is listed by row and column, and nothing is imported", async () => {
  const before = await db.application.count();
  await assert.rejects(
    importApplicationLedger(
      staff,
      file(
        csv([
          ["2019-001", "2019-02-30", "自然人", "予以公开", "2019-03-20"],
          ["2019-002", "2019-03-01", "个体户", "予以公开", "2019-03-20"],
          ["2019-003", "2019-03-01", "自然人", "同意公开", "2019-03-20"],
          ["2019-004", "2019-03-10", "自然人", "予以公开", "2019-03-01"],
          ["2019-004", "2019-03-10", "自然人", "予以公开", "2019-03-11"],
          ["2018-001", "2019-03-10", "自然人", "予以公开", "2019-03-11"],
          ["", "2019-03-10", "自然人", "予以公开", ""],
          ["2019-008", "2019-03-10", "自然人", "予以公开", "2019-03-20"],
        ]),
      ),
    ),
    (error: unknown) => {
      assert.ok(error instanceof ImportRejectedError);
      const cells = error.problems.map((problem) => `${problem.row}:${problem.column}`);
      assert.deepEqual(cells, ["2:收到日期", "3:申请人类型", "4:办理结果", "5:办结日期", "6:申请编号", "7:申请编号", "8:申请编号", "8:办结日期"]);
      return true;
    },
  );
  assert.equal(await db.application.count(), before);
});

test("a file without the template's columns is refused; only permitted users import", async () => {
  await assert.rejects(importApplicationLedger(staff, file(new TextEncoder().encode("编号,日期\n1,2019-01-01\n"), "wrong.csv")), ImportRejectedError);
  await assert.rejects(importApplicationLedger(await insertUser("leader"), file(csv([["x", "2019-01-01", "自然人", "", ""]]))), ForbiddenError);
});

test("the downloadable template reads back as a valid ledger", async () => {
  const template = await buildLedgerTemplate("xlsx");
  assert.equal(template.fileName, "依申请公开台账模板.xlsx");
  assert.deepEqual(await importApplicationLedger(staff, file(template.body, "台账模板.xlsx")), { imported: 1 });
  const csvTemplate = new TextDecoder().decode((await buildLedgerTemplate("csv")).body);
  assert.equal(csvTemplate.replace(/^\uFEFF/, "").split("\r\n")[0], header.join(","), "the CSV template has the same header, in the same order");
});

test("a CSV saved by Excel on Chinese Windows (GB18030, no BOM) imports", async () => {
  const result = await importApplicationLedger(
    staff,
    file(gb18030Csv([header, ["2017-甲-001", "2017-03-01", "社会公益组织", "本机关不掌握相关政府信息", "2017-03-15"]]), "台账（GBK）.csv"),
  );
  assert.deepEqual(result, { imported: 1 });
  const row = await db.application.findUniqueOrThrow({ where: { number: "2017-甲-001" } });
  assert.equal(row.organisationKind, "public_interest");
  assert.equal(row.outcome, "unable_not_held");
});

test("the API refuses a file with problems in several rows with 422 {errors: [{row, column, message}]}, every problem listed, nothing stored", async () => {
  const before = await db.application.count();
  const response = await respondToImport(() =>
    importApplicationLedger(
      staff,
      file(
        gb18030Csv([
          header,
          ["2016-001", "2016-02-30", "自然人", "予以公开", "2016-03-20"],
          ["2016-002", "2016-03-01", "个体户", "同意公开", "2016-03-20"],
          ["2016-001", "2016-03-01", "自然人", "予以公开", ""],
        ]),
      ),
    ),
  );
  const errors = await assertImportRejected(response);
  assert.deepEqual(
    errors.map((problem) => [problem.row, problem.column]),
    [
      [2, "收到日期"],
      [3, "申请人类型"],
      [3, "办理结果"],
      [4, "申请编号"],
      [4, "办结日期"],
    ],
  );
  assert.match(errors[0].message, /2016-02-30/);
  assert.match(errors[3].message, /第 2 行/);
  assert.equal(await db.application.count(), before, "nothing stored");
});
