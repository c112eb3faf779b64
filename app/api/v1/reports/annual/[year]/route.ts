import { reachesEveryAgency } from "@/lib/agency/agency-scope";
import { resolvePublicAgency } from "@/lib/agency/public-agency";
import { respondWithJson } from "@/lib/api/respond";
import { isPermitted } from "@/lib/auth/permissions";
import { getApiUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { findPublishedReport, findReportWorkspace } from "@/lib/reports/manage-reports";
import { table3ColumnLabels } from "@/lib/reports/report-document";

export const dynamic = "force-dynamic";

const columns = [table3ColumnLabels.person, ...table3ColumnLabels.kinds, table3ColumnLabels.total];

/** Public once published; staff see their agency's draft's live figures (or the live figures without a draft). */
export function GET(request: Request, context: { params: Promise<{ year: string }> }) {
  return respondWithJson(async () => {
    const raw = (await context.params).year;
    if (!/^\d{4}$/.test(raw)) throw new NotFoundError(messages.common.notFound.reportYear);
    const year = Number(raw);
    // `agency=CODE`: that agency's report (集约化); without it the default agency's, or a staff member's own.
    const agencyCode = new URL(request.url).searchParams.get("agency");
    const agency = agencyCode ? await resolvePublicAgency(agencyCode) : null;
    const viewer = await getApiUser(request);
    if (viewer && isPermitted(viewer.role, "report.read") && (!agency || agency.id === viewer.agencyId || reachesEveryAgency(viewer))) {
      const workspace = await findReportWorkspace(viewer, year, undefined, agency?.id);
      if (workspace.edition || !workspace.published.length) {
        const { figures, checks } = workspace;
        return {
          year,
          status: workspace.edition ? "draft" : "live",
          table2: figures.table2,
          table3: { columns, rows: figures.table3.rows },
          table4: figures.table4,
          checks,
        };
      }
    }
    const report = await findPublishedReport(year, agency ? { agencyId: agency.id } : undefined);
    if (!report) throw new NotFoundError(messages.common.notFound.reportNotPublished);
    const { figures, checks } = report;
    return {
      year,
      status: "published",
      edition: report.editions[0],
      table2: figures.table2,
      table3: { columns, rows: figures.table3.rows },
      table4: figures.table4,
      checks,
    };
  });
}
