import { respondWithJson } from "@/lib/api/respond";
import { findCategoryTree } from "@/lib/catalogue/catalogue-tree";

export const dynamic = "force-dynamic";

export function GET() {
  return respondWithJson(async () => ({ categories: await findCategoryTree() }));
}
