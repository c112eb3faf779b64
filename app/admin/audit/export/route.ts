import { errorResponse } from "@/lib/api/respond";
import { contentDispositionFor } from "@/lib/attachments/content-disposition";
import { exportAuditEventsCsv } from "@/lib/audit/query-audit-events";
import { getSessionUser } from "@/lib/auth/session";
import { refusalOf } from "@/lib/database/unstorable-input";
import { UnauthenticatedError } from "@/lib/errors";
import { messages } from "@/lib/i18n";

export const dynamic = "force-dynamic";

/** GET /admin/audit/export?from=YYYY-MM-DD&to=YYYY-MM-DD: the audit log of those Beijing days as CSV. */
export async function GET(request: Request): Promise<Response> {
  try {
    const actor = await getSessionUser();
    if (!actor) throw new UnauthenticatedError();
    const params = new URL(request.url).searchParams;
    const range = { from: params.get("from") ?? undefined, to: params.get("to") ?? undefined };
    const csv = await exportAuditEventsCsv(actor, range);
    // The range is valid once the export succeeded, so it is safe to put in the file name.
    const fileName = messages.auditLog.exportFileName(range.from!.trim(), range.to!.trim());
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": contentDispositionFor(fileName),
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal) return errorResponse(refusal);
    console.error(error);
    return Response.json({ error: { code: "internal", message: messages.errors.generic } }, { status: 500 });
  }
}
