import type { WorkingDayCalendar } from "@/lib/deadlines/calendar";
import { addCalendarDays, type IsoDate } from "@/lib/deadlines/iso-date";
import { countWorkingDaysBetween } from "@/lib/deadlines/working-days";

/**
 * When a scheduled notification is due: pure, dates in, answers out, the holiday calendar injected.
 * Every "within n days" here counts working days (lib/deadlines), never calendar days: a deadline
 * on the Wednesday after a long weekend is two working days away on the Friday before it.
 */

/** Days before an application's reply is due that its handlers are told (issue 17: within 3 working days). */
export const applicationDueSoonWorkingDays = 3;
/** A consultation's answer and a fee notice's payment period: told as the application's due day. */
export const periodEndingWorkingDays = 3;
/** A proposal reply's deadline (3 working days). */
export const proposalDueSoonWorkingDays = 3;
/** A 双公示 decision's 7-working-day publication limit (2 working days before). */
export const decisionDueSoonWorkingDays = 2;

/** Working days left until `due` (0 on the day itself), or null once it has passed. */
export function workingDaysUntil(calendar: WorkingDayCalendar, today: IsoDate, due: IsoDate): number | null {
  if (due < today) return null;
  return countWorkingDaysBetween(calendar, today, due);
}

/** Due within `limit` working days from today (today included), not yet passed. */
export function isDueWithin(calendar: WorkingDayCalendar, today: IsoDate, due: IsoDate, limit: number): boolean {
  const left = workingDaysUntil(calendar, today, due);
  return left !== null && left <= limit;
}

/**
 * The annual report's countdown (Regulations Art. 49: published by 31 January): from 1 January of
 * the following year until it is published, the days left to 31 January (negative once it passed),
 * or null outside January and after publication.
 */
export function reportCountdown(today: IsoDate, published: boolean): { reportYear: number; daysLeft: number } | null {
  if (published) return null;
  const year = Number(today.slice(0, 4));
  const deadline = `${year}-01-31`;
  let daysLeft = 0;
  if (today <= deadline) for (let day = today; day < deadline; day = addCalendarDays(day, 1)) daysLeft++;
  else for (let day = deadline; day < today; day = addCalendarDays(day, 1)) daysLeft--;
  // Until the report is published, however late; only in the first quarter, when it is still due.
  if (daysLeft < -59) return null;
  return { reportYear: year - 1, daysLeft };
}
