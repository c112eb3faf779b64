import { respondWithConsoleDownload } from "@/lib/api/console-download";
import { exportAuditEventsCsv } from "@/lib/audit/query-audit-events";
import { messages } from "@/lib/i18n";

export const dynamic = "force-dynamic";

/** GET /admin/audit/export?from=YYYY-MM-DD&to=YYYY-MM-DD: the audit log of those Beijing days as CSV. */
export function GET(request: Request): Promise<Response> {
  return respondWithConsoleDownload(async (actor) => {
    const params = new URL(request.url).searchParams;
    const range = { from: params.get("from") ?? undefined, to: params.get("to") ?? undefined };
    const csv = await exportAuditEventsCsv(actor, range);
    // The range is valid once the export succeeded, so it is safe to put in the file name.
    return { body: csv, contentType: "text/csv; charset=utf-8", fileName: messages.auditLog.exportFileName(range.from!.trim(), range.to!.trim()) };
  });
}
