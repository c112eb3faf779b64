import "server-only";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { ItemState } from "@/lib/generated/prisma/enums";

export type ReportYearEntry = { year: number; draftState: ItemState | null; publishedEditions: number[] };

/** The years with a report, plus the year now due and the years with published items. */
export async function listReportYears(actor: ActingUser, dueYear: number): Promise<ReportYearEntry[]> {
  assertPermitted(actor, "report.read");
  const reports = await db.annualReport.findMany({ orderBy: [{ year: "desc" }, { edition: "asc" }] });
  const itemYears = await db.$queryRaw<{ year: number }[]>`
    SELECT DISTINCT EXTRACT(YEAR FROM ("publishedAt" AT TIME ZONE 'Asia/Shanghai'))::int AS year FROM "Item" WHERE "publishedAt" IS NOT NULL`;
  const years = new Set([dueYear, ...reports.map((report) => report.year), ...itemYears.map((row) => row.year)]);
  return [...years]
    .sort((a, b) => b - a)
    .map((year) => {
      const rows = reports.filter((report) => report.year === year);
      return {
        year,
        draftState: rows.find((report) => report.state !== "published")?.state ?? null,
        publishedEditions: rows.filter((report) => report.state === "published").map((report) => report.edition),
      };
    });
}
