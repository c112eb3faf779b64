import assert from "node:assert/strict";
import { test } from "node:test";
import { currentReportYear, daysUntilReportDue, reportDueDate } from "@/lib/reports/report-deadline";

test("Art. 49: the report of a year is due on 31 January of the next year", () => {
  assert.equal(reportDueDate(2017), "2018-01-31");
  assert.equal(daysUntilReportDue(2017, "2018-01-01"), 30);
  assert.equal(daysUntilReportDue(2017, "2018-01-31"), 0);
  assert.equal(daysUntilReportDue(2017, "2018-02-01"), -1);
});

test("Art. 49: until 31 January the office works on last year's report, from 1 February on this year's", () => {
  assert.equal(currentReportYear("2027-01-31"), 2026);
  assert.equal(currentReportYear("2027-02-01"), 2027);
  assert.equal(currentReportYear("2026-12-31"), 2026);
});
