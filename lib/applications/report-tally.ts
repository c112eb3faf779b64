import {
  applicantColumnOf,
  applicantColumns,
  applicationOutcomeSlugs,
  type ApplicantColumn,
  type ApplicantTypeSlug,
  type ApplicationOutcomeSlug,
  type OrganisationKindSlug,
} from "@/lib/applications/outcomes";

/** Pure counting of Table 3 (收到和处理政府信息公开申请情况), so it can be tested without a database. */

export type ApplicantColumnCounts = Record<ApplicantColumn, number>;

export type ApplicationReportFigures = {
  year: number;
  /** The six applicant columns in the report's order (总计 is their sum). */
  columns: readonly ApplicantColumn[];
  /** 一、本年新收: official day of receipt in the year. */
  newThisYear: ApplicantColumnCounts;
  /** 二、上年结转: received before the year, not decided before it. */
  carriedIn: ApplicantColumnCounts;
  /** 三、本年度办理结果: decided in the year, per outcome (report order). */
  outcomes: Record<ApplicationOutcomeSlug, ApplicantColumnCounts>;
  /** 三（七）总计 per column. */
  decidedTotal: ApplicantColumnCounts;
  /** 四、结转下年度继续办理: received by 31 December, not decided by then. */
  carriedOut: ApplicantColumnCounts;
};

export type ReportApplicationRow = {
  applicantType: ApplicantTypeSlug;
  organisationKind: OrganisationKindSlug | null;
  receivedOn: string;
  decidedOn: string | null;
  outcome: ApplicationOutcomeSlug | null;
};

const zeroCounts = (): ApplicantColumnCounts => Object.fromEntries(applicantColumns.map((column) => [column, 0])) as ApplicantColumnCounts;

/**
 * Counts one year. Per column 一 + 二 = 三（七） + 四 holds by construction: every application
 * received by 31 December and not decided before 1 January is either decided in the year or
 * carried out.
 */
export function tallyApplicationsForReport(rows: readonly ReportApplicationRow[], year: number): ApplicationReportFigures {
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  const figures: ApplicationReportFigures = {
    year,
    columns: applicantColumns,
    newThisYear: zeroCounts(),
    carriedIn: zeroCounts(),
    outcomes: Object.fromEntries(applicationOutcomeSlugs.map((slug) => [slug, zeroCounts()])) as Record<ApplicationOutcomeSlug, ApplicantColumnCounts>,
    decidedTotal: zeroCounts(),
    carriedOut: zeroCounts(),
  };
  for (const row of rows) {
    if (row.receivedOn > yearEnd) continue;
    const decidedOn = row.outcome ? row.decidedOn : null;
    if (decidedOn !== null && decidedOn < yearStart) continue;
    const column = applicantColumnOf(row);
    if (row.receivedOn >= yearStart) figures.newThisYear[column]++;
    else figures.carriedIn[column]++;
    if (decidedOn !== null && decidedOn <= yearEnd) {
      figures.outcomes[row.outcome!][column]++;
      figures.decidedTotal[column]++;
    } else {
      figures.carriedOut[column]++;
    }
  }
  return figures;
}
