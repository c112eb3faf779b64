import { readJsonBody, respondWithJson } from "@/lib/api/respond";
import { readIdParam } from "@/lib/api/route-params";
import { requireApiUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { findConsoleProposal } from "@/lib/proposals/console-proposals";
import { transitionProposalReply } from "@/lib/proposals/proposal-reply-review";
import { readNumericSegment } from "@/lib/proposals/query-params";

export const dynamic = "force-dynamic";

/** `{action: submit|approve|return|withdraw|restore, comment?, version?}` on one reply of the proposal. */
export function POST(request: Request, context: { params: Promise<{ id: string; replyId: string }> }) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    const proposalId = await readIdParam(context.params, messages.common.notFound.proposal);
    const replyId = readNumericSegment((await context.params).replyId);
    const proposal = await findConsoleProposal(actor, proposalId);
    if (!replyId || !proposal.replies.some((reply) => reply.id === replyId)) throw new NotFoundError(messages.common.notFound.reply);
    return transitionProposalReply(actor, replyId, await readJsonBody(request));
  });
}
