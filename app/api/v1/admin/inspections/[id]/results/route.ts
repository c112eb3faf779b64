import { requireApiUser } from "@/lib/auth/session";
import { readIdParam } from "@/lib/api/route-params";
import { readJsonBody, respondWithJson } from "@/lib/api/respond";
import { recordInspectionResults } from "@/lib/inspections/manage-inspections";

export const dynamic = "force-dynamic";

/** Saves results: `{version?, results: [{assignmentId, outcome, inspectedOn, note?}]}`. */
export function PUT(request: Request, context: { params: Promise<{ id: string }> }) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    const id = await readIdParam(context.params, "抽查任务不存在。");
    return recordInspectionResults(actor, id, await readJsonBody(request));
  });
}
