import { readJsonBody, respondWithJson } from "@/lib/api/respond";
import { readIdParam } from "@/lib/api/route-params";
import { recordDecision } from "@/lib/applications/handle-application";
import { requireApiUser } from "@/lib/auth/session";
import { messages } from "@/lib/i18n";

export const dynamic = "force-dynamic";

/** `POST /api/v1/admin/applications/{id}/decision` `{outcome, decidedOn, note?}`: records it and drafts the reply letter. */
export function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    return recordDecision(actor, await readIdParam(context.params, messages.common.notFound.application), await readJsonBody(request));
  });
}
