import { findAgencyProfile } from "@/lib/agency/find-agency";
import { errorResponse } from "@/lib/api/respond";
import { contentDispositionFor } from "@/lib/attachments/content-disposition";
import { getSessionUser } from "@/lib/auth/session";
import { refusalOf } from "@/lib/database/unstorable-input";
import { UnauthenticatedError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { loadAssessment } from "@/lib/oversight/assessment";
import { describePeriod } from "@/lib/oversight/assessment-period";
import { buildAssessmentXlsx } from "@/lib/oversight/assessment-xlsx";

export const dynamic = "force-dynamic";

/** GET /admin/assessment/export?year=&quarter=&month=: the dashboard's tables as .xlsx (a bad period is a 400). */
export async function GET(request: Request): Promise<Response> {
  try {
    const actor = await getSessionUser();
    if (!actor) throw new UnauthenticatedError();
    const assessment = await loadAssessment(actor, Object.fromEntries(new URL(request.url).searchParams));
    const agency = await findAgencyProfile();
    const workbook = await buildAssessmentXlsx(assessment, agency.name);
    return new Response(new Uint8Array(workbook), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": contentDispositionFor(messages.assessment.exportFileName(describePeriod(assessment.period))),
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
