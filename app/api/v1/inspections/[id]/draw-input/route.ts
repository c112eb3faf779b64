import { respondWithJson } from "@/lib/api/respond";
import { readIdParam } from "@/lib/api/route-params";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { findPublicDrawInput } from "@/lib/inspections/public-inspections";

export const dynamic = "force-dynamic";

/**
 * The exact JSON text a published draw ran on (its SHA-256 is the task's input hash), so anyone
 * can re-run the draw as the task page describes.
 */
export function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  return respondWithJson(async () => {
    const id = await readIdParam(context.params, messages.common.notFound.inspection);
    const found = await findPublicDrawInput(id);
    if (!found) throw new NotFoundError(messages.common.notFound.inspectionNotPublic);
    return new Response(found.text, {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="inspection-${id}-draw-input.json"`,
        "X-Content-SHA256": found.inputHash,
      },
    });
  });
}
