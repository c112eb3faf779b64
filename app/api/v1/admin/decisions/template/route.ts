import { respondWithJson } from "@/lib/api/respond";
import { assertPermitted } from "@/lib/auth/permissions";
import { requireApiUser } from "@/lib/auth/session";
import { buildDecisionTemplate, spreadsheetResponse } from "@/lib/decisions/export-decisions";

export const dynamic = "force-dynamic";

/** GET /api/v1/admin/decisions/template?kind=license|penalty|coercion&format=csv|xlsx: the empty import template. */
export function GET(request: Request) {
  return respondWithJson(async () => {
    assertPermitted(await requireApiUser(request), "registers.read_console");
    const query = new URL(request.url).searchParams;
    return spreadsheetResponse(await buildDecisionTemplate(query.get("kind"), query.get("format") ?? "xlsx"));
  });
}
