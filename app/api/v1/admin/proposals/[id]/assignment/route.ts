import { readJsonBody, respondWithJson } from "@/lib/api/respond";
import { readIdParam } from "@/lib/api/route-params";
import { requireApiUser } from "@/lib/auth/session";
import { messages } from "@/lib/i18n";
import { assignProposal } from "@/lib/proposals/manage-proposals";

export const dynamic = "force-dynamic";

export function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    return assignProposal(actor, await readIdParam(context.params, messages.common.notFound.proposal), await readJsonBody(request));
  });
}
