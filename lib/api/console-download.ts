import "server-only";
import { errorResponse } from "@/lib/api/respond";
import { contentDispositionFor } from "@/lib/attachments/content-disposition";
import type { ActingUser } from "@/lib/auth/acting-user";
import { getSessionUser } from "@/lib/auth/session";
import { refusalOf } from "@/lib/database/unstorable-input";
import { UnauthenticatedError } from "@/lib/errors";
import { messages } from "@/lib/i18n";

export const xlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export type ConsoleDownload = { body: string | Uint8Array; contentType: string; fileName: string };

/**
 * A console export (/admin/…/export): made for the signed-in user (401 without one), never cached,
 * its refusals (403, 404, 422) answered as JSON like the API's; anything else is logged, a 500.
 */
export async function respondWithConsoleDownload(make: (actor: ActingUser) => Promise<ConsoleDownload>): Promise<Response> {
  try {
    const actor = await getSessionUser();
    if (!actor) throw new UnauthenticatedError();
    const { body, contentType, fileName } = await make(actor);
    return new Response(typeof body === "string" ? body : new Uint8Array(body), {
      headers: {
        "Content-Type": contentType,
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
