import { readIdParam } from "@/lib/api/route-params";
import { respondWithJson } from "@/lib/api/respond";
import { NotFoundError } from "@/lib/errors";
import { findPublicItem } from "@/lib/items/public-items";

export const dynamic = "force-dynamic";

export function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  return respondWithJson(async () => {
    const item = await findPublicItem(await readIdParam(context.params, "信息不存在。"));
    if (!item || item.withdrawal) throw new NotFoundError("信息不存在。");
    return { item };
  });
}
