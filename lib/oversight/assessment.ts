import "server-only";
import { z } from "zod";
import { findAgencyByCode } from "@/lib/agency/agencies";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted, isPermitted } from "@/lib/auth/permissions";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-calendar";
import { todayInBeijing } from "@/lib/dates";
import { db } from "@/lib/db";
import type { IsoDate } from "@/lib/deadlines/iso-date";
import { InvalidQueryError, NotFoundError } from "@/lib/errors";
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
 *
 * 集约化: an agency is assessed on its own records and sections. Staff read their own agency's
 * dashboard; the platform roles (`assessment.read_platform`) read any agency's (`agency=<code>`) and
 * the view across the agencies (lib/oversight/platform-assessment.ts). For anyone else another
 * agency's dashboard is "not found" (404), as any record of another agency.
 */
export type AssessmentSection = { sectionId: number; name: string; figures: SectionFigures };

/** The agency a dashboard is of. */
export type AssessedAgency = { id: number; code: string; name: string };

export type Assessment = {
  agency: AgencyFigures;
  assessedAgency: AssessedAgency;
  period: AssessmentPeriod;
  range: PeriodRange;
  /** The day records are judged on: today (Beijing). */
  today: IsoDate;
  /** The day register freshness is judged on: the period's last day, or today while the period runs. */
  registersJudgedOn: IsoDate;
  sections: AssessmentSection[];
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

/**
 * Refuses (403) an actor who reads no assessment; the platform roles read every agency's, the
 * others their own agency's.
 */
export function assertMayReadAssessment(actor: ActingUser): { everyAgency: boolean } {
  if (isPermitted(actor.role, "assessment.read_platform")) {
    assertPermitted(actor, "assessment.read_platform");
    return { everyAgency: true };
  }
  assertPermitted(actor, "assessment.read");
  return { everyAgency: false };
}

/**
 * The agency a dashboard is of: the one `agency=<code>` names for a platform role, else the actor's
 * own. An unknown code, or another agency's for anyone else, is 404 (its existence is not disclosed).
 */
async function resolveAssessedAgency(actor: ActingUser, code: unknown): Promise<AssessedAgency> {
  const { everyAgency } = assertMayReadAssessment(actor);
  const named = typeof code === "string" && code.trim() ? await findAgencyByCode(code) : null;
  if (typeof code === "string" && code.trim() && (!named || (!everyAgency && named.id !== actor.agencyId)))
    throw new NotFoundError(messages.common.notFound.agency);
  if (named) return { id: named.id, code: named.code, name: named.name };
  const own = await db.agency.findUniqueOrThrow({ where: { id: actor.agencyId }, select: { id: true, code: true, name: true } });
  return own;
}

const agencyOf = (input: unknown): unknown => (input && typeof input === "object" ? (input as Record<string, unknown>).agency : undefined);

function listAgencySections(agencyId: number) {
  return db.section.findMany({ where: { agencyId }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { id: true, name: true } });
}

async function loadYear(agencyId: number, period: AssessmentPeriod, today: IsoDate) {
  const yearRange = periodRange({ year: period.year, quarter: null, month: null });
  const range = periodRange(period);
  const registersJudgedOn = range.to < today ? range.to : today;
  const [calendar, sections, registers] = await Promise.all([
    loadWorkingDayCalendar(),
    listAgencySections(agencyId),
    judgeRegisterFreshness(registersJudgedOn, [agencyId]),
  ]);
  const yearRecords = await collectAssessmentRecords(calendar, yearRange, today, [agencyId]);
  return {
    range,
    registersJudgedOn,
    sections,
    registers: { agency: registers.byAgency.get(agencyId) ?? [], bySection: registers.bySection },
    yearRecords,
    records: yearRecords.filter((record) => isInPeriod(record.dueOn, range)),
  };
}

/** One agency's dashboard (`agency=<code>` in `input` names another agency, for the platform roles). */
export async function loadAssessment(actor: ActingUser, input: unknown): Promise<Assessment> {
  const assessedAgency = await resolveAssessedAgency(actor, agencyOf(input));
  const today = todayInBeijing();
  const period = parseAssessmentPeriod(input, today);
  const { range, registersJudgedOn, sections, registers, yearRecords, records } = await loadYear(assessedAgency.id, period, today);
  return {
    assessedAgency,
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
  assessedAgency: AssessedAgency;
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
  const assessedAgency = await resolveAssessedAgency(actor, agencyOf(input));
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
  // A section of another agency is as unknown as one that does not exist.
  const section =
    sectionId === undefined ? null : await db.section.findFirst({ where: { id: sectionId, agencyId: assessedAgency.id }, select: { id: true, name: true } });
  if (sectionId !== undefined && !section) throw new InvalidQueryError({ section: [messages.assessment.records.sectionInvalid] });
  const { range, registersJudgedOn, registers, records } = await loadYear(assessedAgency.id, period, today);
  const statusMatches = (late: boolean | null) => status === undefined || (status === "late" ? late === true : late === false);
  const inSection = (candidate: number | null) => section === null || candidate === section.id;
  return {
    assessedAgency,
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

/** The sections' names of the dashboard's agency, for the drill-down's section column. */
export async function listSectionNames(actor: ActingUser, input: unknown = {}): Promise<{ id: number; name: string }[]> {
  const assessedAgency = await resolveAssessedAgency(actor, agencyOf(input));
  return listAgencySections(assessedAgency.id);
}
