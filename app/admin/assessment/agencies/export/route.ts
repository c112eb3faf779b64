import { findPlatformGovernment } from "@/lib/agency/agencies";
import { respondWithConsoleDownload, xlsxContentType } from "@/lib/api/console-download";
import { messages } from "@/lib/i18n";
import { describePeriod } from "@/lib/oversight/assessment-period";
import { loadPlatformAssessment } from "@/lib/oversight/platform-assessment";
import { buildPlatformAssessmentXlsx } from "@/lib/oversight/platform-assessment-xlsx";

export const dynamic = "force-dynamic";

/** GET /admin/assessment/agencies/export?year=&quarter=&month=: the view across the agencies as .xlsx (platform roles; a bad period is a 400). */
export function GET(request: Request): Promise<Response> {
  return respondWithConsoleDownload(async (actor) => {
    const assessment = await loadPlatformAssessment(actor, Object.fromEntries(new URL(request.url).searchParams));
    const government = await findPlatformGovernment();
    return {
      body: await buildPlatformAssessmentXlsx(assessment, government.name),
      contentType: xlsxContentType,
      fileName: messages.assessment.platform.exportFileName(describePeriod(assessment.period)),
    };
  });
}
