import { requireApiUser } from "@/lib/auth/session";
import { assertPermitted } from "@/lib/auth/permissions";
import { respondWithJson } from "@/lib/api/respond";
import { contentDispositionFor } from "@/lib/attachments/content-disposition";
import { messages } from "@/lib/i18n";
import { buildLedgerTemplate } from "@/lib/reports/ledger-import";

export const dynamic = "force-dynamic";

/** GET ?format=xlsx|csv: the ledger template. */
export function GET(request: Request) {
  return respondWithJson(async () => {
    assertPermitted(await requireApiUser(request), "ledger.import");
    const format = new URL(request.url).searchParams.get("format") === "csv" ? "csv" : "xlsx";
    const body = await buildLedgerTemplate(format);
    return new Response(typeof body === "string" ? body : new Uint8Array(body), {
      headers: {
        "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": contentDispositionFor(messages.common.imports.templates.applicationLedger(format)),
      },
    });
  });
}
