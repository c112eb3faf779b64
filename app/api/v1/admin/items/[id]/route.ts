import { readJsonBody, respondWithJson } from "@/lib/api/respond";
import { readIdParam } from "@/lib/api/route-params";
import { requireApiUser } from "@/lib/auth/session";
import { messages } from "@/lib/i18n";
import { findConsoleItem } from "@/lib/items/console-items";
import { updateItem } from "@/lib/items/manage-items";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export function GET(request: Request, context: Context) {
  return respondWithJson(async () => ({
    item: await findConsoleItem(await requireApiUser(request), await readIdParam(context.params, messages.common.notFound.item)),
  }));
}

export function PATCH(request: Request, context: Context) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    const id = await readIdParam(context.params, messages.common.notFound.item);
    await updateItem(actor, id, await readJsonBody(request));
    return { item: await findConsoleItem(actor, id) };
  });
}
