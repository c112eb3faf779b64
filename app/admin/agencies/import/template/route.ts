import { buildAgencyImportTemplate } from "@/lib/agency/import-agencies";
import { respondForConsoleUser } from "@/lib/api/console-download";
import { assertPermitted } from "@/lib/auth/permissions";
import { spreadsheetResponse } from "@/lib/imports";

export const dynamic = "force-dynamic";

/** GET ?format=xlsx|csv (default xlsx): the empty agencies' file (批量导入机关), for the platform administrator. */
export function GET(request: Request): Promise<Response> {
  return respondForConsoleUser(async (user) => {
    assertPermitted(user, "agency.manage");
    const format = new URL(request.url).searchParams.get("format") === "csv" ? "csv" : "xlsx";
    return spreadsheetResponse(await buildAgencyImportTemplate(format));
  });
}
