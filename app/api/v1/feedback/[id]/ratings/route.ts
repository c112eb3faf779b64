import { readJsonBody, respondWithJson } from "@/lib/api/respond";
import { readIdParam } from "@/lib/api/route-params";
import { rateFeedbackReply } from "@/lib/feedback/public-feedback";
import { messages } from "@/lib/i18n";
import { clientKeyOf } from "@/lib/rate-limit/client-key";

export const dynamic = "force-dynamic";

/** `{rating: "satisfied" | "basically_satisfied" | "unsatisfied"}` on a published reply → 201 `{id}`. */
export function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  return respondWithJson(async () => {
    const id = await readIdParam(context.params, messages.common.notFound.feedback);
    return rateFeedbackReply(id, await readJsonBody(request), { clientKey: clientKeyOf(request.headers) });
  }, 201);
}
