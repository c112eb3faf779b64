import assert from "node:assert/strict";
import { test } from "node:test";
import {
  annualReportStatus,
  columnFreshness,
  defaultStaleAfterDays,
  effectiveStaleAfterDays,
  messageResponse,
  worstStatus,
} from "@/lib/oversight/spot-check-rules";

test("栏目不更新: 动态/要闻 two weeks, 通知公告/政策文件 six months, 人事/规划计划 a year, by the column's name; others none", () => {
  assert.equal(defaultStaleAfterDays("工作动态"), 14);
  assert.equal(defaultStaleAfterDays("通知公告"), 183);
  assert.equal(defaultStaleAfterDays("规章和规范性文件"), 183);
  assert.equal(defaultStaleAfterDays("人事信息"), 365);
  assert.equal(defaultStaleAfterDays("规划计划"), 365);
  assert.equal(defaultStaleAfterDays("统计信息"), null);
  assert.equal(effectiveStaleAfterDays({ name: "统计信息", staleAfterDays: 30 }), 30);
  assert.equal(effectiveStaleAfterDays({ name: "工作动态", staleAfterDays: 0 }), null, "0 turns the check off");
});

test("a column fails the day after its limit, warns in the week before, never-published fails", () => {
  assert.equal(columnFreshness("2026-11-18", 14, "2026-12-02"), "warning", "14 days: the last day, warned");
  assert.equal(columnFreshness("2026-11-17", 14, "2026-12-02"), "fail");
  assert.equal(columnFreshness("2026-11-24", 14, "2026-12-02"), "warning", "8 days of 14: past half");
  assert.equal(columnFreshness("2026-11-26", 14, "2026-12-02"), "pass");
  assert.equal(columnFreshness("2026-06-02", 183, "2026-12-02"), "warning");
  assert.equal(columnFreshness("2026-06-10", 183, "2026-12-02"), "pass");
  assert.equal(columnFreshness("2026-06-01", 183, "2026-12-02"), "fail");
  assert.equal(columnFreshness("2026-06-07", 183, "2026-12-02"), "warning");
  assert.equal(columnFreshness(null, 365, "2026-12-02"), "fail");
});

test("互动回应: past the promise warns, three months unanswered fails (检查指标: 超过 3 个月未回应)", () => {
  assert.equal(messageResponse("2026-11-30", "2026-12-07", "2026-12-02"), "pass");
  assert.equal(messageResponse("2026-11-20", "2026-11-27", "2026-12-02"), "warning");
  assert.equal(messageResponse("2026-09-02", "2026-09-09", "2026-12-02"), "warning", "exactly three months: not yet");
  assert.equal(messageResponse("2026-09-01", "2026-09-08", "2026-12-02"), "fail");
});

test("Art. 49: last year's report — published passes, missing in January warns, missing after 31 January fails", () => {
  assert.deepEqual(annualReportStatus(new Set([2025]), "2026-03-01"), { year: 2025, status: "pass" });
  assert.deepEqual(annualReportStatus(new Set(), "2026-01-31"), { year: 2025, status: "warning" });
  assert.deepEqual(annualReportStatus(new Set(), "2026-02-01"), { year: 2025, status: "fail" });
  assert.equal(worstStatus(["pass", "warning", "pass"]), "warning");
  assert.equal(worstStatus(["warning", "fail"]), "fail");
  assert.equal(worstStatus([]), "pass");
});
