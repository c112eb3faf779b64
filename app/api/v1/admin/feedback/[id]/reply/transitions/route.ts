import { readIdParam } from "@/lib/api/route-params";
import { readJsonBody, respondWithJson } from "@/lib/api/respond";
import { requireApiUser } from "@/lib/auth/session";
import { transitionFeedbackReply } from "@/lib/feedback/feedback-reply-review";

export const dynamic = "force-dynamic";

export function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    return transitionFeedbackReply(actor, await readIdParam(context.params, "留言不存在。"), await readJsonBody(request));
  });
}
