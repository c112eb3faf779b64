import "server-only";
import { z } from "zod";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-calendar";
import { todayInBeijing } from "@/lib/dates";
import { db } from "@/lib/db";
import type { IsoDate } from "@/lib/deadlines/iso-date";
import { InvalidQueryError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import {
  countAgencyFigures,
  countDeadline,
  countSectionFigures,
  figureKeys,
  type AgencyFigures,
  type DeadlineFigure,
  type FigureKey,
  type SectionFigures,
} from "@/lib/oversight/assessment-figures";
import { assessmentPeriodSchema, isInPeriod, monthsOf, periodRange, type AssessmentPeriod, type PeriodRange } from "@/lib/oversight/assessment-period";
import { collectAssessmentRecords, deadlineFigureKeys, type AssessmentRecord, type DeadlineFigureKey } from "@/lib/oversight/assessment-records";
import { judgeRegisterFreshness, type RegisterFreshness } from "@/lib/oversight/assessment-registers";
import { fieldErrorsOf } from "@/lib/validation";

/**
 * The assessment dashboard (考核, issue 17): per section and for the agency, how many records met
 * their deadline in a period. A record counts in the period its deadline falls in; one still open
 * after its deadline counts as late. Read-only and agency-wide (like the spot-check): computed on
 * each request.
 */
export type AssessmentSection = { sectionId: number; name: string; figures: SectionFigures };

export type Assessment = {
  period: AssessmentPeriod;
  range: PeriodRange;
  /** The day records are judged on: today (Beijing). */
  today: IsoDate;
  /** The day register freshness is judged on: the period's last day, or today while the period runs. */
  registersJudgedOn: IsoDate;
  sections: AssessmentSection[];
  agency: AgencyFigures;
  /** The agency's deadline figures month by month over the period's year (the trend chart). */
  trend: { month: number; figures: Record<DeadlineFigureKey, DeadlineFigure> }[];
};

function currentYear(today: IsoDate): number {
  return Number(today.slice(0, 4));
}

/**
 * `{year, quarter, month}` as strings or numbers (a query string); a bad one is refused with the
 * field at fault (400 in the API: it names no period).
 */
export function parseAssessmentPeriod(input: unknown, today: IsoDate = todayInBeijing()): AssessmentPeriod {
  const result = assessmentPeriodSchema(currentYear(today)).safeParse(input);
  if (!result.success) throw new InvalidQueryError(fieldErrorsOf(result.error));
  return result.data;
}

async function loadYear(period: AssessmentPeriod, today: IsoDate) {
  const yearRange = periodRange({ year: period.year, quarter: null, month: null });
  const range = periodRange(period);
  const registersJudgedOn = range.to < today ? range.to : today;
  const [calendar, sections, registers] = await Promise.all([
    loadWorkingDayCalendar(),
    db.section.findMany({ orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { id: true, name: true } }),
    judgeRegisterFreshness(registersJudgedOn),
  ]);
  const yearRecords = await collectAssessmentRecords(calendar, yearRange, today);
  return { range, registersJudgedOn, sections, registers, yearRecords, records: yearRecords.filter((record) => isInPeriod(record.dueOn, range)) };
}

export async function loadAssessment(actor: ActingUser, input: unknown): Promise<Assessment> {
  assertPermitted(actor, "assessment.read");
  const today = todayInBeijing();
  const period = parseAssessmentPeriod(input, today);
  const { range, registersJudgedOn, sections, registers, yearRecords, records } = await loadYear(period, today);
  return {
    period,
    range,
    today,
    registersJudgedOn,
    sections: sections.map((section) => ({
      sectionId: section.id,
      name: section.name,
      figures: countSectionFigures(
        records.filter((record) => record.sectionId === section.id),
        registers.bySection.get(section.id) ?? [],
      ),
    })),
    agency: countAgencyFigures(records, registers.agency),
    trend: monthsOf(period.year).map((month) => {
      const monthRange = periodRange(month);
      const inMonth = yearRecords.filter((record) => isInPeriod(record.dueOn, monthRange));
      return {
        month: month.month!,
        figures: Object.fromEntries(deadlineFigureKeys.map((key) => [key, countDeadline(inMonth, key)])) as Record<DeadlineFigureKey, DeadlineFigure>,
      };
    }),
  };
}

const drillDownSchema = z.object({
  figure: z.enum(figureKeys, { error: messages.assessment.records.figureInvalid }),
  /** A section's id, or empty for the whole agency. */
  section: z.preprocess(
    (value) => (value === null || value === undefined || value === "" ? undefined : value),
    z.coerce
      .number({ error: messages.assessment.records.sectionInvalid })
      .int(messages.assessment.records.sectionInvalid)
      .positive(messages.assessment.records.sectionInvalid)
      .optional(),
  ),
  /** `onTime` or `late`; empty for both. */
  status: z.preprocess(
    (value) => (value === null || value === "" ? undefined : value),
    z.enum(["onTime", "late"], { error: messages.assessment.records.statusInvalid }).optional(),
  ),
});

export type AssessmentRecords = {
  period: AssessmentPeriod;
  range: PeriodRange;
  figure: FigureKey;
  section: { id: number; name: string } | null;
  status: "onTime" | "late" | undefined;
  records: AssessmentRecord[];
  registers: RegisterFreshness[];
  registersJudgedOn: IsoDate;
};

/** The records behind one cell of the dashboard: exactly those it counted. */
export async function listAssessmentRecords(actor: ActingUser, input: unknown): Promise<AssessmentRecords> {
  assertPermitted(actor, "assessment.read");
  const today = todayInBeijing();
  const periodResult = assessmentPeriodSchema(currentYear(today)).safeParse(input);
  const drillDownResult = drillDownSchema.safeParse(input);
  if (!periodResult.success || !drillDownResult.success)
    throw new InvalidQueryError({
      ...(periodResult.success ? {} : fieldErrorsOf(periodResult.error)),
      ...(drillDownResult.success ? {} : fieldErrorsOf(drillDownResult.error)),
    });
  const period = periodResult.data;
  const { figure, section: sectionId, status } = drillDownResult.data;
  const section = sectionId === undefined ? null : await db.section.findUnique({ where: { id: sectionId }, select: { id: true, name: true } });
  if (sectionId !== undefined && !section) throw new InvalidQueryError({ section: [messages.assessment.records.sectionInvalid] });
  const { range, registersJudgedOn, registers, records } = await loadYear(period, today);
  const statusMatches = (late: boolean | null) => status === undefined || (status === "late" ? late === true : late === false);
  const inSection = (candidate: number | null) => section === null || candidate === section.id;
  return {
    period,
    range,
    figure,
    section,
    status,
    records:
      figure === "registerFreshness"
        ? []
        : records
            .filter((record) => record.figure === figure && inSection(record.sectionId) && statusMatches(record.late))
            .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.id - b.id),
    registers:
      figure === "registerFreshness"
        ? (section ? (registers.bySection.get(section.id) ?? []) : registers.agency).filter((register) => statusMatches(register.stale))
        : [],
    registersJudgedOn,
  };
}

/** The sections' names, for the drill-down's section column. */
export async function listSectionNames(actor: ActingUser): Promise<{ id: number; name: string }[]> {
  assertPermitted(actor, "assessment.read");
  return db.section.findMany({ orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { id: true, name: true } });
}
