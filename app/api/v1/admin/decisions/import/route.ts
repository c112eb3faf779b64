import { respondWithJson } from "@/lib/api/respond";
import { assertPermitted } from "@/lib/auth/permissions";
import { requireApiUser } from "@/lib/auth/session";
import { importDecisions } from "@/lib/decisions/import-decisions";
import { importFileFromRequest } from "@/lib/imports/upload";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/admin/decisions/import?kind=license|penalty|coercion, multipart field `file`
 * (.xlsx or .csv): 200 `{imported, batchId}`, or 422 `{errors: [{row, column, message}]}` and
 * nothing imported.
 */
export function POST(request: Request) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    assertPermitted(actor, "decision.import");
    const kind = new URL(request.url).searchParams.get("kind");
    return importDecisions(actor, { kind, file: await importFileFromRequest(request) });
  });
}
