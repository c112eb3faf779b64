import "server-only";
import { clockOf } from "@/lib/applications/application-clock";
import { tallyApplicationsForReport, type ApplicationReportFigures, type ReportApplicationRow } from "@/lib/applications/report-tally";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-calendar";
import { dateColumnToIsoDate, isoDateToDateColumn, todayInBeijing } from "@/lib/dates";
import { db } from "@/lib/db";
import { sumPaidFees } from "@/lib/fees/fee-calculator";

export { tallyApplicationsForReport, type ApplicationReportFigures, type ApplicantColumnCounts } from "@/lib/applications/report-tally";
export { countAppealsForReport } from "@/lib/applications/appeals";

/** The agency whose figures are counted (集约化); every agency's without one. */
type AgencyOption = { agencyId?: number };
const ofAgency = ({ agencyId }: AgencyOption) => (agencyId === undefined ? {} : { agencyId });

/**
 * The figures the annual report takes from applications (Table 3). Applications imported from a
 * ledger count exactly like those handled here: by official day of receipt and day of decision.
 * Aggregates only, no personal data: the report's own permissions govern who sees them. With
 * `agencyId`, that agency's applications only (集约化), as in every function of this file.
 */
export async function countApplicationsForReport(year: number, options: AgencyOption = {}): Promise<ApplicationReportFigures> {
  const rows = await db.application.findMany({
    where: {
      ...ofAgency(options),
      receivedOn: { lte: isoDateToDateColumn(`${year}-12-31`) },
      OR: [{ decidedOn: null }, { decidedOn: { gte: isoDateToDateColumn(`${year}-01-01`) } }],
    },
    select: { applicantType: true, organisationKind: true, receivedOn: true, decidedOn: true, outcome: true },
  });
  return tallyApplicationsForReport(
    rows.map((row) => ({ ...row, receivedOn: dateColumnToIsoDate(row.receivedOn), decidedOn: dateColumnToIsoDate(row.decidedOn) })),
    year,
  );
}

/**
 * Table 3 of each of the agencies, from one read of the year's applications (the platform's summary,
 * 集约化): an application counts in the agency it was made (or transferred) to.
 */
export async function countApplicationsForReportByAgency(year: number, agencyIds: readonly number[]): Promise<Map<number, ApplicationReportFigures>> {
  const rows = await db.application.findMany({
    where: {
      agencyId: { in: [...agencyIds] },
      receivedOn: { lte: isoDateToDateColumn(`${year}-12-31`) },
      OR: [{ decidedOn: null }, { decidedOn: { gte: isoDateToDateColumn(`${year}-01-01`) } }],
    },
    select: { agencyId: true, applicantType: true, organisationKind: true, receivedOn: true, decidedOn: true, outcome: true },
  });
  const byAgency = new Map<number, ReportApplicationRow[]>(agencyIds.map((agencyId) => [agencyId, []]));
  for (const { agencyId, ...row } of rows)
    byAgency.get(agencyId)!.push({ ...row, receivedOn: dateColumnToIsoDate(row.receivedOn), decidedOn: dateColumnToIsoDate(row.decidedOn) });
  return new Map([...byAgency].map(([agencyId, applications]) => [agencyId, tallyApplicationsForReport(applications, year)]));
}

/** 信息处理费 charged in the year (元): fees paid that year. */
export async function sumFeesForYear(year: number, options: AgencyOption = {}): Promise<number> {
  const fees = await db.applicationFee.findMany({
    where: {
      ...(options.agencyId === undefined ? {} : { application: { agencyId: options.agencyId } }),
      paidOn: { gte: isoDateToDateColumn(`${year}-01-01`), lte: isoDateToDateColumn(`${year}-12-31`) },
    },
    select: { amountYuan: true, paidOn: true },
  });
  return sumPaidFees(
    fees.map((fee) => ({ amountYuan: fee.amountYuan, paidOn: dateColumnToIsoDate(fee.paidOn) })),
    year,
  );
}

/** 信息处理费 notices sent in `year` (by the notice's date): how many, and their total in 元. */
export async function countFeeNoticesForYear(year: number, options: AgencyOption = {}): Promise<{ count: number; amountYuan: number }> {
  const result = await db.applicationFee.aggregate({
    where: {
      ...(options.agencyId === undefined ? {} : { application: { agencyId: options.agencyId } }),
      noticeOn: { gte: isoDateToDateColumn(`${year}-01-01`), lte: isoDateToDateColumn(`${year}-12-31`) },
    },
    _count: { _all: true },
    _sum: { amountYuan: true },
  });
  return { count: result._count._all, amountYuan: result._sum.amountYuan ?? 0 };
}

/**
 * Applications received in or before `year` that were still unanswered past their due day on
 * 31 December (or today, for the current year): a warning of the report's checks.
 */
export async function countApplicationsOpenPastDue(year: number, options: AgencyOption = {}): Promise<number> {
  const yearEnd = `${year}-12-31`;
  const asOf = todayInBeijing() < yearEnd ? todayInBeijing() : yearEnd;
  const rows = await db.application.findMany({
    where: {
      ...ofAgency(options),
      receivedOn: { lte: isoDateToDateColumn(yearEnd) },
      source: { not: "ledger" },
      OR: [{ closedOn: null }, { closedOn: { gt: isoDateToDateColumn(asOf) } }],
    },
    select: { receiptMethod: true, submittedOn: true, receivedOn: true, steps: true },
  });
  const calendar = await loadWorkingDayCalendar();
  const asOfDate = isoDateToDateColumn(asOf);
  return rows.filter((row) => {
    const clock = clockOf(
      calendar,
      { receiptMethod: row.receiptMethod, submittedOn: row.submittedOn, receivedOn: row.receivedOn, steps: row.steps.filter((step) => step.date <= asOfDate) },
      asOf,
    );
    return clock.overdue;
  }).length;
}
