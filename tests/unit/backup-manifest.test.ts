import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { isSafeUploadName } from "@/lib/backup/manifest";
import { planMigrations } from "@/lib/backup/migration-history";

const file = (name: string, checksum = `sum-${name}`) => ({ name, sql: "", checksum });
const record = (name: string, checksum = `sum-${name}`) => ({ name, checksum });

describe("planMigrations", () => {
  test("applies the backup's migrations and leaves newer ones for db:migrate", () => {
    const plan = planMigrations([record("001_a"), record("002_b")], [file("001_a"), file("002_b"), file("003_c")]);
    assert.deepEqual(
      plan.toApply.map((migration) => migration.name),
      ["001_a", "002_b"],
    );
    assert.deepEqual(plan.newer, ["003_c"]);
  });

  test("names a migration the repository lacks, one whose file changed, and one the backup skipped", () => {
    assert.throws(
      () => planMigrations([record("001_a"), record("002_b", "old"), record("004_d")], [file("001_a"), file("002_b", "new"), file("003_c")]),
      (error: Error) =>
        /004_d, which this copy of Gongkai does not have/.test(error.message) &&
        /002_b differs/.test(error.message) &&
        /this copy has 003_c, which the backup's database never applied although it applied the later 004_d/.test(error.message),
    );
  });
});

describe("isSafeUploadName", () => {
  test("accepts the paths attachments are stored under", () => {
    assert.equal(isSafeUploadName("uploads/2026/11/0b8f6c1e-3f5d-4a53-9a65-1e0c7b8d2f10.pdf"), true);
    assert.equal(isSafeUploadName("uploads/2017/05/申请表.docx"), true);
  });

  test("refuses anything that could land outside uploads/ or hide there", () => {
    for (const name of [
      "uploads/../secrets.json",
      "uploads/2026/../../x",
      "/etc/passwd",
      "uploads//x",
      "uploads/.hidden",
      "uploads/a\\..\\b",
      "uploads/a\u0000b",
      "database/001.copy",
      "uploads/",
    ]) {
      assert.equal(isSafeUploadName(name), false, name);
    }
  });
});
