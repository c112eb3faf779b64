import { messages } from "@/lib/i18n";
import type { DayClassification, DayReason, WorkingDayCalendar } from "./calendar";
import { addCalendarDays, assertIsoDate, type IsoDate } from "./iso-date";

export type SkippedDay = { date: IsoDate; reason: DayReason; holidayName?: string };

/** A deadline together with the days behind it, so the UI can show how it was reached. */
export type DeadlineComputation = {
  start: IsoDate;
  count: number;
  due: IsoDate;
  countedDays: IsoDate[];
  skippedDays: SkippedDay[];
};

// The longest official rest run is nine days; a run far beyond that means a misconfigured
// calendar (for example overrides marking every day as rest), which must not hang a request.
const maximumConsecutiveRestDays = 366;

/** User-facing text of deadline explanations (lib/i18n: `messages.common.deadlineExplanation`). */
export const deadlineMessages = messages.common.deadlineExplanation satisfies { reasonLabels: Record<DayReason, string> };

export function isWorkingDay(calendar: WorkingDayCalendar, date: IsoDate): boolean {
  return calendar.classifyDay(date).working;
}

function toSkippedDay(date: IsoDate, classification: DayClassification): SkippedDay {
  const skipped: SkippedDay = { date, reason: classification.reason };
  return classification.holidayName === undefined ? skipped : { ...skipped, holidayName: classification.holidayName };
}

function assertWorkingDayCount(count: number): void {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`A working-day count must be a non-negative integer, got ${count}`);
  }
}

function assertRestRunIsPlausible(consecutiveRestDays: number, date: IsoDate): void {
  if (consecutiveRestDays > maximumConsecutiveRestDays) {
    throw new Error(`No working day within ${maximumConsecutiveRestDays} days before ${date}; check the calendar overrides`);
  }
}

/** Art. 31: something received on a rest day counts as received on the next working day. */
export function nextWorkingDayOnOrAfter(calendar: WorkingDayCalendar, date: IsoDate): IsoDate {
  let candidate = date;
  for (let restDays = 0; !isWorkingDay(calendar, candidate); restDays++) {
    assertRestRunIsPlausible(restDays, candidate);
    candidate = addCalendarDays(candidate, 1);
  }
  return candidate;
}

/**
 * The `count`-th working day after `start`. The day of the event itself never counts
 * (期间开始的当日不计算在期间内), so `count = 0` gives back `start`.
 */
export function addWorkingDays(calendar: WorkingDayCalendar, start: IsoDate, count: number): DeadlineComputation {
  assertIsoDate(start);
  assertWorkingDayCount(count);
  const countedDays: IsoDate[] = [];
  const skippedDays: SkippedDay[] = [];
  let current = start;
  let consecutiveRestDays = 0;
  while (countedDays.length < count) {
    current = addCalendarDays(current, 1);
    const classification = calendar.classifyDay(current);
    if (classification.working) {
      countedDays.push(current);
      consecutiveRestDays = 0;
    } else {
      skippedDays.push(toSkippedDay(current, classification));
      assertRestRunIsPlausible(++consecutiveRestDays, current);
    }
  }
  return { start, count, due: current, countedDays, skippedDays };
}

/** Working days after `from` up to and including `to`; 0 when `to` is not after `from`. */
export function countWorkingDaysBetween(calendar: WorkingDayCalendar, from: IsoDate, to: IsoDate): number {
  assertIsoDate(from);
  assertIsoDate(to);
  let workingDays = 0;
  // IsoDate strings sort chronologically, so plain string comparison is a date comparison.
  for (let current = addCalendarDays(from, 1); current <= to; current = addCalendarDays(current, 1)) {
    if (isWorkingDay(calendar, current)) workingDays++;
  }
  return workingDays;
}

function labelSkippedDay(day: SkippedDay): string {
  return day.holidayName ?? deadlineMessages.reasonLabels[day.reason];
}

/** Merges consecutive skipped days with the same label, so a week of 国庆节 reads as one item. */
function groupSkippedDays(skippedDays: SkippedDay[]): { first: IsoDate; last: IsoDate; label: string }[] {
  const groups: { first: IsoDate; last: IsoDate; label: string }[] = [];
  for (const day of skippedDays) {
    const label = labelSkippedDay(day);
    const previous = groups.at(-1);
    if (previous && previous.label === label && addCalendarDays(previous.last, 1) === day.date) {
      previous.last = day.date;
    } else {
      groups.push({ first: day.date, last: day.date, label });
    }
  }
  return groups;
}

export function describeDeadline(computation: DeadlineComputation): string {
  const clauses = [deadlineMessages.startClause(computation.start, computation.count)];
  const groups = groupSkippedDays(computation.skippedDays);
  if (groups.length > 0) {
    const items = groups.map(({ first, last, label }) => deadlineMessages.skippedItem(first === last ? first : deadlineMessages.dayRange(first, last), label));
    clauses.push(deadlineMessages.skippedClause(items));
  }
  clauses.push(deadlineMessages.dueClause(computation.due));
  return clauses.join(deadlineMessages.clauseSeparator);
}
