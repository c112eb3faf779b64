import { findCategoryTree } from "@/lib/catalogue/catalogue-tree";
import { respondWithOpenData } from "@/lib/open-data/open-data-route";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return respondWithOpenData(request, async () => ({ categories: await findCategoryTree() }));
}
