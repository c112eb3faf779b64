/** Pure counting of Table 4 (行政复议、行政诉讼), so it can be tested without a database. */

export type AppealResultSlug = "upheld" | "corrected" | "other" | "pending";

export type AppealRecord = {
  kind: "reconsideration" | "litigation";
  filedOn: string;
  result: AppealResultSlug;
  resultOn: string | null;
  afterReconsideration: boolean;
};

/** The 15 cells in the official order, as labels. */
export const table4Order = [
  "reconsideration.upheld",
  "reconsideration.corrected",
  "reconsideration.other",
  "reconsideration.pending",
  "reconsideration.total",
  "litigation_direct.upheld",
  "litigation_direct.corrected",
  "litigation_direct.other",
  "litigation_direct.pending",
  "litigation_direct.total",
  "litigation_after_reconsideration.upheld",
  "litigation_after_reconsideration.corrected",
  "litigation_after_reconsideration.other",
  "litigation_after_reconsideration.pending",
  "litigation_after_reconsideration.total",
] as const;

const resultIndex: Record<AppealResultSlug, number> = { upheld: 0, corrected: 1, other: 2, pending: 3 };

/**
 * Whether a case belongs to the report of `year`: filed that year, or filed before and still
 * undecided on 1 January (carried over: 尚未审结 in last year's report, its result in this one).
 * A case decided before the year began belongs to earlier reports only.
 */
export function appealCountsInYear(record: Pick<AppealRecord, "filedOn" | "result" | "resultOn">, year: number): boolean {
  if (record.filedOn > `${year}-12-31`) return false;
  if (record.filedOn >= `${year}-01-01`) return true;
  return record.result === "pending" || record.resultOn === null || record.resultOn >= `${year}-01-01`;
}

/**
 * Counts the cases of `year` (filed in it, or carried over from earlier years undecided); a result
 * reached after 31 December still counts as 尚未审结.
 */
export function tallyAppeals(records: readonly AppealRecord[], year: number): number[] {
  const cells = new Array<number>(15).fill(0);
  const yearEnd = `${year}-12-31`;
  for (const record of records) {
    if (!appealCountsInYear(record, year)) continue;
    const group = record.kind === "reconsideration" ? 0 : record.afterReconsideration ? 2 : 1;
    const decidedByYearEnd = record.result !== "pending" && record.resultOn !== null && record.resultOn <= yearEnd;
    cells[group * 5 + (decidedByYearEnd ? resultIndex[record.result] : resultIndex.pending)]++;
    cells[group * 5 + 4]++;
  }
  return cells;
}
