import { respondWithJson } from "@/lib/api/respond";
import { assertPermitted } from "@/lib/auth/permissions";
import { requireApiUser } from "@/lib/auth/session";
import { spreadsheetResponse } from "@/lib/imports";
import { buildLedgerTemplate } from "@/lib/reports/ledger-import";

export const dynamic = "force-dynamic";

/** GET ?format=xlsx|csv: the ledger template. */
export function GET(request: Request) {
  return respondWithJson(async () => {
    assertPermitted(await requireApiUser(request), "ledger.import");
    const format = new URL(request.url).searchParams.get("format") === "csv" ? "csv" : "xlsx";
    return spreadsheetResponse(await buildLedgerTemplate(format));
  });
}
