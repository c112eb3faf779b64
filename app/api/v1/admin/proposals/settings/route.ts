import { readJsonBody, respondWithJson } from "@/lib/api/respond";
import { requireApiUser } from "@/lib/auth/session";
import { getProposalSettings, updateProposalSettings } from "@/lib/proposals/manage-proposals";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return respondWithJson(async () => getProposalSettings(await requireApiUser(request)));
}

/** `{replyPeriodMonths}`: the reply period counted from assignment (admin). */
export function PUT(request: Request) {
  return respondWithJson(async () => updateProposalSettings(await requireApiUser(request), await readJsonBody(request)));
}
