import { readIdParam } from "@/lib/api/route-params";
import { readJsonBody, respondWithJson } from "@/lib/api/respond";
import { requireApiUser } from "@/lib/auth/session";
import { recordProposerFeedback } from "@/lib/proposals/manage-proposals";

export const dynamic = "force-dynamic";

export function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    return recordProposerFeedback(actor, await readIdParam(context.params, "建议提案不存在。"), await readJsonBody(request));
  });
}
