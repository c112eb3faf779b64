import { readIdParam } from "@/lib/api/route-params";
import { NotFoundError } from "@/lib/errors";
import { findPublicProposal } from "@/lib/proposals/public-proposals";
import { respondWithOpenData } from "@/lib/open-data/open-data-route";

export const dynamic = "force-dynamic";

export function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  return respondWithOpenData(request, async () => {
    const proposal = await findPublicProposal(await readIdParam(context.params, "建议提案不存在。"));
    if (!proposal) throw new NotFoundError("建议提案不存在或其答复未公开。");
    return { proposal };
  });
}
