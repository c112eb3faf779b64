import { respondForConsoleUser } from "@/lib/api/console-download";
import { assertPermitted } from "@/lib/auth/permissions";
import { spreadsheetResponse } from "@/lib/imports";
import { buildProposalImportTemplate } from "@/lib/proposals/import-proposals";

export const dynamic = "force-dynamic";

/** GET ?format=xlsx|csv (default xlsx): the empty assignment list. */
export function GET(request: Request): Promise<Response> {
  return respondForConsoleUser(async (user) => {
    assertPermitted(user, "proposal.manage");
    const format = new URL(request.url).searchParams.get("format") === "csv" ? "csv" : "xlsx";
    return spreadsheetResponse(await buildProposalImportTemplate(format));
  });
}
