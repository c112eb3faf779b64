import assert from "node:assert/strict";
import { test } from "node:test";
import { createChineseCalendar, createWeekendOnlyCalendar, getChineseCalendarCoverage, type WorkingDayCalendar } from "../../lib/deadlines/calendar";
import { addCalendarDays, getDayOfWeek, isIsoDate } from "../../lib/deadlines/iso-date";
import { computeProactiveDisclosureDeadline } from "../../lib/deadlines/statutory-deadlines";
import { addWorkingDays, countWorkingDaysBetween, describeDeadline, isWorkingDay, nextWorkingDayOnOrAfter } from "../../lib/deadlines/working-days";

const chineseCalendar = createChineseCalendar();
const weekendOnlyCalendar = createWeekendOnlyCalendar();

test("IsoDate helpers roll over months and years and reject impossible days", () => {
  assert.equal(addCalendarDays("2024-02-28", 1), "2024-02-29");
  assert.equal(addCalendarDays("2023-02-28", 1), "2023-03-01");
  assert.equal(addCalendarDays("2024-12-31", 1), "2025-01-01");
  assert.equal(getDayOfWeek("2024-10-01"), 2); // a Tuesday
  assert.equal(isIsoDate("2024-02-29"), true);
  assert.equal(isIsoDate("2023-02-29"), false);
  assert.equal(isIsoDate("2024-2-9"), false);
});

test("the Chinese calendar knows 2024 National Day, its weekend holidays and its adjusted workdays", () => {
  assert.deepEqual(chineseCalendar.classifyDay("2024-09-29"), {
    working: true,
    reason: "adjusted_workday",
    holidayName: "国庆节",
  });
  assert.deepEqual(chineseCalendar.classifyDay("2024-10-12"), {
    working: true,
    reason: "adjusted_workday",
    holidayName: "国庆节",
  });
  assert.deepEqual(chineseCalendar.classifyDay("2024-10-01"), {
    working: false,
    reason: "public_holiday",
    holidayName: "国庆节",
  });
  // A Saturday inside the holiday is reported as the holiday, not as a weekend.
  assert.deepEqual(chineseCalendar.classifyDay("2024-10-05"), {
    working: false,
    reason: "public_holiday",
    holidayName: "国庆节",
  });
  assert.deepEqual(chineseCalendar.classifyDay("2024-10-13"), { working: false, reason: "weekend" });
  assert.deepEqual(chineseCalendar.classifyDay("2024-10-14"), { working: true, reason: "weekday" });
});

test("a 2024 National Day deadline skips the holiday and counts both adjusted workdays", () => {
  const computation = addWorkingDays(chineseCalendar, "2024-09-27", 5);
  assert.equal(computation.due, "2024-10-10");
  assert.deepEqual(computation.countedDays, ["2024-09-29", "2024-09-30", "2024-10-08", "2024-10-09", "2024-10-10"]);
  assert.deepEqual(
    computation.skippedDays.map((day) => day.date),
    ["2024-09-28", "2024-10-01", "2024-10-02", "2024-10-03", "2024-10-04", "2024-10-05", "2024-10-06", "2024-10-07"],
  );
  assert.deepEqual(computation.skippedDays[0], { date: "2024-09-28", reason: "weekend" });

  // Saturday 2024-10-12 is a working day, so a five-day count can end on it.
  assert.equal(addWorkingDays(chineseCalendar, "2024-09-30", 5).due, "2024-10-12");
});

test("a Spring Festival 2025 deadline skips 2025-01-28..02-04 and counts Sunday 01-26", () => {
  const computation = addWorkingDays(chineseCalendar, "2025-01-24", 5);
  assert.equal(computation.due, "2025-02-07");
  assert.deepEqual(computation.countedDays, ["2025-01-26", "2025-01-27", "2025-02-05", "2025-02-06", "2025-02-07"]);
  const springFestivalDays = computation.skippedDays.filter((day) => day.holidayName === "春节");
  assert.equal(springFestivalDays.length, 8);
  assert.equal(springFestivalDays[0].date, "2025-01-28");
  assert.equal(springFestivalDays.at(-1)?.date, "2025-02-04");
  assert.equal(isWorkingDay(chineseCalendar, "2025-02-08"), true); // Saturday, adjusted workday
});

test("plain weekends: counting starts the day after the event", () => {
  // 2024-06-07 is a Friday.
  assert.equal(addWorkingDays(weekendOnlyCalendar, "2024-06-07", 1).due, "2024-06-10");
  assert.equal(addWorkingDays(weekendOnlyCalendar, "2024-06-07", 5).due, "2024-06-14");
  assert.equal(addWorkingDays(weekendOnlyCalendar, "2024-06-07", 6).due, "2024-06-17");
  // An event on a Saturday: the first working day after it is Monday.
  assert.equal(addWorkingDays(weekendOnlyCalendar, "2024-06-08", 1).due, "2024-06-10");
  const noCount = addWorkingDays(weekendOnlyCalendar, "2024-06-08", 0);
  assert.deepEqual(noCount, { start: "2024-06-08", count: 0, due: "2024-06-08", countedDays: [], skippedDays: [] });
});

test("Art. 26: proactive disclosure is due 20 working days after the information is formed", () => {
  const computation = computeProactiveDisclosureDeadline(chineseCalendar, "2017-09-29");
  assert.equal(computation.count, 20);
  assert.equal(computation.countedDays.length, 20);
  // 2017-09-30 (Saturday) was a working day; 10-01..10-08 were 国庆节 and 中秋.
  assert.equal(computation.countedDays[0], "2017-09-30");
  assert.equal(computation.countedDays[1], "2017-10-09");
  assert.equal(computation.due, "2017-11-02");
  // Without the holiday calendar the answer would be a week early.
  assert.equal(computeProactiveDisclosureDeadline(weekendOnlyCalendar, "2017-09-29").due, "2017-10-27");
});

test("overrides win over the package and cover years it does not know", () => {
  const calendar = createChineseCalendar([
    { date: "2024-10-08", working: false, note: "防汛应急停工" },
    { date: "2024-10-13", working: true, note: "" },
    { date: "2030-02-04", working: false, note: "2030年春节" },
  ]);
  assert.deepEqual(calendar.classifyDay("2024-10-08"), {
    working: false,
    reason: "override_rest",
    holidayName: "防汛应急停工",
  });
  assert.deepEqual(calendar.classifyDay("2024-10-13"), { working: true, reason: "override_working" });
  assert.deepEqual(calendar.classifyDay("2030-02-04"), {
    working: false,
    reason: "override_rest",
    holidayName: "2030年春节",
  });
  // 2030-02-04 is a Monday: without the override it would be a working day.
  assert.equal(chineseCalendar.classifyDay("2030-02-04").working, true);

  const computation = addWorkingDays(calendar, "2024-09-27", 5);
  assert.equal(computation.due, "2024-10-11");
  assert.ok(computation.skippedDays.some((day) => day.date === "2024-10-08" && day.reason === "override_rest"));
});

test("a later override row for the same day replaces an earlier one", () => {
  const calendar = createWeekendOnlyCalendar([
    { date: "2024-06-10", working: false, note: "初稿" },
    { date: "2024-06-10", working: true, note: "更正" },
  ]);
  assert.equal(calendar.classifyDay("2024-06-10").working, true);
});

test("nextWorkingDayOnOrAfter moves rest days to the next working day and keeps working days", () => {
  assert.equal(nextWorkingDayOnOrAfter(chineseCalendar, "2024-10-01"), "2024-10-08");
  assert.equal(nextWorkingDayOnOrAfter(chineseCalendar, "2024-10-08"), "2024-10-08");
  assert.equal(nextWorkingDayOnOrAfter(chineseCalendar, "2024-09-28"), "2024-09-29");
  assert.equal(nextWorkingDayOnOrAfter(chineseCalendar, "2024-10-13"), "2024-10-14");
});

test("countWorkingDaysBetween counts days after `from` up to and including `to`", () => {
  assert.equal(countWorkingDaysBetween(chineseCalendar, "2024-09-27", "2024-10-10"), 5);
  assert.equal(countWorkingDaysBetween(chineseCalendar, "2024-10-01", "2024-10-07"), 0);
  assert.equal(countWorkingDaysBetween(weekendOnlyCalendar, "2024-06-07", "2024-06-10"), 1);
  assert.equal(countWorkingDaysBetween(weekendOnlyCalendar, "2024-06-10", "2024-06-10"), 0);
  assert.equal(countWorkingDaysBetween(weekendOnlyCalendar, "2024-06-14", "2024-06-10"), 0);
  const computation = computeProactiveDisclosureDeadline(chineseCalendar, "2025-01-20");
  assert.equal(countWorkingDaysBetween(chineseCalendar, "2025-01-20", computation.due), 20);
});

test("describeDeadline explains the count in Chinese, grouping consecutive skipped days", () => {
  assert.equal(
    describeDeadline(addWorkingDays(chineseCalendar, "2024-09-27", 5)),
    "自2024-09-27起算5个工作日，跳过：2024-09-28 周末、2024-10-01至2024-10-07 国庆节，截止2024-10-10",
  );
  assert.equal(
    describeDeadline(computeProactiveDisclosureDeadline(chineseCalendar, "2017-09-29")),
    "自2017-09-29起算20个工作日，跳过：2017-10-01至2017-10-03 国庆节、2017-10-04 中秋、" +
      "2017-10-05至2017-10-08 国庆节、2017-10-14至2017-10-15 周末、2017-10-21至2017-10-22 周末、" +
      "2017-10-28至2017-10-29 周末，截止2017-11-02",
  );
  assert.equal(describeDeadline(addWorkingDays(weekendOnlyCalendar, "2024-06-10", 3)), "自2024-06-10起算3个工作日，截止2024-06-13");
});

test("results do not depend on the host time zone", () => {
  const previousTimeZone = process.env.TZ;
  try {
    for (const timeZone of ["America/Los_Angeles", "Pacific/Kiritimati", "Asia/Shanghai"]) {
      process.env.TZ = timeZone;
      assert.deepEqual(chineseCalendar.classifyDay("2024-10-14"), { working: true, reason: "weekday" }, timeZone);
      assert.equal(chineseCalendar.classifyDay("2024-09-29").reason, "adjusted_workday", timeZone);
      assert.equal(addWorkingDays(chineseCalendar, "2024-09-27", 5).due, "2024-10-10", timeZone);
    }
  } finally {
    if (previousTimeZone === undefined) delete process.env.TZ;
    else process.env.TZ = previousTimeZone;
  }
});

test("invalid input is rejected instead of producing a wrong deadline", () => {
  assert.throws(() => addWorkingDays(chineseCalendar, "2024-02-30", 5), RangeError);
  assert.throws(() => addWorkingDays(chineseCalendar, "2024/10/01", 5), RangeError);
  assert.throws(() => addWorkingDays(chineseCalendar, "2024-10-01", -1), RangeError);
  assert.throws(() => addWorkingDays(chineseCalendar, "2024-10-01", 1.5), RangeError);
  assert.throws(() => chineseCalendar.classifyDay("2024-13-01"), RangeError);
  assert.throws(() => createChineseCalendar([{ date: "2024-9-1", working: false, note: "" }]), RangeError);
});

test("a calendar without working days fails loudly instead of looping forever", () => {
  const alwaysResting: WorkingDayCalendar = { classifyDay: () => ({ working: false, reason: "override_rest" }) };
  assert.throws(() => addWorkingDays(alwaysResting, "2024-01-01", 1), /No working day/);
  assert.throws(() => nextWorkingDayOnOrAfter(alwaysResting, "2024-01-01"), /No working day/);
});

test("the package's coverage is reported so admins know when overrides are needed", () => {
  const coverage = getChineseCalendarCoverage();
  assert.equal(coverage.firstYear, 2004);
  assert.ok(coverage.lastYear >= 2026);
});
