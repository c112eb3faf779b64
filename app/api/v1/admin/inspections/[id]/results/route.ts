import { readJsonBody, respondWithJson } from "@/lib/api/respond";
import { readIdParam } from "@/lib/api/route-params";
import { requireApiUser } from "@/lib/auth/session";
import { messages } from "@/lib/i18n";
import { recordInspectionResults } from "@/lib/inspections/manage-inspections";

export const dynamic = "force-dynamic";

/** Saves results: `{version?, results: [{assignmentId, outcome, inspectedOn, note?}]}`. */
export function PUT(request: Request, context: { params: Promise<{ id: string }> }) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    const id = await readIdParam(context.params, messages.common.notFound.inspection);
    return recordInspectionResults(actor, id, await readJsonBody(request));
  });
}
