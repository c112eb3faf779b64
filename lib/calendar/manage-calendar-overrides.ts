import "server-only";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-calendar";
import { dateColumnToIsoDate, isoDateToDateColumn, todayInBeijing } from "@/lib/dates";
import { db } from "@/lib/db";
import { createChineseCalendar, getChineseCalendarCoverage, type DayClassification } from "@/lib/deadlines/calendar";
import { getDayOfWeek, isIsoDate, type IsoDate } from "@/lib/deadlines/iso-date";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { parseInput } from "@/lib/validation";

// Deadlines are only ever computed for recent and coming years; a date far outside this range
// is a typing mistake (e.g. 0202-10-01), not a calendar correction.
const earliestYear = 2000;
const latestYear = 2100;

// One message per problem: an empty field should not also be told it is malformed and out of range.
const calendarDateSchema = z
  .string({ error: messages.administration.calendar.dateRequired })
  .trim()
  .superRefine((date, context) => {
    if (date === "") context.addIssue({ code: "custom", message: messages.administration.calendar.dateRequired });
    else if (!isIsoDate(date)) context.addIssue({ code: "custom", message: messages.administration.calendar.dateInvalid });
    else if (Number(date.slice(0, 4)) < earliestYear || Number(date.slice(0, 4)) > latestYear) {
      context.addIssue({ code: "custom", message: messages.administration.calendar.dateOutOfRange(earliestYear, latestYear) });
    }
  });

function readBoolean(value: unknown): unknown {
  if (value === "true" || value === "1" || value === "on") return true;
  if (value === "false" || value === "0") return false;
  return value;
}

export const calendarOverrideInputSchema = z.object({
  date: calendarDateSchema,
  working: z.preprocess(readBoolean, z.boolean({ error: messages.administration.calendar.chooseWorking })),
  note: z
    .string({ error: messages.administration.calendar.noteRequired })
    .trim()
    .min(1, { error: messages.administration.calendar.noteExample })
    .max(60, { error: messages.administration.calendar.noteTooLong }),
});

export const calendarDayQuerySchema = z.object({ date: calendarDateSchema });

export type CalendarOverrideSummary = {
  date: IsoDate;
  /** 0 = Sunday … 6 = Saturday. */
  dayOfWeek: number;
  working: boolean;
  note: string;
  /** How the official calendar alone classifies the day, so the page shows what the override changes. */
  official: DayClassification;
};

export async function listCalendarOverrides(actor: ActingUser): Promise<CalendarOverrideSummary[]> {
  assertPermitted(actor, "calendar.manage");
  const rows = await db.calendarOverride.findMany({ orderBy: { date: "asc" } });
  const officialCalendar = createChineseCalendar();
  return rows.map((row) => {
    const date = dateColumnToIsoDate(row.date);
    return { date, dayOfWeek: getDayOfWeek(date), working: row.working, note: row.note, official: officialCalendar.classifyDay(date) };
  });
}

/** Creates the override of a day, or replaces the one it has. */
export async function setCalendarOverride(actor: ActingUser, input: unknown): Promise<{ date: IsoDate; working: boolean; note: string }> {
  assertPermitted(actor, "calendar.manage");
  const data = parseInput(calendarOverrideInputSchema, input);
  return db.$transaction(async (tx) => {
    const where = { date: isoDateToDateColumn(data.date) };
    const before = await tx.calendarOverride.findUnique({ where });
    await tx.calendarOverride.upsert({
      where,
      create: { ...where, working: data.working, note: data.note },
      update: { working: data.working, note: data.note },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "calendar_override.set",
      entityType: "CalendarOverride",
      entityId: data.date,
      details: { before: before ? { working: before.working, note: before.note } : null, after: { working: data.working, note: data.note } },
    });
    return data;
  });
}

export async function removeCalendarOverride(actor: ActingUser, date: unknown): Promise<void> {
  assertPermitted(actor, "calendar.manage");
  const { date: day } = parseInput(calendarDayQuerySchema, { date });
  await db.$transaction(async (tx) => {
    const where = { date: isoDateToDateColumn(day) };
    const row = await tx.calendarOverride.findUnique({ where });
    if (!row) throw new NotFoundError(messages.administration.calendar.noOverride);
    await tx.calendarOverride.delete({ where });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "calendar_override.remove",
      entityType: "CalendarOverride",
      entityId: day,
      details: { working: row.working, note: row.note },
    });
  });
}

export type CalendarCoverage = { firstYear: number; lastYear: number; currentYear: number; nextYear: number; nextYearCovered: boolean };

/** The years the holiday package knows, and whether next year's holidays are in it yet. */
export function describeCalendarCoverage(today: IsoDate = todayInBeijing()): CalendarCoverage {
  const { firstYear, lastYear } = getChineseCalendarCoverage();
  const currentYear = Number(today.slice(0, 4));
  return { firstYear, lastYear, currentYear, nextYear: currentYear + 1, nextYearCovered: lastYear >= currentYear + 1 };
}

export type CalendarDayCheck = DayClassification & {
  date: IsoDate;
  dayOfWeek: number;
  /** True when the holiday package has no data for the year: only weekends and overrides apply. */
  outsideCoverage: boolean;
};

/** How deadline arithmetic classifies a day: the official calendar with the overrides applied. */
export async function checkCalendarDay(actor: ActingUser, input: unknown): Promise<CalendarDayCheck> {
  assertPermitted(actor, "calendar.manage");
  const { date } = parseInput(calendarDayQuerySchema, input);
  const calendar = await loadWorkingDayCalendar();
  const { firstYear, lastYear } = getChineseCalendarCoverage();
  const year = Number(date.slice(0, 4));
  return { ...calendar.classifyDay(date), date, dayOfWeek: getDayOfWeek(date), outsideCoverage: year < firstYear || year > lastYear };
}
