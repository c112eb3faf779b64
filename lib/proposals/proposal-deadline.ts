import type { WorkingDayCalendar } from "@/lib/deadlines/calendar";
import { assertIsoDate, type IsoDate } from "@/lib/deadlines/iso-date";
import { deadlineMessages, nextWorkingDayOnOrAfter } from "@/lib/deadlines/working-days";
import { messages } from "@/lib/i18n";

/** The reply period when nothing else is configured: three months from assignment (交办). */
export const defaultReplyPeriodMonths = 3;
/** A reopened proposal is answered again within one month. */
export const reopenedReplyPeriodMonths = 1;

/**
 * The same day `months` later; when that month is shorter, its last day (民法典第二百零二条:
 * 到期月的对应日为期间的最后一日；没有对应日的，月末日为期间的最后一日).
 */
export function addCalendarMonths(date: IsoDate, months: number): IsoDate {
  assertIsoDate(date);
  if (!Number.isInteger(months)) throw new RangeError(`A month count must be an integer, got ${months}`);
  const [year, month, day] = date.split("-").map(Number);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const targetDay = Math.min(day, lastDay);
  return `${String(targetYear).padStart(4, "0")}-${String(targetMonth + 1).padStart(2, "0")}-${String(targetDay).padStart(2, "0")}`;
}

export type ReplyDeadline = {
  start: IsoDate;
  months: number;
  /** The day the months end on, before moving off a rest day. */
  periodEnd: IsoDate;
  due: IsoDate;
  explanation: string;
};

/**
 * The reply deadline: `months` calendar months from `start`; a period ending on a rest day ends on
 * the next working day instead (民法典第二百零三条).
 */
export function computeReplyDeadline(calendar: WorkingDayCalendar, start: IsoDate, months: number): ReplyDeadline {
  const periodEnd = addCalendarMonths(start, months);
  const due = nextWorkingDayOnOrAfter(calendar, periodEnd);
  const clauses = [messages.proposals.deadlineExplanation.period(start, months, periodEnd)];
  if (due !== periodEnd) {
    const classification = calendar.classifyDay(periodEnd);
    const label = classification.holidayName ?? deadlineMessages.reasonLabels[classification.reason];
    clauses.push(messages.proposals.deadlineExplanation.movedOffRestDay(label, due));
  }
  return { start, months, periodEnd, due, explanation: clauses.join("，") };
}

/** A deadline set by hand, described the same way. */
export function describeManualDeadline(due: IsoDate): string {
  return messages.proposals.deadlineExplanation.manual(due);
}
