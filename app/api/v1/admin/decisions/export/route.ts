import { respondWithJson } from "@/lib/api/respond";
import { requireApiUser } from "@/lib/auth/session";
import { readConsoleDecisionQuery } from "@/lib/decisions/decision-query";
import { exportDecisions, spreadsheetResponse } from "@/lib/decisions/export-decisions";

export const dynamic = "force-dynamic";

/** GET /api/v1/admin/decisions/export?kind=…&format=csv|xlsx&(the list's filters): the filtered list in the kind's template. */
export function GET(request: Request) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    const query = new URL(request.url).searchParams;
    return spreadsheetResponse(await exportDecisions(actor, readConsoleDecisionQuery(query), query.get("format") ?? "xlsx"));
  });
}
