import { respondWithJson } from "@/lib/api/respond";
import { isPermitted } from "@/lib/auth/permissions";
import { getApiUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { findPublishedReport, findReportWorkspace } from "@/lib/reports/manage-reports";
import { table3ColumnLabels } from "@/lib/reports/report-document";

export const dynamic = "force-dynamic";

const columns = [table3ColumnLabels.person, ...table3ColumnLabels.kinds, table3ColumnLabels.total];

/** Public once published; staff see the draft's live figures (or the live figures without a draft). */
export function GET(request: Request, context: { params: Promise<{ year: string }> }) {
  return respondWithJson(async () => {
    const raw = (await context.params).year;
    if (!/^\d{4}$/.test(raw)) throw new NotFoundError(messages.common.notFound.reportYear);
    const year = Number(raw);
    const viewer = await getApiUser(request);
    if (viewer && isPermitted(viewer.role, "report.read")) {
      const workspace = await findReportWorkspace(viewer, year);
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
    const report = await findPublishedReport(year);
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
