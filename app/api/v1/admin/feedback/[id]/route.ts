import { respondWithJson } from "@/lib/api/respond";
import { readIdParam } from "@/lib/api/route-params";
import { requireApiUser } from "@/lib/auth/session";
import { findConsoleFeedback } from "@/lib/feedback/manage-feedback";
import { messages } from "@/lib/i18n";

export const dynamic = "force-dynamic";

export function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    return { feedback: await findConsoleFeedback(actor, await readIdParam(context.params, messages.common.notFound.feedback)) };
  });
}
