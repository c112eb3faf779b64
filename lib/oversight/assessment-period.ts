/**
 * The period the assessment dashboard (考核) counts: a year, a quarter or a month of a year, in
 * Beijing calendar days. Pure: the current year comes in as an argument.
 */
import { z } from "zod";
import { addCalendarDays, type IsoDate } from "@/lib/deadlines/iso-date";
import { messages } from "@/lib/i18n";

const m = messages.assessment.period;

/** The Regulations' first version came into force in 2008: no earlier year has anything to assess. */
export const firstAssessmentYear = 2008;

export type AssessmentPeriod = { year: number; quarter: number | null; month: number | null };

export type PeriodRange = { from: IsoDate; to: IsoDate };

const optionalNumber = (message: string, maximum: number) =>
  z.preprocess(
    (value) =>
      value === null || value === undefined || (typeof value === "string" && value.trim() === "")
        ? undefined
        : typeof value === "string"
          ? value.trim()
          : value,
    z.coerce.number({ error: message }).int(message).min(1, message).max(maximum, message).optional(),
  );

/** `?year=&quarter=&month=`: the year defaults to the current one; a quarter and a month together are refused. */
export function assessmentPeriodSchema(currentYear: number) {
  return z
    .object({
      year: z.preprocess(
        (value) =>
          value === null || value === undefined || (typeof value === "string" && value.trim() === "")
            ? currentYear
            : typeof value === "string"
              ? value.trim()
              : value,
        z.coerce
          .number({ error: m.yearInvalid(firstAssessmentYear, currentYear) })
          .int(m.yearInvalid(firstAssessmentYear, currentYear))
          .min(firstAssessmentYear, m.yearInvalid(firstAssessmentYear, currentYear))
          .max(currentYear, m.yearInvalid(firstAssessmentYear, currentYear)),
      ),
      quarter: optionalNumber(m.quarterInvalid, 4),
      month: optionalNumber(m.monthInvalid, 12),
    })
    .superRefine((period, context) => {
      if (period.quarter !== undefined && period.month !== undefined) context.addIssue({ code: "custom", path: ["month"], message: m.quarterAndMonth });
    })
    .transform((period): AssessmentPeriod => ({ year: period.year, quarter: period.quarter ?? null, month: period.month ?? null }));
}

const pad = (value: number) => String(value).padStart(2, "0");

function lastDayOfMonth(year: number, month: number): IsoDate {
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`;
  return addCalendarDays(next, -1);
}

/** The first and last Beijing day of the period. */
export function periodRange(period: AssessmentPeriod): PeriodRange {
  if (period.month !== null) return { from: `${period.year}-${pad(period.month)}-01`, to: lastDayOfMonth(period.year, period.month) };
  if (period.quarter !== null) {
    const first = (period.quarter - 1) * 3 + 1;
    return { from: `${period.year}-${pad(first)}-01`, to: lastDayOfMonth(period.year, first + 2) };
  }
  return { from: `${period.year}-01-01`, to: `${period.year}-12-31` };
}

export function isInPeriod(day: IsoDate, range: PeriodRange): boolean {
  return day >= range.from && day <= range.to;
}

/** 2026年, 2026年第一季度, 2026年3月. */
export function describePeriod(period: AssessmentPeriod): string {
  if (period.month !== null) return m.month(period.year, period.month);
  if (period.quarter !== null) return m.quarter(period.year, period.quarter);
  return m.year(period.year);
}

/** The period as a query string (`year=2026&month=3`), for links and the export. */
export function periodQuery(period: AssessmentPeriod): string {
  const query = new URLSearchParams({ year: String(period.year) });
  if (period.quarter !== null) query.set("quarter", String(period.quarter));
  if (period.month !== null) query.set("month", String(period.month));
  return query.toString();
}

/** The twelve months of a year, for the trend. */
export function monthsOf(year: number): AssessmentPeriod[] {
  return Array.from({ length: 12 }, (_, index) => ({ year, quarter: null, month: index + 1 }));
}
