import type { WorkingDayCalendar } from "@/lib/deadlines/calendar";
import type { IsoDate } from "@/lib/deadlines/iso-date";
import { addWorkingDays, describeDeadline } from "@/lib/deadlines/working-days";

/** Inspection results are public within 20 working days of the inspection's end. */
export const inspectionResultsWorkingDays = 20;

export type ResultsTimeliness = {
  due: IsoDate;
  explanation: string;
  /** on_time / late: published; pending: not yet, still in time; overdue: not yet, too late. */
  status: "on_time" | "late" | "pending" | "overdue";
  publishedOn: IsoDate | null;
};

export function describeResultsTimeliness(calendar: WorkingDayCalendar, endOn: IsoDate, publishedOn: IsoDate | null, today: IsoDate): ResultsTimeliness {
  const computation = addWorkingDays(calendar, endOn, inspectionResultsWorkingDays);
  const due = computation.due;
  const status = publishedOn ? (publishedOn <= due ? "on_time" : "late") : today > due ? "overdue" : "pending";
  return { due, explanation: describeDeadline(computation), status, publishedOn };
}
