import { readIdParam } from "@/lib/api/route-params";
import { respondWithJson } from "@/lib/api/respond";
import { NotFoundError } from "@/lib/errors";
import { findPublicInspection } from "@/lib/inspections/public-inspections";

export const dynamic = "force-dynamic";

/** A published task with its plan, draw and (once published) results, or a withdrawal notice. */
export function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  return respondWithJson(async () => {
    const id = await readIdParam(context.params, "抽查任务不存在。");
    const found = await findPublicInspection(id);
    if (!found) throw new NotFoundError("抽查任务不存在。");
    return found;
  });
}
