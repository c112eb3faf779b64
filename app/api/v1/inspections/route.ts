import { readPositiveInteger } from "@/lib/api/route-params";
import { respondWithJson } from "@/lib/api/respond";
import { findPublishedInspections } from "@/lib/inspections/public-inspections";

export const dynamic = "force-dynamic";

/** Published 双随机一公开 tasks, newest first: `{items, total, page, pageSize}`; pageSize at most 100. */
export function GET(request: Request) {
  return respondWithJson(async () => {
    const query = new URL(request.url).searchParams;
    return findPublishedInspections({
      year: readPositiveInteger(query.get("year")),
      page: readPositiveInteger(query.get("page")),
      pageSize: readPositiveInteger(query.get("pageSize")),
    });
  });
}
