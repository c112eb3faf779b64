import type { WorkingDayCalendar } from "@/lib/deadlines/calendar";
import { addCalendarDays, assertIsoDate, type IsoDate } from "@/lib/deadlines/iso-date";
import { addWorkingDays, type DeadlineComputation } from "@/lib/deadlines/working-days";
import type { DecisionKind } from "@/lib/generated/prisma/enums";

/** 双公示: a decision goes online within 7 working days of the day it was made. */
export const decisionDisclosureWorkingDays = 7;

export function computeDecisionDisclosureDeadline(calendar: WorkingDayCalendar, decisionDate: IsoDate): DeadlineComputation {
  return addWorkingDays(calendar, decisionDate, decisionDisclosureWorkingDays);
}

/**
 * Publicity periods when an administrator has set none. Penalty information stays public for at
 * most three years under the credit-repair rules (3 months at least); licensing and coercion
 * decisions have no end.
 */
export const defaultPublicityMonths: Record<DecisionKind, number | null> = { license: null, penalty: 36, coercion: null };

export const maximumPublicityMonths = 120;

/**
 * The same day `months` later; a day the target month lacks becomes its last day
 * (2017-01-31 + 1 month = 2017-02-28), exactly as PostgreSQL adds a month interval to a date —
 * the database recomputes end dates that way when a period changes.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  assertIsoDate(date);
  const [year, month, day] = date.split("-").map(Number);
  const targetMonthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(targetMonthIndex / 12);
  const targetMonth = targetMonthIndex % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return `${String(targetYear).padStart(4, "0")}-${String(targetMonth + 1).padStart(2, "0")}-${String(Math.min(day, lastDay)).padStart(2, "0")}`;
}

/** The last day a decision is on the public list, or null when its kind's period has no end. */
export function computePublicUntil(decisionDate: IsoDate, months: number | null): IsoDate | null {
  return months === null ? null : addCalendarDays(addMonths(decisionDate, months), -1);
}

export type DisclosureStatus = {
  due: IsoDate;
  /** Not yet published and the due day has passed. */
  overdue: boolean;
  /** Published after the due day. */
  late: boolean;
};

/** Where a decision stands against its 7-working-day deadline on `today`. */
export function describeDisclosureStatus(due: IsoDate, publishedOn: IsoDate | null, today: IsoDate): DisclosureStatus {
  return { due, overdue: publishedOn === null && today > due, late: publishedOn !== null && publishedOn > due };
}
