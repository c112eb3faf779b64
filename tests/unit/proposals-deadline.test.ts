import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createChineseCalendar, createWeekendOnlyCalendar } from "@/lib/deadlines/calendar";
import { addCalendarMonths, computeReplyDeadline } from "@/lib/proposals/proposal-deadline";

const calendar = createChineseCalendar();

describe("addCalendarMonths", () => {
  test("the same day months later, across a year end", () => {
    assert.equal(addCalendarMonths("2017-03-20", 3), "2017-06-20");
    assert.equal(addCalendarMonths("2017-11-15", 3), "2018-02-15");
    assert.equal(addCalendarMonths("2017-06-15", -6), "2016-12-15");
  });

  test("a day the target month lacks becomes its last day (民法典第二百零二条)", () => {
    assert.equal(addCalendarMonths("2017-11-30", 3), "2018-02-28");
    assert.equal(addCalendarMonths("2019-11-30", 3), "2020-02-29", "leap year");
    assert.equal(addCalendarMonths("2017-05-31", 1), "2017-06-30");
  });

  test("rejects what is not a calendar day or a whole month count", () => {
    assert.throws(() => addCalendarMonths("2017-02-30", 3), RangeError);
    assert.throws(() => addCalendarMonths("2017-02-01", 1.5), RangeError);
  });
});

describe("computeReplyDeadline", () => {
  test("three months from assignment, on a working day, stays as it is", () => {
    const deadline = computeReplyDeadline(calendar, "2017-03-20", 3);
    assert.equal(deadline.due, "2017-06-20");
    assert.equal(deadline.periodEnd, "2017-06-20");
    assert.equal(deadline.explanation, "自2017-03-20起3个月，期满日2017-06-20");
  });

  test("a period ending on a weekend ends on the next working day, and says why", () => {
    const deadline = computeReplyDeadline(calendar, "2017-03-10", 3);
    assert.equal(deadline.periodEnd, "2017-06-10", "a Saturday");
    assert.equal(deadline.due, "2017-06-12");
    assert.match(deadline.explanation, /该日为周末，顺延至2017-06-12/);
  });

  test("a period ending in the National Day holiday ends after it", () => {
    const deadline = computeReplyDeadline(calendar, "2017-07-01", 3);
    assert.equal(deadline.periodEnd, "2017-10-01");
    assert.equal(deadline.due, "2017-10-09");
    assert.match(deadline.explanation, /国庆节/);
  });

  test("the administrator's calendar overrides count", () => {
    const overridden = createWeekendOnlyCalendar([{ date: "2017-06-20", working: false, note: "本地调休" }]);
    assert.equal(computeReplyDeadline(overridden, "2017-03-20", 3).due, "2017-06-21");
  });
});
