import { readJsonBody, respondWithJson } from "@/lib/api/respond";
import { readIdParam } from "@/lib/api/route-params";
import { requireApiUser } from "@/lib/auth/session";
import { transitionDecisionBatch } from "@/lib/decisions/decision-review";
import { messages } from "@/lib/i18n";

export const dynamic = "force-dynamic";

/** POST {action: submit|approve|return, comment?}: one review step on every decision of an import batch that allows it. */
export function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    return transitionDecisionBatch(actor, await readIdParam(context.params, messages.registers.decisions.notFound), await readJsonBody(request));
  });
}
