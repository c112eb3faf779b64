import { findPublicAgency } from "@/lib/agency/public-agency";
import { errorResponse } from "@/lib/api/respond";
import { contentDispositionFor } from "@/lib/attachments/content-disposition";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { findPublishedReport } from "@/lib/reports/manage-reports";
import { buildReportDocx } from "@/lib/reports/report-docx";
import { buildReportXlsx } from "@/lib/reports/report-xlsx";

export const dynamic = "force-dynamic";

const formats = {
  docx: { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", build: buildReportDocx },
  xlsx: { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", build: buildReportXlsx },
} as const;

/** The default agency's report, or with `?agency=CODE` that agency's (集约化). */
export async function GET(request: Request, context: { params: Promise<{ year: string; format: string }> }) {
  const { year, format } = await context.params;
  const output = formats[format as keyof typeof formats];
  const agency = await findPublicAgency(new URL(request.url).searchParams.get("agency"));
  const report = agency && /^\d{4}$/.test(year) && output ? await findPublishedReport(Number(year), { agencyId: agency.id }) : null;
  if (!report || !output) return errorResponse(new NotFoundError(messages.common.notFound.reportNotPublished));
  const bytes = await output.build(report);
  return new Response(new Uint8Array(bytes), {
    headers: { "Content-Type": output.type, "Content-Disposition": contentDispositionFor(`${report.title}.${format}`), "Cache-Control": "public, max-age=300" },
  });
}
