import { respondWithJson } from "@/lib/api/respond";
import { assertPermitted } from "@/lib/auth/permissions";
import { requireApiUser } from "@/lib/auth/session";
import { importFileFromRequest } from "@/lib/imports/upload";
import { importProposals } from "@/lib/proposals/import-proposals";

export const dynamic = "force-dynamic";

/**
 * The yearly assignment list as multipart form data (field `file`, .xlsx or .csv): 201
 * `{imported, ids}`, or 422 `{errors: [{row, column, message}]}` and nothing imported.
 */
export function POST(request: Request) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    assertPermitted(actor, "proposal.manage");
    return importProposals(actor, await importFileFromRequest(request));
  }, 201);
}
