import type { FigureKey } from "@/lib/oversight/assessment-figures";
import { periodQuery, type AssessmentPeriod } from "@/lib/oversight/assessment-period";

/** The period, and the agency when the page was asked for one by `agency=` (a platform role's view of an agency). */
export function dashboardQuery(period: AssessmentPeriod, agencyCode: string | null): string {
  const query = new URLSearchParams(periodQuery(period));
  if (agencyCode) query.set("agency", agencyCode);
  return query.toString();
}

/** The records behind one cell: the drill-down page with the figure, the section (none: the agency), the result. */
export function recordsHref(
  period: AssessmentPeriod,
  figure: FigureKey,
  sectionId: number | null,
  status?: "onTime" | "late",
  agencyCode: string | null = null,
): string {
  const query = new URLSearchParams(dashboardQuery(period, agencyCode));
  query.set("figure", figure);
  if (sectionId !== null) query.set("section", String(sectionId));
  if (status) query.set("status", status);
  return `/admin/assessment/records?${query}`;
}

/** A page's search parameters as the plain object the data layer parses (the first of repeated ones). */
export function firstValues(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(raw)
      .map(([key, value]) => [key, Array.isArray(value) ? value[0] : value] as const)
      .filter((entry): entry is readonly [string, string] => typeof entry[1] === "string"),
  );
}
