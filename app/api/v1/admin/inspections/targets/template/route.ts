import { respondWithJson } from "@/lib/api/respond";
import { assertPermitted } from "@/lib/auth/permissions";
import { requireApiUser } from "@/lib/auth/session";
import { spreadsheetResponse } from "@/lib/imports";
import { buildTargetTemplate } from "@/lib/inspections/manage-lists";

export const dynamic = "force-dynamic";

/** GET ?format=xlsx|csv (default xlsx): the empty import template. */
export function GET(request: Request) {
  return respondWithJson(async () => {
    assertPermitted(await requireApiUser(request), "inspection.read_console");
    const format = new URL(request.url).searchParams.get("format") === "csv" ? "csv" : "xlsx";
    return spreadsheetResponse(await buildTargetTemplate(format));
  });
}
