import { readJsonBody, respondWithJson } from "@/lib/api/respond";
import { readIdParam } from "@/lib/api/route-params";
import { requireApiUser } from "@/lib/auth/session";
import { messages } from "@/lib/i18n";
import { transitionReply } from "@/lib/reply-letters/reply-letter-review";

export const dynamic = "force-dynamic";

/** `POST /api/v1/admin/applications/{id}/reply/transitions` `{action: submit|approve|return, comment?, version?}`. */
export function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    return transitionReply(actor, await readIdParam(context.params, messages.common.notFound.application), await readJsonBody(request));
  });
}
