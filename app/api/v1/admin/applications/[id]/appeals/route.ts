import { readJsonBody, respondWithJson } from "@/lib/api/respond";
import { readIdParam } from "@/lib/api/route-params";
import { recordAppeal } from "@/lib/applications/appeals";
import { requireApiUser } from "@/lib/auth/session";
import { messages } from "@/lib/i18n";

export const dynamic = "force-dynamic";

/**
 * `POST /api/v1/admin/applications/{id}/appeals` `{kind: reconsideration|litigation, filedOn, body,
 * result: upheld|corrected|other|pending, resultOn?, afterReconsideration?, note?}` → 201.
 */
export function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    return recordAppeal(actor, await readIdParam(context.params, messages.common.notFound.application), await readJsonBody(request));
  }, 201);
}
