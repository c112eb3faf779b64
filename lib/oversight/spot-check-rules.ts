/**
 * The rules of the website spot-check (政府网站与政务新媒体检查指标) the readiness page applies, as pure
 * functions of dates and counts. One failed indicator fails a whole site in the national and
 * provincial checks, so each rule says fail where the check would, and warns a week before.
 */
import { addCalendarDays, type IsoDate } from "@/lib/deadlines/iso-date";
import { addMonths } from "@/lib/decisions/publicity-rules";

export type SpotCheckStatus = "pass" | "warning" | "fail";

const rank: Record<SpotCheckStatus, number> = { pass: 0, warning: 1, fail: 2 };

/** The worse of the statuses (fail > warning > pass); pass for none. */
export function worstStatus(statuses: readonly SpotCheckStatus[]): SpotCheckStatus {
  return statuses.reduce<SpotCheckStatus>((worst, status) => (rank[status] > rank[worst] ? status : worst), "pass");
}

/**
 * 栏目不更新: the age limits the indicators give, by the column's name — 动态、要闻 two weeks;
 * 通知公告、政策文件 (规范性文件) six months; 人事、规划计划 a year. Other columns have none until an
 * administrator sets one.
 */
const defaultLimits: { pattern: RegExp; days: number }[] = [
  { pattern: /动态|要闻/, days: 14 },
  { pattern: /通知公告|政策文件|规范性文件/, days: 183 },
  { pattern: /人事|规划计划/, days: 365 },
];

export function defaultStaleAfterDays(columnName: string): number | null {
  return defaultLimits.find(({ pattern }) => pattern.test(columnName))?.days ?? null;
}

/** The column's own limit when set (0: never stale), else the default for its name. */
export function effectiveStaleAfterDays(column: { name: string; staleAfterDays: number | null }): number | null {
  if (column.staleAfterDays === 0) return null;
  return column.staleAfterDays ?? defaultStaleAfterDays(column.name);
}

/** A week's notice before a column goes stale (half its limit for two-week columns). */
export const staleWarningDays = 7;

/**
 * A column with a limit: fail when nothing was ever published in it or its newest publication is
 * older than the limit; warning in the last week before that.
 */
export function columnFreshness(latestPublishedOn: IsoDate | null, limitDays: number, today: IsoDate): SpotCheckStatus {
  if (latestPublishedOn === null) return "fail";
  if (addCalendarDays(latestPublishedOn, limitDays) < today) return "fail";
  if (addCalendarDays(latestPublishedOn, Math.max(limitDays - staleWarningDays, Math.ceil(limitDays / 2))) < today) return "warning";
  return "pass";
}

/**
 * 互动回应: a visitor's message past the agency's promise (working days) is a warning; one left three
 * months without an answer fails the indicator (长期未回应: 超过 3 个月).
 */
export const unansweredFailMonths = 3;

export function messageResponse(submittedOn: IsoDate, promiseDueOn: IsoDate, today: IsoDate): SpotCheckStatus {
  const threeMonthsOn = addMonths(submittedOn, unansweredFailMonths);
  if (today > threeMonthsOn) return "fail";
  if (today > promiseDueOn) return "warning";
  return "pass";
}

/**
 * 年度报告 (条例 Art. 49): last year's report is due on 31 January. Published: pass; not yet, in
 * January: warning; not published after 31 January: fail.
 */
export function annualReportStatus(publishedYears: ReadonlySet<number>, today: IsoDate): { year: number; status: SpotCheckStatus } {
  const year = Number(today.slice(0, 4)) - 1;
  if (publishedYears.has(year)) return { year, status: "pass" };
  return { year, status: today <= `${year + 1}-01-31` ? "warning" : "fail" };
}
