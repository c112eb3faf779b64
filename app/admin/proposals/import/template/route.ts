import { isPermitted } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { spreadsheetResponse } from "@/lib/imports";
import { buildProposalImportTemplate } from "@/lib/proposals/import-proposals";

export const dynamic = "force-dynamic";

/** GET ?format=xlsx|csv (default xlsx): the empty assignment list. */
export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user || !isPermitted(user.role, "proposal.manage")) return new Response("Forbidden", { status: 403 });
  const format = new URL(request.url).searchParams.get("format") === "csv" ? "csv" : "xlsx";
  return spreadsheetResponse(await buildProposalImportTemplate(format));
}
