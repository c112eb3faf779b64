import { respondWithJson } from "@/lib/api/respond";
import { requireApiUser } from "@/lib/auth/session";
import { loadAssessment } from "@/lib/oversight/assessment";

export const dynamic = "force-dynamic";

/**
 * `GET /api/v1/admin/assessment?year=&quarter=&month=` → `{sections: [{sectionId, name, figures}], agency}`:
 * the assessment figures of a period (the current year without a year); a bad period is a 400.
 */
export function GET(request: Request) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    const result = await loadAssessment(actor, Object.fromEntries(new URL(request.url).searchParams));
    return { sections: result.sections, agency: result.agency };
  });
}
