import { readJsonBody, respondWithJson } from "@/lib/api/respond";
import { readIdParam } from "@/lib/api/route-params";
import { requireApiUser } from "@/lib/auth/session";
import { messages } from "@/lib/i18n";
import { updateReplyDraft } from "@/lib/reply-letters/manage-replies";

export const dynamic = "force-dynamic";

/** `PATCH /api/v1/admin/applications/{id}/reply` `{title, body, version?}`: edits the reply letter while it is a draft. */
export function PATCH(request: Request, context: { params: Promise<{ id: string }> }) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    return updateReplyDraft(actor, await readIdParam(context.params, messages.common.notFound.application), await readJsonBody(request));
  });
}
