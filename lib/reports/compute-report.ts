import "server-only";
import { db } from "@/lib/db";
import { messages } from "@/lib/i18n";
import type { ApplicationFigures, DecisionFigures, ProposalFigures, ReportFigureSources, ReportScope } from "@/lib/reports/figure-sources";
import { countItemsPublishedInYear, countNormativeDocuments, type ItemPublicationFigures } from "@/lib/reports/item-figures";
import { reportFormat } from "@/lib/reports/report-format";
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
  /** 信息处理费 notices sent in the year and their total (元); absent in snapshots of before. */
  feeNotices?: { count: number; amountYuan: number };
  openApplicationsPastDue: number;
  outcomes: { slug: string; label: string; group: string }[];
  /** Where Table 2 and Table 4 came from: the live data, or figures entered by hand. */
  origin: { table2: "live" | "manual"; table4: "live" | "manual" };
  sections: SectionBreakdownRow[];
};

/** Collects an agency's figures of the year from the live data (or the hand-entered figures for older years). */
export async function computeReportFigures(year: number, sources: ReportFigureSources, scope: ReportScope): Promise<ReportFigures> {
  const [documents, items, applications, appeals, decisions, feeIncome, powers, proposals, manual, sections] = await Promise.all([
    countNormativeDocuments(year, scope),
    countItemsPublishedInYear(year, scope),
    sources.applications(year, scope),
    sources.appeals(year, scope),
    sources.decisions(year, scope),
    sources.feeIncome(year, scope),
    sources.retainedLicensingPowers(year, scope),
    sources.proposalsFor(year, scope),
    db.reportManualFigures.findUnique({ where: { agencyId_year: { agencyId: scope.agencyId, year } } }),
    findSectionBreakdown(year, scope),
  ]);
  const liveTable2: Table2 = {
    ...documents,
    licensing: decisions.licensing,
    penalties: decisions.penalties,
    coercion: decisions.coercion,
    feesTenThousandYuan: feeIncome,
  };
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
    feeNotices: applications.feeNotices ?? { count: 0, amountYuan: 0 },
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
    { pattern: /主动公开[^。；，,]{0,12}?(\d+)\s*[条件]/g, actual: figures.items.published, label: messages.reports.checkMessages.claimLabels.itemsPublished },
    {
      pattern: /(?:收到|新收)[^。；，,]{0,16}?申请[^。；，,]{0,4}?(\d+)\s*件/g,
      actual: figures.table3.rows.new?.[6] ?? 0,
      label: messages.reports.checkMessages.claimLabels.newApplications,
    },
    { pattern: /人大代表建议\s*(\d+)\s*[项件]/g, actual: figures.proposals.suggestions, label: messages.reports.checkMessages.claimLabels.suggestions },
    { pattern: /政协(?:委员)?提案\s*(\d+)\s*[项件]/g, actual: figures.proposals.proposals, label: messages.reports.checkMessages.claimLabels.proposals },
  ];
  const problems: ReportCheck[] = [];
  for (const claim of claims) {
    for (const match of text.matchAll(claim.pattern)) {
      const stated = Number(match[1]);
      if (stated !== claim.actual) {
        problems.push({ code: "text_contradicts_tables", message: messages.reports.checkMessages.textContradicts(match[0], claim.label, claim.actual) });
      }
    }
  }
  return problems;
}

/** The agency's last year's published 四 (结转下年度继续办理), from its frozen snapshot. */
export async function findPreviousCarriedOut(year: number, scope: ReportScope): Promise<Table3Row | null> {
  const previous = await db.annualReport.findFirst({ where: { agencyId: scope.agencyId, year: year - 1, state: "published" }, orderBy: { edition: "desc" } });
  const snapshot = previous?.snapshot as { figures?: ReportFigures } | null | undefined;
  return snapshot?.figures?.table3.rows.carried_out ?? null;
}

/** What an empty section reads as: nothing, or only "无". */
function isEmptySection(text: string): boolean {
  return /^[\s　]*(无[。.]?)?[\s　]*$/.test(text);
}

/**
 * The free-text sections the format requires (国办公开办函〔2021〕30号: 一、总体情况 and 五、存在的主要问题
 * 及改进情况 must be written; 六 may say there is nothing else to report), each named as printed.
 */
export function findEmptyRequiredSections(texts: ReportTexts): ReportCheck[] {
  const required: [keyof ReportTexts, string][] = [
    ["overview", reportFormat.sectionHeadings[0]],
    ["problems", reportFormat.sectionHeadings[4]],
  ];
  return required
    .filter(([key]) => isEmptySection(texts[key]))
    .map(([, heading]) => ({ code: "section_empty", message: messages.reports.filing.sectionEmpty(heading) }));
}

/** Item categories whose items show that a Table 2 row should not be 0 (a penalty case list, a fee standard). */
const table2EvidenceCategories = [
  { slug: "penalties", row: "penalties" as const },
  { slug: "fees", row: "feesTenThousandYuan" as const },
];

/** Table 2 rows at 0 while the year published items that show there were such decisions or fees. */
async function findZeroRowsWithItems(figures: ReportFigures, scope: ReportScope): Promise<ReportCheck[]> {
  const zero = table2EvidenceCategories.filter(({ row }) => figures.table2[row] === 0);
  if (!zero.length) return [];
  const start = new Date(`${figures.year}-01-01T00:00:00+08:00`);
  const end = new Date(`${figures.year + 1}-01-01T00:00:00+08:00`);
  const categories = await db.category.findMany({ where: { slug: { in: zero.map(({ slug }) => slug) } }, select: { id: true, slug: true, name: true } });
  const problems: ReportCheck[] = [];
  for (const { slug, row } of zero) {
    const category = categories.find((each) => each.slug === slug);
    if (!category) continue;
    const count = await db.item.count({
      where: { publishedAt: { gte: start, lt: end }, withdrawnAt: null, section: { agencyId: scope.agencyId }, publishedRevision: { categoryId: category.id } },
    });
    if (count)
      problems.push({
        code: "table2_zero_with_items",
        message: messages.reports.filing.zeroWithItems(reportFormat.table2.rows[row === "feesTenThousandYuan" ? "fees" : row], count, category.name),
      });
  }
  return problems;
}

/**
 * The checks of a report. `texts` are checked for empty required sections only when they are an
 * edition's (`requireTexts`); before the report is started its texts are only the generated draft.
 */
export async function checkReport(
  figures: ReportFigures,
  texts: ReportTexts,
  scope: ReportScope,
  options: { requireTexts?: boolean } = {},
): Promise<ReportChecks> {
  const blocking = checkReportTables(figures.table3, figures.table4, figures.outcomes, await findPreviousCarriedOut(figures.year, scope));
  if (options.requireTexts ?? true) blocking.push(...findEmptyRequiredSections(texts));
  const warnings: ReportCheck[] = [];
  if (figures.decisions.publishedLate)
    warnings.push({ code: "decisions_late", message: messages.reports.checkMessages.decisionsLate(figures.decisions.publishedLate) });
  if (figures.decisions.dueUnpublished)
    warnings.push({ code: "decisions_unpublished", message: messages.reports.checkMessages.decisionsUnpublished(figures.decisions.dueUnpublished) });
  if (figures.openApplicationsPastDue)
    warnings.push({ code: "applications_overdue", message: messages.reports.checkMessages.applicationsOverdue(figures.openApplicationsPastDue) });
  if (figures.items.late) warnings.push({ code: "items_late", message: messages.reports.checkMessages.itemsLate(figures.items.late) });
  warnings.push(...(await findZeroRowsWithItems(figures, scope)));
  warnings.push(...findTextContradictions(texts, figures));
  return { passed: blocking.length === 0, blocking, warnings };
}
