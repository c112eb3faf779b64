import { readIdParam } from "@/lib/api/route-params";
import { readJsonBody, respondWithJson } from "@/lib/api/respond";
import { requireApiUser } from "@/lib/auth/session";
import { reopenProposal } from "@/lib/proposals/manage-proposals";
import { messages } from "@/lib/i18n";

export const dynamic = "force-dynamic";

export function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    return reopenProposal(actor, await readIdParam(context.params, messages.common.notFound.proposal), await readJsonBody(request));
  });
}
