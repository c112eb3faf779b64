import chineseDays from "chinese-days/dist/chinese-days.json" with { type: "json" };
import { assertIsoDate, getDayOfWeek, type IsoDate } from "./iso-date";

export type DayReason = "weekday" | "weekend" | "public_holiday" | "adjusted_workday" | "override_working" | "override_rest";

export type DayClassification = {
  working: boolean;
  reason: DayReason;
  /** The holiday a public holiday or adjusted workday (调休) belongs to, or an override's note. */
  holidayName?: string;
};

export interface WorkingDayCalendar {
  classifyDay(date: IsoDate): DayClassification;
}

/** One row of the admin table that corrects or extends the official calendar. */
export type CalendarOverride = { date: IsoDate; working: boolean; note: string };

type HolidayTable = Record<string, string>;

// We read the package's published data rather than calling isWorkday/getDayDetail: those
// functions build and look up their tables with local-time dates, so on a host west of UTC
// they shift days (chinese-days 1.5.7 reports Monday 2024-10-14 as a rest day in
// America/Los_Angeles). The JSON is keyed by plain calendar days and has no such problem.
const officialHolidays: HolidayTable = chineseDays.holidays;
const officialAdjustedWorkdays: HolidayTable = chineseDays.workdays;

/** The package stores "National Day,国庆节,3" (English, Chinese, statutory days); we show Chinese. */
function extractChineseHolidayName(description: string): string {
  const parts = description.split(",");
  return parts.length >= 2 ? parts[parts.length - 2] : description;
}

function classifyByWeekday(date: IsoDate): DayClassification {
  const dayOfWeek = getDayOfWeek(date);
  const weekend = dayOfWeek === 0 || dayOfWeek === 6;
  return weekend ? { working: false, reason: "weekend" } : { working: true, reason: "weekday" };
}

function indexOverrides(overrides: CalendarOverride[]): Map<IsoDate, CalendarOverride> {
  const byDate = new Map<IsoDate, CalendarOverride>();
  // Later rows win, so an admin can append a correction without deleting the old row first.
  for (const override of overrides) {
    assertIsoDate(override.date);
    byDate.set(override.date, override);
  }
  return byDate;
}

function classifyOverride(override: CalendarOverride): DayClassification {
  const classification: DayClassification = override.working ? { working: true, reason: "override_working" } : { working: false, reason: "override_rest" };
  const note = override.note.trim();
  return note ? { ...classification, holidayName: note } : classification;
}

function createCalendar(overrides: CalendarOverride[], classifyWithoutOverride: (date: IsoDate) => DayClassification): WorkingDayCalendar {
  const overridesByDate = indexOverrides(overrides);
  return {
    classifyDay(date) {
      assertIsoDate(date);
      const override = overridesByDate.get(date);
      return override ? classifyOverride(override) : classifyWithoutOverride(date);
    },
  };
}

function classifyOfficialDay(date: IsoDate): DayClassification {
  const adjustedWorkday = officialAdjustedWorkdays[date];
  if (adjustedWorkday !== undefined) {
    return { working: true, reason: "adjusted_workday", holidayName: extractChineseHolidayName(adjustedWorkday) };
  }
  const holiday = officialHolidays[date];
  if (holiday !== undefined) {
    return { working: false, reason: "public_holiday", holidayName: extractChineseHolidayName(holiday) };
  }
  return classifyByWeekday(date);
}

/**
 * The State Council holiday calendar as known to `chinese-days`, corrected by `overrides`.
 * For years the package does not know yet it falls back to plain weekends, which is why the
 * admin table exists: see `getChineseCalendarCoverage`.
 */
export function createChineseCalendar(overrides: CalendarOverride[] = []): WorkingDayCalendar {
  return createCalendar(overrides, classifyOfficialDay);
}

/** Saturdays and Sundays off, nothing else: predictable arithmetic for tests. */
export function createWeekendOnlyCalendar(overrides: CalendarOverride[] = []): WorkingDayCalendar {
  return createCalendar(overrides, classifyByWeekday);
}

/** The years the package has official holiday data for, so the UI can warn before they run out. */
export function getChineseCalendarCoverage(): { firstYear: number; lastYear: number } {
  const years = Object.keys(officialHolidays).map((date) => Number(date.slice(0, 4)));
  return { firstYear: Math.min(...years), lastYear: Math.max(...years) };
}
