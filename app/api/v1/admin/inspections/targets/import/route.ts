import { respondWithJson } from "@/lib/api/respond";
import { assertPermitted } from "@/lib/auth/permissions";
import { requireApiUser } from "@/lib/auth/session";
import { importFileFromRequest } from "@/lib/imports/upload";
import { importTargets } from "@/lib/inspections/manage-lists";

export const dynamic = "force-dynamic";

/**
 * Imports targets from a spreadsheet (multipart field `file`, .xlsx or .csv): all rows or none.
 * 200 `{imported, listVersion}`, or 422 `{errors: [{row, column, message}]}`.
 */
export function POST(request: Request) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    assertPermitted(actor, "inspection.manage_lists");
    return importTargets(actor, await importFileFromRequest(request));
  });
}
