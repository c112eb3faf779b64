import assert from "node:assert/strict";
import { test } from "node:test";
import { assessmentPeriodSchema, describePeriod, periodQuery, periodRange } from "@/lib/oversight/assessment-period";
import { annualReportDueOn, isRegisterStale, judgeDeadline } from "@/lib/oversight/assessment-rules";

test("a period is a year, a quarter or a month of a year, in calendar days (February of a leap year has 29)", () => {
  const schema = assessmentPeriodSchema(2026);
  assert.deepEqual(periodRange(schema.parse({ year: "2026" })), { from: "2026-01-01", to: "2026-12-31" });
  assert.deepEqual(periodRange(schema.parse({ year: "2026", quarter: "4" })), { from: "2026-10-01", to: "2026-12-31" });
  assert.deepEqual(periodRange(schema.parse({ year: "2024", month: "2" })), { from: "2024-02-01", to: "2024-02-29" });
  assert.deepEqual(schema.parse({}), { year: 2026, quarter: null, month: null }, "the current year without a year");
  assert.equal(describePeriod({ year: 2026, quarter: 1, month: null }), "2026年第一季度");
  assert.equal(periodQuery({ year: 2026, quarter: null, month: 3 }), "year=2026&month=3");
});

test("a bad period names its field: month 13, quarter 5, a quarter with a month, a year before 2008 or after this one", () => {
  const schema = assessmentPeriodSchema(2026);
  const fieldOf = (input: Record<string, string>) => schema.safeParse(input).error?.issues.map((issue) => issue.path.join("."));
  assert.deepEqual(fieldOf({ year: "2026", month: "13" }), ["month"]);
  assert.deepEqual(fieldOf({ year: "2026", quarter: "5" }), ["quarter"]);
  assert.deepEqual(fieldOf({ year: "2026", quarter: "1", month: "2" }), ["month"]);
  assert.deepEqual(fieldOf({ year: "2007" }), ["year"]);
  assert.deepEqual(fieldOf({ year: "2027" }), ["year"]);
  assert.deepEqual(fieldOf({ year: "2026.5" }), ["year"]);
});

test("on time when done by the due day, late when done after it or still open after it, not judged while open and not due", () => {
  assert.equal(judgeDeadline("2026-10-13", "2026-10-13", "2026-12-02"), false);
  assert.equal(judgeDeadline("2026-10-13", "2026-10-14", "2026-12-02"), true);
  assert.equal(judgeDeadline("2026-10-13", null, "2026-10-14"), true);
  assert.equal(judgeDeadline("2026-10-13", null, "2026-10-13"), null);
});

test("Art. 49: the annual report on a year is due on 31 January of the next", () => {
  assert.equal(annualReportDueOn(2025), "2026-01-31");
});

test("a register is stale past its column's limit (the spot-check's rule); no limit, no judgement", () => {
  assert.equal(isRegisterStale("2026-10-19", 30, "2026-10-31"), false);
  assert.equal(isRegisterStale("2026-09-01", 30, "2026-10-31"), true);
  assert.equal(isRegisterStale(null, 30, "2026-10-31"), true);
  assert.equal(isRegisterStale("2026-09-01", null, "2026-10-31"), null);
});
