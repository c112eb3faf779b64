import "server-only";
import { applicantColumns, applicationOutcomes } from "@/lib/applications/outcomes";
import {
  countApplicationsForReport,
  countApplicationsOpenPastDue,
  countAppealsForReport,
  countFeeNoticesForYear,
  sumFeesForYear,
} from "@/lib/applications/report-figures";
import { countDecisionsForReport, feeIncomeForReport } from "@/lib/decisions/report-figures";
import { countRetainedPowers } from "@/lib/powers/report-figures";
import { proposalStatsForYear } from "@/lib/proposals/stats";
import type { ReportFigureSources } from "@/lib/reports/figure-sources";
import { table3ColumnLabels } from "@/lib/reports/report-document";
import { table3Row, type Table3 } from "@/lib/reports/report-tables";

/** The report's figures from the live registers: applications, appeals, decisions, powers, proposals. */
export const liveFigureSources: ReportFigureSources = {
  async applications(year) {
    const [figures, openPastDue, feesChargedYuan, feeNotices] = await Promise.all([
      countApplicationsForReport(year),
      countApplicationsOpenPastDue(year),
      sumFeesForYear(year),
      countFeeNoticesForYear(year),
    ]);
    const rows: Table3["rows"] = {
      new: table3Row(figures.newThisYear),
      carried_in: table3Row(figures.carriedIn),
      ...Object.fromEntries(applicationOutcomes.map((outcome) => [outcome.slug, table3Row(figures.outcomes[outcome.slug])])),
      total: table3Row(figures.decidedTotal),
      carried_out: table3Row(figures.carriedOut),
    };
    return {
      table3: { columns: [table3ColumnLabels.person, ...table3ColumnLabels.kinds, table3ColumnLabels.total], rows },
      openPastDue,
      feesChargedYuan,
      feeNotices,
    };
  },
  appeals: (year) => countAppealsForReport(year),
  async decisions(year) {
    const figures = await countDecisionsForReport(year);
    return {
      licensing: figures.license,
      penalties: figures.penalty,
      coercion: figures.coercion,
      publishedLate: figures.publishedLate,
      dueUnpublished: figures.dueUnpublished,
    };
  },
  async feeIncome(year) {
    return (await feeIncomeForReport(year)) ?? 0;
  },
  retainedLicensingPowers: (year) => countRetainedPowers(year, "license"),
  async proposalsFor(year) {
    const stats = await proposalStatsForYear(year);
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
