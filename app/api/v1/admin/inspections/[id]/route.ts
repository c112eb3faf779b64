import { readJsonBody, respondWithJson } from "@/lib/api/respond";
import { readIdParam } from "@/lib/api/route-params";
import { requireApiUser } from "@/lib/auth/session";
import { messages } from "@/lib/i18n";
import { findConsoleInspection } from "@/lib/inspections/console-inspections";
import { updateInspection } from "@/lib/inspections/manage-inspections";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export function GET(request: Request, context: Context) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    return { inspection: await findConsoleInspection(actor, await readIdParam(context.params, messages.common.notFound.inspection)) };
  });
}

/** Replaces the plan of a draft task (the whole plan, as the create request). */
export function PATCH(request: Request, context: Context) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    const id = await readIdParam(context.params, messages.common.notFound.inspection);
    await updateInspection(actor, id, await readJsonBody(request));
    return { inspection: await findConsoleInspection(actor, id) };
  });
}
