import "server-only";
import { dateColumnToIsoDate } from "@/lib/dates";
import { db } from "@/lib/db";
import { createChineseCalendar, type WorkingDayCalendar } from "@/lib/deadlines/calendar";

/** The official holiday calendar with the administrator's overrides (CalendarOverride) applied. */
export async function loadWorkingDayCalendar(): Promise<WorkingDayCalendar> {
  const overrides = await db.calendarOverride.findMany({ orderBy: { date: "asc" } });
  return createChineseCalendar(overrides.map((row) => ({ date: dateColumnToIsoDate(row.date), working: row.working, note: row.note })));
}
