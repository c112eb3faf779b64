import type { WorkingDayCalendar } from "@/lib/deadlines/calendar";
import { addCalendarDays, assertIsoDate, type IsoDate } from "@/lib/deadlines/iso-date";
import { addWorkingDays, type DeadlineComputation } from "@/lib/deadlines/working-days";
import type { DecisionKind, PenaltyProcedure, PenaltySeverity } from "@/lib/generated/prisma/enums";

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

/**
 * 国家发展改革委令第58号《失信行为纠正后的信用信息修复管理办法（试行）》(in force since
 * 2023-05-01): 行政处罚信息 concerning 一般失信行为 is published for 3 months; concerning
 * 严重失信行为 for at least 1 year and at most 3 years — it comes off when the 3 years are up, or
 * earlier after 信用修复 once the minimum year has passed. Counted from the decision date.
 */
export const penaltyPublicityMonths: Record<PenaltySeverity, { minimum: number; maximum: number }> = {
  general: { minimum: 3, maximum: 3 },
  serious: { minimum: 12, maximum: 36 },
};

/** The minimum of a penalty recorded before severities existed: the shortest period the rules know. */
const legacyMinimumMonths = penaltyPublicityMonths.general.minimum;

/**
 * A decision's publicity period in months (null: no end). A penalty with a severity follows the
 * credit-repair rules; anything else (licences, coercion, penalties from before round two) the
 * period an administrator set for its kind.
 */
export function publicityMonthsOf(
  decision: { kind: DecisionKind; penaltySeverity: PenaltySeverity | null },
  periods: Record<DecisionKind, number | null>,
): number | null {
  if (decision.kind === "penalty" && decision.penaltySeverity) return penaltyPublicityMonths[decision.penaltySeverity].maximum;
  return periods[decision.kind];
}

/**
 * 适用简易程序的行政处罚信息不予公示: a penalty decided on the spot under the simple procedure
 * (《行政处罚法》第五十一条: a warning, or a fine up to 200 yuan for a citizen and 3,000 yuan for
 * an organisation) is kept in the register but never put on the public list — the credit-repair
 * rules (国家发展改革委令第58号) leave such information out of publication.
 */
export function isPublishedOnline(decision: { kind: DecisionKind; penaltyProcedure: PenaltyProcedure | null }): boolean {
  return !(decision.kind === "penalty" && decision.penaltyProcedure === "simple");
}

/** The first day a penalty may come off the public list early after 信用修复 (the minimum period is up). */
export function earliestRemovalDate(decisionDate: IsoDate, severity: PenaltySeverity | null): IsoDate {
  return addMonths(decisionDate, severity ? penaltyPublicityMonths[severity].minimum : legacyMinimumMonths);
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
