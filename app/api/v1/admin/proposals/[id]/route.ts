import { readJsonBody, respondWithJson } from "@/lib/api/respond";
import { readIdParam } from "@/lib/api/route-params";
import { requireApiUser } from "@/lib/auth/session";
import { messages } from "@/lib/i18n";
import { findConsoleProposal } from "@/lib/proposals/console-proposals";
import { updateProposal } from "@/lib/proposals/manage-proposals";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export function GET(request: Request, context: Context) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    return { proposal: await findConsoleProposal(actor, await readIdParam(context.params, messages.common.notFound.proposal)) };
  });
}

export function PATCH(request: Request, context: Context) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    const id = await readIdParam(context.params, messages.common.notFound.proposal);
    await updateProposal(actor, id, await readJsonBody(request));
    return { proposal: await findConsoleProposal(actor, id) };
  });
}
