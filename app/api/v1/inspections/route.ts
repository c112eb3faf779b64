import { readPositiveInteger } from "@/lib/api/route-params";
import { findPublishedInspections } from "@/lib/inspections/public-inspections";
import { respondWithOpenData } from "@/lib/open-data/open-data-route";

export const dynamic = "force-dynamic";

/** Published 双随机一公开 tasks, newest first: `{items, total, page, pageSize}`; pageSize at most 100. */
export function GET(request: Request) {
  return respondWithOpenData(request, async () => {
    const query = new URL(request.url).searchParams;
    return findPublishedInspections({
      agencyCode: query.get("agency") || undefined,
      year: readPositiveInteger(query.get("year")),
      page: readPositiveInteger(query.get("page")),
      pageSize: readPositiveInteger(query.get("pageSize")),
    });
  });
}
