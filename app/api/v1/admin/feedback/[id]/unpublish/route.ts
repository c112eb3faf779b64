import { readJsonBody, respondWithJson } from "@/lib/api/respond";
import { readIdParam } from "@/lib/api/route-params";
import { requireApiUser } from "@/lib/auth/session";
import { unpublishFeedback } from "@/lib/feedback/manage-feedback";
import { messages } from "@/lib/i18n";

export const dynamic = "force-dynamic";

export function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    return unpublishFeedback(actor, await readIdParam(context.params, messages.common.notFound.feedback), await readJsonBody(request));
  });
}
