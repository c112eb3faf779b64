/**
 * The rules the assessment dashboard (考核) judges records by, as pure functions of days. The
 * deadlines themselves come from the records' own modules (lib/deadlines, lib/applications, …).
 */
import type { IsoDate } from "@/lib/deadlines/iso-date";
import { columnFreshness } from "@/lib/oversight/spot-check-rules";

/**
 * Late when done after the due day, or still open after it; on time when done by it; null (not yet
 * judged, not counted) while open and not yet due.
 */
export function judgeDeadline(dueOn: IsoDate, doneOn: IsoDate | null, today: IsoDate): boolean | null {
  if (doneOn !== null) return doneOn > dueOn;
  return today > dueOn ? true : null;
}

/** Art. 49 (条例第四十九条): the annual report on a year is published by 31 January of the next. */
export function annualReportDueOn(reportYear: number): IsoDate {
  return `${reportYear + 1}-01-31`;
}

/**
 * A register is stale on `day` when its newest publication is older than its column's age limit
 * (the spot-check's 栏目不更新 rule: lib/oversight/spot-check-rules.ts); the warning week counts as
 * fresh. Null when its column has no limit.
 */
export function isRegisterStale(lastUpdatedOn: IsoDate | null, limitDays: number | null, day: IsoDate): boolean | null {
  if (limitDays === null) return null;
  return columnFreshness(lastUpdatedOn, limitDays, day) === "fail";
}
