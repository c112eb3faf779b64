import { respondWithJson } from "@/lib/api/respond";
import { assertPermitted } from "@/lib/auth/permissions";
import { requireApiUser } from "@/lib/auth/session";
import { importFileFromRequest } from "@/lib/imports/upload";
import { importApplicationLedger } from "@/lib/reports/ledger-import";

export const dynamic = "force-dynamic";

/** POST multipart (field `file`, .xlsx or .csv): 200 `{imported}` or 422 `{errors: [{row, column, message}]}`. */
export function POST(request: Request) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    assertPermitted(actor, "ledger.import");
    return importApplicationLedger(actor, await importFileFromRequest(request));
  });
}
