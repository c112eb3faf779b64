import "server-only";
import { listAgencies, type AgencyDetails } from "@/lib/agency/agencies";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-calendar";
import { todayInBeijing } from "@/lib/dates";
import type { IsoDate } from "@/lib/deadlines/iso-date";
import { parseAssessmentPeriod } from "@/lib/oversight/assessment";
import { countDeadline, countRegisters, figureKeys, type DeadlineFigure, type FigureKey } from "@/lib/oversight/assessment-figures";
import { periodRange, type AssessmentPeriod, type PeriodRange } from "@/lib/oversight/assessment-period";
import { collectAssessmentRecords, deadlineFigureKeys, type AssessmentRecord } from "@/lib/oversight/assessment-records";
import { judgeRegisterFreshness } from "@/lib/oversight/assessment-registers";

/**
 * The assessment across the platform's agencies (集约化, the 政务公开办's view): each agency's
 * figures of a period side by side — the same records, rules and counts as its own dashboard
 * (lib/oversight/assessment.ts) — with an overall on-time rate and a rank. Every figure is read for
 * all agencies at once: the dashboard's handful of queries, not a handful per agency. Counts only:
 * no record, and so nothing of an applicant, is in it.
 */
export type PlatformAssessmentRow = {
  code: string;
  name: string;
  kind: AgencyDetails["kind"];
  figures: Record<FigureKey, DeadlineFigure>;
  /** Every figure summed: the records (and registers) judged on time, and those judged late. */
  overall: DeadlineFigure;
  /** `overall`'s on-time share, 0–1; null when nothing of the agency was judged in the period. */
  rate: number | null;
  /** 1 for the best rate; equal rates share a rank (1, 2, 2, 4); null without a rate. */
  rank: number | null;
};

export type PlatformAssessment = {
  period: AssessmentPeriod;
  range: PeriodRange;
  today: IsoDate;
  registersJudgedOn: IsoDate;
  /** By rank (the best first), then the agencies without a rate in the platform's order. */
  agencies: PlatformAssessmentRow[];
  /** Summed over the agencies. */
  total: { figures: Record<FigureKey, DeadlineFigure>; overall: DeadlineFigure; rate: number | null };
  /** The mean of the agencies' rates (those with one); null when none has. */
  averageRate: number | null;
};

const rateOf = (figure: DeadlineFigure): number | null => (figure.onTime + figure.late === 0 ? null : figure.onTime / (figure.onTime + figure.late));

const sumFigures = (figures: readonly DeadlineFigure[]): DeadlineFigure =>
  figures.reduce((total, figure) => ({ onTime: total.onTime + figure.onTime, late: total.late + figure.late }), { onTime: 0, late: 0 });

/** Groups `records` by their agency in one pass (500 agencies: no filtering the whole list per agency). */
function groupByAgency(records: readonly AssessmentRecord[]): Map<number, AssessmentRecord[]> {
  const groups = new Map<number, AssessmentRecord[]>();
  for (const record of records) {
    const group = groups.get(record.agencyId);
    if (group) group.push(record);
    else groups.set(record.agencyId, [record]);
  }
  return groups;
}

/**
 * Ranks by rate, the best first (at an equal rate, fewer late records first); agencies with the same
 * rate and the same late count share a rank. Rows without a rate come last, unranked.
 */
function rank(rows: Omit<PlatformAssessmentRow, "rank">[]): PlatformAssessmentRow[] {
  const rated = rows
    .filter((row) => row.rate !== null)
    .sort((a, b) => b.rate! - a.rate! || a.overall.late - b.overall.late || b.overall.onTime - a.overall.onTime);
  const ranked = rated.map((row, index): PlatformAssessmentRow => ({ ...row, rank: index + 1 }));
  for (let index = 1; index < ranked.length; index++) {
    const previous = ranked[index - 1];
    const row = ranked[index];
    if (row.rate === previous.rate && row.overall.late === previous.overall.late) row.rank = previous.rank;
  }
  return [...ranked, ...rows.filter((row) => row.rate === null).map((row) => ({ ...row, rank: null }))];
}

/** The period's figures of every agency of the platform (platform roles: `assessment.read_platform`). */
export async function loadPlatformAssessment(actor: ActingUser, input: unknown): Promise<PlatformAssessment> {
  assertPermitted(actor, "assessment.read_platform");
  const today = todayInBeijing();
  const period = parseAssessmentPeriod(input, today);
  const range = periodRange(period);
  const registersJudgedOn = range.to < today ? range.to : today;
  const [agencies, calendar] = await Promise.all([listAgencies(), loadWorkingDayCalendar()]);
  const ids = agencies.map((agency) => agency.id);
  const [records, registers] = await Promise.all([collectAssessmentRecords(calendar, range, today, ids), judgeRegisterFreshness(registersJudgedOn, ids)]);
  const byAgency = groupByAgency(records);
  const rows = agencies.map((agency) => {
    const own = byAgency.get(agency.id) ?? [];
    const { onTime, late } = countRegisters(registers.byAgency.get(agency.id) ?? []);
    const figures = {
      ...Object.fromEntries(deadlineFigureKeys.map((key) => [key, countDeadline(own, key)])),
      registerFreshness: { onTime, late },
    } as Record<FigureKey, DeadlineFigure>;
    const overall = sumFigures(figureKeys.map((key) => figures[key]));
    return { code: agency.code, name: agency.name, kind: agency.kind, figures, overall, rate: rateOf(overall) };
  });
  const totalFigures = Object.fromEntries(figureKeys.map((key) => [key, sumFigures(rows.map((row) => row.figures[key]))])) as Record<FigureKey, DeadlineFigure>;
  const totalOverall = sumFigures(rows.map((row) => row.overall));
  const rates = rows.map((row) => row.rate).filter((rate): rate is number => rate !== null);
  return {
    period,
    range,
    today,
    registersJudgedOn,
    agencies: rank(rows),
    total: { figures: totalFigures, overall: totalOverall, rate: rateOf(totalOverall) },
    averageRate: rates.length ? rates.reduce((sum, rate) => sum + rate, 0) / rates.length : null,
  };
}
