import { readJsonBody, respondWithJson } from "@/lib/api/respond";
import { readIdParam } from "@/lib/api/route-params";
import { requireApiUser } from "@/lib/auth/session";
import { findConsoleDecision } from "@/lib/decisions/console-decisions";
import { updateDecision } from "@/lib/decisions/manage-decisions";
import { messages } from "@/lib/i18n";

export const dynamic = "force-dynamic";

export function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    return { decision: await findConsoleDecision(actor, await readIdParam(context.params, messages.registers.decisions.notFound)) };
  });
}

/** PATCH: the whole content of a draft, with the `version` last seen. */
export function PATCH(request: Request, context: { params: Promise<{ id: string }> }) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    const id = await readIdParam(context.params, messages.registers.decisions.notFound);
    await updateDecision(actor, id, await readJsonBody(request));
    return { decision: await findConsoleDecision(actor, id) };
  });
}
