import "server-only";
import { applicantColumns, applicationOutcomes } from "@/lib/applications/outcomes";
import {
  countApplicationsForReport,
  countApplicationsOpenPastDue,
  countAppealsForReport,
  countFeeNoticesForYear,
  sumFeesForYear,
  type ApplicationReportFigures,
} from "@/lib/applications/report-figures";
import { countDecisionsForReport, feeIncomeForReport } from "@/lib/decisions/report-figures";
import { countRetainedPowers } from "@/lib/powers/report-figures";
import { proposalStatsForYear } from "@/lib/proposals/stats";
import type { ReportFigureSources } from "@/lib/reports/figure-sources";
import { table3ColumnLabels } from "@/lib/reports/report-document";
import { table3Row, type Table3 } from "@/lib/reports/report-tables";

/** Table 3 in the official layout from the tally of an agency's applications. */
export function table3Of(figures: ApplicationReportFigures): Table3 {
  const rows: Table3["rows"] = {
    new: table3Row(figures.newThisYear),
    carried_in: table3Row(figures.carriedIn),
    ...Object.fromEntries(applicationOutcomes.map((outcome) => [outcome.slug, table3Row(figures.outcomes[outcome.slug])])),
    total: table3Row(figures.decidedTotal),
    carried_out: table3Row(figures.carriedOut),
  };
  return { columns: [table3ColumnLabels.person, ...table3ColumnLabels.kinds, table3ColumnLabels.total], rows };
}

/** The report's figures from the live registers of one agency: applications, appeals, decisions, powers, proposals. */
export const liveFigureSources: ReportFigureSources = {
  async applications(year, scope) {
    const [figures, openPastDue, feesChargedYuan, feeNotices] = await Promise.all([
      countApplicationsForReport(year, scope),
      countApplicationsOpenPastDue(year, scope),
      sumFeesForYear(year, scope),
      countFeeNoticesForYear(year, scope),
    ]);
    return {
      table3: table3Of(figures),
      openPastDue,
      feesChargedYuan,
      feeNotices,
    };
  },
  appeals: (year, scope) => countAppealsForReport(year, scope),
  async decisions(year, scope) {
    const figures = await countDecisionsForReport(year, scope);
    return {
      licensing: figures.license,
      penalties: figures.penalty,
      coercion: figures.coercion,
      publishedLate: figures.publishedLate,
      dueUnpublished: figures.dueUnpublished,
    };
  },
  async feeIncome(year, scope) {
    return (await feeIncomeForReport(year, scope)) ?? 0;
  },
  retainedLicensingPowers: (year, scope) => countRetainedPowers(year, scope, "license"),
  async proposalsFor(year, scope) {
    const stats = await proposalStatsForYear(year, scope);
    return {
      suggestions: stats.byKind.suggestion.received,
      proposals: stats.byKind.proposal.received,
      replied: stats.total.replied,
      published: stats.total.published,
      satisfactionRate: stats.total.satisfactionRate,
    };
  },
  outcomes() {
    return applicationOutcomes.map((outcome) => ({ slug: outcome.slug, label: outcome.rowName, group: outcome.group }));
  },
};

// The report's applicant columns and the applications register's must be the same, in order.
void (applicantColumns satisfies readonly ["natural_person", "business", "research", "public_interest", "legal_service", "other"]);
