import { requireApiUser } from "@/lib/auth/session";
import { assertPermitted } from "@/lib/auth/permissions";
import { respondWithJson } from "@/lib/api/respond";
import { messages } from "@/lib/i18n";
import { spreadsheetResponse } from "@/lib/inspections/import-request";
import { buildInspectorTemplate } from "@/lib/inspections/manage-lists";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return respondWithJson(async () => {
    assertPermitted(await requireApiUser(request), "inspection.read_console");
    return spreadsheetResponse(await buildInspectorTemplate(), messages.common.imports.templates.inspectors);
  });
}
