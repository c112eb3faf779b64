import { readJsonBody, respondWithJson } from "@/lib/api/respond";
import { readIdParam } from "@/lib/api/route-params";
import { recordStep } from "@/lib/applications/handle-application";
import { requireApiUser } from "@/lib/auth/session";
import { messages } from "@/lib/i18n";

export const dynamic = "force-dynamic";

/** `POST /api/v1/admin/applications/{id}/steps` `{type, date, …}` → 201 with the application's new status and due day. */
export function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    return recordStep(actor, await readIdParam(context.params, messages.common.notFound.application), await readJsonBody(request));
  }, 201);
}
