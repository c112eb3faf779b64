import "server-only";
import { sectionsInScope } from "@/lib/agency/agency-scope";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted, isPermitted } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { ItemState } from "@/lib/generated/prisma/enums";
import { toEdition } from "@/lib/reports/manage-reports";
import { reportTitle } from "@/lib/reports/report-document";
import { reportReview } from "@/lib/reports/report-review";
import { availableActions } from "@/lib/workflow/engine";

export type ReportYearEntry = { year: number; draftState: ItemState | null; publishedEditions: number[] };

/** The years with a report, plus the year now due and the years with published items. */
export async function listReportYears(actor: ActingUser, dueYear: number): Promise<ReportYearEntry[]> {
  assertPermitted(actor, "report.read");
  // Only the reports kept by the actor's agency's sections (集约化), or every agency's for a platform role.
  const reports = await db.annualReport.findMany({ where: { section: sectionsInScope(actor) }, orderBy: [{ year: "desc" }, { edition: "asc" }] });
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

export type ReportTask = { year: number; edition: number; state: ItemState; title: string; href: string };

/**
 * The reports waiting for this person's review step (我的待办): a section head sees a report of
 * the section submitted by someone else, a leader a report waiting for approval. Empty for those
 * who may not read reports.
 */
export async function listReportTasks(actor: ActingUser): Promise<ReportTask[]> {
  if (!isPermitted(actor.role, "report.read")) return [];
  const rows = await db.annualReport.findMany({
    where: { state: { in: ["section_review", "leader_review"] }, section: sectionsInScope(actor) },
    include: { section: { select: { agency: { select: { name: true } } } } },
    orderBy: [{ year: "desc" }],
  });
  const waiting = rows.filter((row) => availableActions(reportReview, actor, toEdition(row)).includes("approve"));
  return waiting.map((row) => ({
    year: row.year,
    edition: row.edition,
    state: row.state,
    title: reportTitle(row.section.agency.name, row.year, row.edition),
    href: `/admin/reports/${row.year}`,
  }));
}
