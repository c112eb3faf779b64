import { readIdParam } from "@/lib/api/route-params";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { findPublicInspection } from "@/lib/inspections/public-inspections";
import { respondWithOpenData } from "@/lib/open-data/open-data-route";

export const dynamic = "force-dynamic";

/** A published task with its plan, draw and (once published) results, or a withdrawal notice. */
export function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  return respondWithOpenData(request, async () => {
    const id = await readIdParam(context.params, messages.common.notFound.inspection);
    const found = await findPublicInspection(id);
    if (!found) throw new NotFoundError(messages.common.notFound.inspection);
    return found;
  });
}
