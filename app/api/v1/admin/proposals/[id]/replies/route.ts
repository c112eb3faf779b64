import { readJsonBody, respondWithJson } from "@/lib/api/respond";
import { readIdParam } from "@/lib/api/route-params";
import { requireApiUser } from "@/lib/auth/session";
import { messages } from "@/lib/i18n";
import { saveProposalReply } from "@/lib/proposals/proposal-replies";

export const dynamic = "force-dynamic";

/**
 * Saves the current round's reply: `{body, disclosure: full|summary|none, summary?, nondisclosureReason?,
 * attachmentFileIds?, version?}`. Creates it (first reply, or the next round after reopening) or edits the draft.
 */
export function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    return saveProposalReply(actor, await readIdParam(context.params, messages.common.notFound.proposal), await readJsonBody(request));
  });
}
