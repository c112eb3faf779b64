import { readIdParam } from "@/lib/api/route-params";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { findPublicItem } from "@/lib/items/public-items";
import { respondWithOpenData } from "@/lib/open-data/open-data-route";

export const dynamic = "force-dynamic";

export function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  return respondWithOpenData(request, async () => {
    const item = await findPublicItem(await readIdParam(context.params, messages.common.notFound.item));
    if (!item || item.withdrawal) throw new NotFoundError(messages.common.notFound.item);
    return { item };
  });
}
