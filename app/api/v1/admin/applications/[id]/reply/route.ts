import { readIdParam } from "@/lib/api/route-params";
import { readJsonBody, respondWithJson } from "@/lib/api/respond";
import { requireApiUser } from "@/lib/auth/session";
import { updateReplyDraft } from "@/lib/reply-letters/manage-replies";
import { messages } from "@/lib/i18n";

export const dynamic = "force-dynamic";

/** `PATCH /api/v1/admin/applications/{id}/reply` `{title, body, version?}`: edits the reply letter while it is a draft. */
export function PATCH(request: Request, context: { params: Promise<{ id: string }> }) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    return updateReplyDraft(actor, await readIdParam(context.params, messages.common.notFound.application), await readJsonBody(request));
  });
}
