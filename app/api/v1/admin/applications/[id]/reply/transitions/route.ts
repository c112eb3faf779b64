import { readIdParam } from "@/lib/api/route-params";
import { readJsonBody, respondWithJson } from "@/lib/api/respond";
import { requireApiUser } from "@/lib/auth/session";
import { transitionReply } from "@/lib/reply-letters/reply-letter-review";
import { messages } from "@/lib/i18n";

export const dynamic = "force-dynamic";

/** `POST /api/v1/admin/applications/{id}/reply/transitions` `{action: submit|approve|return, comment?, version?}`. */
export function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    return transitionReply(actor, await readIdParam(context.params, messages.common.notFound.application), await readJsonBody(request));
  });
}
