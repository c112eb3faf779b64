import { readJsonBody, respondWithJson } from "@/lib/api/respond";
import { readIdParam } from "@/lib/api/route-params";
import { requireApiUser } from "@/lib/auth/session";
import { messages } from "@/lib/i18n";
import { transitionInspection } from "@/lib/inspections/inspection-review";

export const dynamic = "force-dynamic";

/** A review step: `{subject: "plan" | "results", action, comment?, version?}`. */
export function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    const id = await readIdParam(context.params, messages.common.notFound.inspection);
    return transitionInspection(actor, id, await readJsonBody(request));
  });
}
