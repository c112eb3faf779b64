import { todayInBeijing } from "@/lib/dates";

/** Each agency's report of year Y is due on 31 January of Y+1 (Art. 49). */
export function reportDueDate(year: number): string {
  return `${year + 1}-01-31`;
}

/** Days from today (Beijing) to the due date; negative once past. */
export function daysUntilReportDue(year: number, today = todayInBeijing()): number {
  return Math.round((Date.parse(`${reportDueDate(year)}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** The report year the office is working towards now: last year's until 31 January, then this year's. */
export function currentReportYear(today = todayInBeijing()): number {
  const year = Number(today.slice(0, 4));
  return today <= `${year}-01-31` ? year - 1 : year;
}
