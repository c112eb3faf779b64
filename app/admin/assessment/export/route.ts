import { respondWithConsoleDownload, xlsxContentType } from "@/lib/api/console-download";
import { messages } from "@/lib/i18n";
import { loadAssessment } from "@/lib/oversight/assessment";
import { describePeriod } from "@/lib/oversight/assessment-period";
import { buildAssessmentXlsx } from "@/lib/oversight/assessment-xlsx";

export const dynamic = "force-dynamic";

/**
 * GET /admin/assessment/export?year=&quarter=&month=[&agency=]: the dashboard's tables as .xlsx (a bad
 * period is a 400; `agency=` names another agency's, for the platform roles, 404 for anyone else).
 */
export function GET(request: Request): Promise<Response> {
  return respondWithConsoleDownload(async (actor) => {
    const assessment = await loadAssessment(actor, Object.fromEntries(new URL(request.url).searchParams));
    return {
      body: await buildAssessmentXlsx(assessment, assessment.assessedAgency.name),
      contentType: xlsxContentType,
      fileName: messages.assessment.exportFileName(describePeriod(assessment.period)),
    };
  });
}
