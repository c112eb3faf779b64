import { buildAgencyImportTemplate } from "@/lib/agency/import-agencies";
import { errorResponse } from "@/lib/api/respond";
import { isPermitted } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import { spreadsheetResponse } from "@/lib/imports";

export const dynamic = "force-dynamic";

/** GET ?format=xlsx|csv (default xlsx): the empty agencies' file (批量导入机关), for the platform administrator. */
export async function GET(request: Request) {
  const user = await getSessionUser();
  // Refused as every console route refuses: 401 signed out, 403 without the permission, in JSON.
  if (!user) return errorResponse(new UnauthenticatedError());
  if (!isPermitted(user.role, "agency.manage")) return errorResponse(new ForbiddenError());
  const format = new URL(request.url).searchParams.get("format") === "csv" ? "csv" : "xlsx";
  return spreadsheetResponse(await buildAgencyImportTemplate(format));
}
