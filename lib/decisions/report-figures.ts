import "server-only";
import { currentTime } from "@/lib/clock";
import { todayInBeijing, isoDateToDateColumn } from "@/lib/dates";
import { db } from "@/lib/db";
import type { DecisionKind } from "@/lib/generated/prisma/enums";

export type DecisionReportFigures = Record<DecisionKind, number> & {
  /** Of the counted decisions, those published after their 7-working-day deadline. */
  publishedLate: number;
  /** Decisions of the year still unpublished although their deadline has passed. */
  dueUnpublished: number;
};

/**
 * Table 2 of the annual report (第二十条第（五）（六）项), 本年处理决定数量: every licensing, penalty
 * and coercion decision made in `year` (by decision date), whether or not its disclosure has been
 * published yet — the table counts decisions, not publications (a decision still in review, or
 * published late, was made that year). Left out: entries withdrawn (a wrong or duplicate entry is
 * withdrawn, not deleted). A penalty whose publicity period has ended still counts.
 */
export async function countDecisionsForReport(year: number, scope: { agencyId?: number } = {}, now = currentTime()): Promise<DecisionReportFigures> {
  const inYear = {
    decisionDate: { gte: isoDateToDateColumn(`${year}-01-01`), lte: isoDateToDateColumn(`${year}-12-31`) },
    // With an agency: the decisions its sections keep (集约化).
    ...(scope.agencyId === undefined ? {} : { section: { agencyId: scope.agencyId } }),
  };
  const counted = { ...inYear, state: { not: "withdrawn" as const } };
  const [byKind, publishedLate, dueUnpublished] = await Promise.all([
    db.administrativeDecision.groupBy({ by: ["kind"], where: counted, _count: { _all: true } }),
    db.administrativeDecision.count({ where: { ...counted, publishedAt: { not: null }, publishedOnTime: false } }),
    db.administrativeDecision.count({
      where: { ...inYear, publishedAt: null, state: { not: "withdrawn" }, disclosureDueOn: { lt: isoDateToDateColumn(todayInBeijing(now)) } },
    }),
  ]);
  const figures: DecisionReportFigures = { license: 0, penalty: 0, coercion: 0, publishedLate, dueUnpublished };
  for (const row of byKind) figures[row.kind] = row._count._all;
  return figures;
}

/**
 * Each agency's decisions of the year by kind (its sections' decisions), counted as
 * `countDecisionsForReport` counts them, in one query: the platform's summary (集约化).
 */
export async function countDecisionsByAgency(year: number, agencyIds: readonly number[]): Promise<Map<number, Record<DecisionKind, number>>> {
  const rows = await db.$queryRaw<{ agencyId: number; kind: DecisionKind; decisions: number }[]>`
    SELECT s."agencyId", d."kind", count(*)::int AS "decisions"
      FROM "AdministrativeDecision" d JOIN "Section" s ON s."id" = d."sectionId"
     WHERE d."decisionDate" BETWEEN ${`${year}-01-01`}::date AND ${`${year}-12-31`}::date
       AND d."state" <> 'withdrawn' AND s."agencyId" = ANY(${[...agencyIds]}::int[])
     GROUP BY s."agencyId", d."kind"`;
  const counts = new Map(agencyIds.map((agencyId) => [agencyId, { license: 0, penalty: 0, coercion: 0 } as Record<DecisionKind, number>]));
  for (const row of rows) counts.get(row.agencyId)![row.kind] = row.decisions;
  return counts;
}

/** Each agency's 行政事业性收费 of a year in 万元, where entered. */
export async function feeIncomeByAgency(year: number, agencyIds: readonly number[]): Promise<Map<number, number>> {
  const rows = await db.annualFeeIncome.findMany({ where: { year, agencyId: { in: [...agencyIds] } } });
  return new Map(rows.map((row) => [row.agencyId, Number(row.amountTenThousandYuan)]));
}

/** 行政事业性收费 of a year in 万元 (第二十条第（八）项), or null when nobody has entered it. */
export async function feeIncomeForReport(year: number, scope: { agencyId: number }): Promise<number | null> {
  const row = await db.annualFeeIncome.findUnique({ where: { agencyId_year: { agencyId: scope.agencyId, year } } });
  return row ? Number(row.amountTenThousandYuan) : null;
}
