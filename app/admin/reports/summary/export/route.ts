import { findPlatformGovernment } from "@/lib/agency/agencies";
import { respondWithConsoleDownload, xlsxContentType } from "@/lib/api/console-download";
import { todayInBeijing } from "@/lib/dates";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { reportFormat } from "@/lib/reports/report-format";
import { computeReportSummary } from "@/lib/reports/summary-report";
import { buildSummaryXlsx } from "@/lib/reports/summary-xlsx";

export const dynamic = "force-dynamic";

/** GET /admin/reports/summary/export?year=&agencies=: the summary of the year's reports as .xlsx (platform roles). */
export function GET(request: Request): Promise<Response> {
  return respondWithConsoleDownload(async (actor) => {
    const params = new URL(request.url).searchParams;
    const year = params.get("year") ?? "";
    if (!/^\d{4}$/.test(year)) throw new NotFoundError(messages.common.notFound.reportYear);
    const summary = await computeReportSummary(actor, Number(year), params.get("agencies"));
    const government = await findPlatformGovernment();
    return {
      body: await buildSummaryXlsx(summary, { agencyName: government.name, date: reportFormat.signatureDate(todayInBeijing()) }),
      contentType: xlsxContentType,
      fileName: messages.reports.summary.fileName(summary.year),
    };
  });
}
