import "server-only";
import { db } from "@/lib/db";
import type { ApplicationFigures, DecisionFigures, ProposalFigures, ReportFigureSources } from "@/lib/reports/figure-sources";
import { countItemsPublishedInYear, countNormativeDocuments, type ItemPublicationFigures } from "@/lib/reports/item-figures";
import { checkReportTables, type ReportCheck, type ReportChecks, type Table2, type Table3Row, type Table4 } from "@/lib/reports/report-tables";
import { findSectionBreakdown, type SectionBreakdownRow } from "@/lib/reports/section-breakdown";

export type ReportFigures = {
  year: number;
  table2: Table2;
  table3: ApplicationFigures["table3"];
  table4: Table4;
  items: ItemPublicationFigures;
  decisions: DecisionFigures;
  proposals: ProposalFigures;
  retainedLicensingPowers: number;
  feesChargedYuan: number;
  openApplicationsPastDue: number;
  outcomes: { slug: string; label: string; group: string }[];
  /** Where Table 2 and Table 4 came from: the live data, or figures entered by hand. */
  origin: { table2: "live" | "manual"; table4: "live" | "manual" };
  sections: SectionBreakdownRow[];
};

/** Collects the year's figures from the live data (or the hand-entered figures for older years). */
export async function computeReportFigures(year: number, sources: ReportFigureSources): Promise<ReportFigures> {
  const [documents, items, applications, appeals, decisions, feeIncome, powers, proposals, manual, sections] = await Promise.all([
    countNormativeDocuments(year),
    countItemsPublishedInYear(year),
    sources.applications(year),
    sources.appeals(year),
    sources.decisions(year),
    sources.feeIncome(year),
    sources.retainedLicensingPowers(year),
    sources.proposalsFor(year),
    db.reportManualFigures.findUnique({ where: { year } }),
    findSectionBreakdown(year),
  ]);
  const liveTable2: Table2 = { ...documents, licensing: decisions.licensing, penalties: decisions.penalties, coercion: decisions.coercion, feesTenThousandYuan: feeIncome };
  const manualTable2 = manual?.table2 as Table2 | null | undefined;
  const manualTable4 = manual?.table4 as Table4 | null | undefined;
  return {
    year,
    table2: manualTable2 ?? liveTable2,
    table3: applications.table3,
    table4: manualTable4 ?? appeals,
    items,
    decisions,
    proposals,
    retainedLicensingPowers: powers,
    feesChargedYuan: applications.feesChargedYuan,
    openApplicationsPastDue: applications.openPastDue,
    outcomes: [...sources.outcomes()],
    origin: { table2: manualTable2 ? "manual" : "live", table4: manualTable4 ? "manual" : "live" },
    sections,
  };
}

type ReportTexts = { overview: string; problems: string; otherMatters: string };

/** Numbers the texts state that disagree with the tables: "主动公开政府信息34条" and the like. */
export function findTextContradictions(texts: ReportTexts, figures: ReportFigures): ReportCheck[] {
  const text = `${texts.overview}\n${texts.problems}\n${texts.otherMatters}`;
  const claims: { pattern: RegExp; actual: number; label: string }[] = [
    { pattern: /主动公开[^。；，,]{0,12}?(\d+)\s*[条件]/g, actual: figures.items.published, label: "主动公开信息数" },
    { pattern: /(?:收到|新收)[^。；，,]{0,16}?申请[^。；，,]{0,4}?(\d+)\s*件/g, actual: figures.table3.rows.new?.[6] ?? 0, label: "新收申请数" },
    { pattern: /人大代表建议\s*(\d+)\s*[项件]/g, actual: figures.proposals.suggestions, label: "人大代表建议数" },
    { pattern: /政协(?:委员)?提案\s*(\d+)\s*[项件]/g, actual: figures.proposals.proposals, label: "政协提案数" },
  ];
  const problems: ReportCheck[] = [];
  for (const claim of claims) {
    for (const match of text.matchAll(claim.pattern)) {
      const stated = Number(match[1]);
      if (stated !== claim.actual) {
        problems.push({ code: "text_contradicts_tables", message: `正文写“${match[0]}”，但${claim.label}为 ${claim.actual}。` });
      }
    }
  }
  return problems;
}

/** Last year's published 四 (结转下年度继续办理), from its frozen snapshot. */
export async function findPreviousCarriedOut(year: number): Promise<Table3Row | null> {
  const previous = await db.annualReport.findFirst({ where: { year: year - 1, state: "published" }, orderBy: { edition: "desc" } });
  const snapshot = previous?.snapshot as { figures?: ReportFigures } | null | undefined;
  return snapshot?.figures?.table3.rows.carried_out ?? null;
}

export async function checkReport(figures: ReportFigures, texts: ReportTexts): Promise<ReportChecks> {
  const blocking = checkReportTables(figures.table3, figures.table4, figures.outcomes.map((outcome) => outcome.slug), await findPreviousCarriedOut(figures.year));
  const warnings: ReportCheck[] = [];
  if (figures.decisions.publishedLate) warnings.push({ code: "decisions_late", message: `本年有 ${figures.decisions.publishedLate} 条行政许可、处罚等决定未在 7 个工作日内公示。` });
  if (figures.decisions.dueUnpublished) warnings.push({ code: "decisions_unpublished", message: `有 ${figures.decisions.dueUnpublished} 条决定已过公示期限仍未公示。` });
  if (figures.openApplicationsPastDue) warnings.push({ code: "applications_overdue", message: `有 ${figures.openApplicationsPastDue} 件政府信息公开申请已超过答复期限仍未办结。` });
  if (figures.items.late) warnings.push({ code: "items_late", message: `本年有 ${figures.items.late} 条主动公开信息超过 20 个工作日才公开。` });
  warnings.push(...findTextContradictions(texts, figures));
  return { passed: blocking.length === 0, blocking, warnings };
}
