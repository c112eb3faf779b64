import { readIdParam } from "@/lib/api/route-params";
import { NotFoundError } from "@/lib/errors";
import { findPublicItem } from "@/lib/items/public-items";
import { respondWithOpenData } from "@/lib/open-data/open-data-route";

export const dynamic = "force-dynamic";

export function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  return respondWithOpenData(request, async () => {
    const item = await findPublicItem(await readIdParam(context.params, "信息不存在。"));
    if (!item || item.withdrawal) throw new NotFoundError("信息不存在。");
    return { item };
  });
}
