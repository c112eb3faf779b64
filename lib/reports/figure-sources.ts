import type { Table3, Table4 } from "@/lib/reports/report-tables";

/**
 * What the annual report needs from the other registers, as one interface: the live
 * implementation (live-figure-sources.ts) reads the application, decision, power and proposal
 * data; tests inject their own.
 */
export type ApplicationFigures = {
  table3: Table3;
  /** Applications still open although their due date has passed (a warning). */
  openPastDue: number;
  /** 信息处理费 charged in the year, 元. */
  feesChargedYuan: number;
  /** 信息处理费 notices sent in the year (by notice date) and their total, 元; absent = none. */
  feeNotices?: { count: number; amountYuan: number };
};

export type DecisionFigures = { licensing: number; penalties: number; coercion: number; publishedLate: number; dueUnpublished: number };

export type ProposalFigures = {
  suggestions: number;
  proposals: number;
  replied: number;
  published: number;
  /** Between 0 and 1, or null without feedback. */
  satisfactionRate: number | null;
};

/** Whose figures: one agency's (集约化: each agency reports on its own records). */
export type ReportScope = { agencyId: number };

export type ReportFigureSources = {
  applications(year: number, scope: ReportScope): Promise<ApplicationFigures>;
  appeals(year: number, scope: ReportScope): Promise<Table4>;
  decisions(year: number, scope: ReportScope): Promise<DecisionFigures>;
  /** 行政事业性收费 of the year in 万元, or 0 when not entered. */
  feeIncome(year: number, scope: ReportScope): Promise<number>;
  retainedLicensingPowers(year: number, scope: ReportScope): Promise<number>;
  proposalsFor(year: number, scope: ReportScope): Promise<ProposalFigures>;
  /** The 21 outcome slugs in the official order with their Chinese row names. */
  outcomes(): readonly { slug: string; label: string; group: string }[];
};
