import { assertPermitted } from "@/lib/auth/permissions";
import { requireApiUser } from "@/lib/auth/session";
import { respondWithJson } from "@/lib/api/respond";
import { readUploadedFile, runImport } from "@/lib/inspections/import-request";
import { importInspectors } from "@/lib/inspections/manage-lists";

export const dynamic = "force-dynamic";

/** Imports inspectors from an .xlsx file (multipart field `file`): all rows or none. */
export function POST(request: Request) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    assertPermitted(actor, "inspection.manage_lists");
    const file = await readUploadedFile(request);
    return runImport(() => importInspectors(actor, file));
  });
}
