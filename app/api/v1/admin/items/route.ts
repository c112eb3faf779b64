import { readJsonBody, respondWithJson } from "@/lib/api/respond";
import { readPositiveInteger } from "@/lib/api/route-params";
import { requireApiUser } from "@/lib/auth/session";
import { listConsoleItems, findConsoleItem } from "@/lib/items/console-items";
import { createItem } from "@/lib/items/manage-items";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return respondWithJson(async () => {
    const query = new URL(request.url).searchParams;
    const scope = query.get("scope");
    return listConsoleItems(await requireApiUser(request), {
      scope: scope === "tasks" || scope === "section" ? scope : "all",
      page: readPositiveInteger(query.get("page")),
    });
  });
}

export function POST(request: Request) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    const created = await createItem(actor, await readJsonBody(request));
    return { item: await findConsoleItem(actor, created.id) };
  }, 201);
}
