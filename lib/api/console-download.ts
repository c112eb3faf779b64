import "server-only";
import { errorResponse } from "@/lib/api/respond";
import { contentDispositionFor } from "@/lib/attachments/content-disposition";
import type { ActingUser } from "@/lib/auth/acting-user";
import { requireSessionUser } from "@/lib/auth/session";
import { refusalOf } from "@/lib/database/unstorable-input";
import { messages } from "@/lib/i18n";

export const xlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export type ConsoleDownload = { body: string | Uint8Array; contentType: string; fileName: string };

/**
 * Runs a console route handler (/admin/…: exports, templates, letters) for the signed-in user,
 * refusing as the API and the actions refuse: 401 signed out, 403 `password_change_required` for an
 * account that must still change its one-time password, the data layer's refusals (403, 404, 422)
 * as JSON; anything else is logged, a 500.
 */
export async function respondForConsoleUser(run: (actor: ActingUser) => Promise<Response>): Promise<Response> {
  try {
    return await run(await requireSessionUser());
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal) return errorResponse(refusal);
    console.error(error);
    return Response.json({ error: { code: "internal", message: messages.errors.generic } }, { status: 500 });
  }
}

/** A console export (/admin/…/export): made for the signed-in user (respondForConsoleUser), never cached. */
export function respondWithConsoleDownload(make: (actor: ActingUser) => Promise<ConsoleDownload>): Promise<Response> {
  return respondForConsoleUser(async (actor) => {
    const { body, contentType, fileName } = await make(actor);
    return new Response(typeof body === "string" ? body : new Uint8Array(body), {
      headers: {
        "Content-Type": contentType,
        "Content-Disposition": contentDispositionFor(fileName),
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  });
}
