import { requireApiUser } from "@/lib/auth/session";
import { assertPermitted } from "@/lib/auth/permissions";
import { respondWithJson } from "@/lib/api/respond";
import { messages } from "@/lib/i18n";
import { spreadsheetResponse } from "@/lib/inspections/import-request";
import { buildTargetTemplate } from "@/lib/inspections/manage-lists";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return respondWithJson(async () => {
    assertPermitted(await requireApiUser(request), "inspection.read_console");
    return spreadsheetResponse(await buildTargetTemplate(), messages.common.imports.templates.targets);
  });
}
