import assert from "node:assert/strict";
import { test } from "node:test";
import { checkReportTables, table3Row, type Table3 } from "@/lib/reports/report-tables";

const outcomes = [
  { slug: "disclose", label: "予以公开" },
  { slug: "partial", label: "部分公开" },
  { slug: "refuse_state_secret", label: "属于国家秘密" },
];

function consistentTable(): Table3 {
  return {
    columns: [],
    rows: {
      new: table3Row({ natural_person: 5, business: 2 }),
      carried_in: table3Row({ natural_person: 1 }),
      disclose: table3Row({ natural_person: 3, business: 1 }),
      partial: table3Row({ natural_person: 1 }),
      refuse_state_secret: table3Row({ business: 1 }),
      total: table3Row({ natural_person: 4, business: 2 }),
      carried_out: table3Row({ natural_person: 2 }),
    },
  };
}

const table4 = [1, 0, 0, 1, 2, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1];

test("a consistent set of figures passes every check", () => {
  assert.deepEqual(checkReportTables(consistentTable(), table4, outcomes, table3Row({ natural_person: 1 })), []);
});

test("一 + 二 must equal 三（七） + 四 in every column", () => {
  const table = consistentTable();
  table.rows.carried_out = table3Row({ natural_person: 3 });
  const problems = checkReportTables(table, table4, outcomes, null);
  assert.deepEqual(problems.map((problem) => problem.code).sort(), ["table3_balance", "table3_balance"]);
  assert.match(problems[0].message, /自然人/);
});

test("三（七） must be the sum of the outcome rows", () => {
  const table = consistentTable();
  table.rows.total = table3Row({ natural_person: 5, business: 2 });
  table.rows.carried_out = table3Row({ natural_person: 1 });
  const codes = checkReportTables(table, table4, outcomes, null).map((problem) => problem.code);
  assert.ok(codes.includes("table3_outcome_total"));
  assert.ok(!codes.includes("table3_balance"));
});

test("the 总计 column must be the sum of the six applicant columns", () => {
  const table = consistentTable();
  table.rows.new = [5, 2, 0, 0, 0, 0, 8];
  table.rows.refuse_state_secret = [0, 1, 0, 0, 0, 0, 2];
  const problems = checkReportTables(table, table4, outcomes, null).filter((problem) => problem.code === "table3_row_total");
  // The rows are named as the table prints them, never by their slugs.
  assert.deepEqual(
    problems.map((problem) => problem.message.match(/^表三“([^”]+)”行/)?.[1]),
    ["一、本年新收政府信息公开申请数量", "属于国家秘密"],
  );
  assert.ok(problems.every((problem) => !/[a-z_]{4,}/.test(problem.message)));
});

test("Table 4 totals must add up in each of the three groups", () => {
  const broken = [...table4];
  broken[14] = 2;
  const problems = checkReportTables(consistentTable(), broken, outcomes, null);
  assert.deepEqual(
    problems.map((problem) => problem.code),
    ["table4_total"],
  );
  assert.match(problems[0].message, /复议后起诉/);
});

test("this year's 二 must equal last year's published 四", () => {
  const problems = checkReportTables(consistentTable(), table4, outcomes, table3Row({ natural_person: 2 }));
  assert.ok(problems.some((problem) => problem.code === "table3_carry_over"));
  assert.deepEqual(checkReportTables(consistentTable(), table4, outcomes, null), [], "no published report last year: nothing to compare");
});
