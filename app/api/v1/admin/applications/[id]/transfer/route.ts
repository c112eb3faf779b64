import { readJsonBody, respondWithJson } from "@/lib/api/respond";
import { readIdParam } from "@/lib/api/route-params";
import { transferApplication } from "@/lib/applications/transfer-application";
import { requireApiUser } from "@/lib/auth/session";
import { messages } from "@/lib/i18n";

export const dynamic = "force-dynamic";

/**
 * `POST /api/v1/admin/applications/{id}/transfer` `{agencyCode, reason, date?}` (转送): the application,
 * now the receiving agency's, with its status and due day there.
 */
export function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    return transferApplication(actor, await readIdParam(context.params, messages.common.notFound.application), await readJsonBody(request));
  });
}
