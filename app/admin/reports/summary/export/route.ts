import { findPlatformGovernment } from "@/lib/agency/agencies";
import { errorResponse } from "@/lib/api/respond";
import { contentDispositionFor } from "@/lib/attachments/content-disposition";
import { getSessionUser } from "@/lib/auth/session";
import { refusalOf } from "@/lib/database/unstorable-input";
import { todayInBeijing } from "@/lib/dates";
import { NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { reportFormat } from "@/lib/reports/report-format";
import { computeReportSummary } from "@/lib/reports/summary-report";
import { buildSummaryXlsx } from "@/lib/reports/summary-xlsx";

export const dynamic = "force-dynamic";

/** GET /admin/reports/summary/export?year=&agencies=: the summary of the year's reports as .xlsx (platform roles). */
export async function GET(request: Request): Promise<Response> {
  try {
    const actor = await getSessionUser();
    if (!actor) throw new UnauthenticatedError();
    const params = new URL(request.url).searchParams;
    const year = params.get("year") ?? "";
    if (!/^\d{4}$/.test(year)) throw new NotFoundError(messages.common.notFound.reportYear);
    const summary = await computeReportSummary(actor, Number(year), params.get("agencies"));
    const government = await findPlatformGovernment();
    const workbook = await buildSummaryXlsx(summary, { agencyName: government.name, date: reportFormat.signatureDate(todayInBeijing()) });
    return new Response(new Uint8Array(workbook), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": contentDispositionFor(messages.reports.summary.fileName(summary.year)),
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal) return errorResponse(refusal);
    console.error(error);
    return Response.json({ error: { code: "internal", message: messages.errors.generic } }, { status: 500 });
  }
}
