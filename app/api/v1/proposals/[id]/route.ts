import { readIdParam } from "@/lib/api/route-params";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { respondWithOpenData } from "@/lib/open-data/open-data-route";
import { findPublicProposal } from "@/lib/proposals/public-proposals";

export const dynamic = "force-dynamic";

export function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  return respondWithOpenData(request, async () => {
    const proposal = await findPublicProposal(await readIdParam(context.params, messages.common.notFound.proposal));
    if (!proposal) throw new NotFoundError(messages.common.notFound.proposalNotPublic);
    return { proposal };
  });
}
