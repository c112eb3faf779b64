import { readPositiveInteger } from "@/lib/api/route-params";
import { respondWithOpenData } from "@/lib/open-data/open-data-route";
import { findPublicServices } from "@/lib/services/public-services";

export const dynamic = "force-dynamic";

/** GET /api/v1/services?q=&page=&pageSize=: the public directory of services. */
export function GET(request: Request) {
  return respondWithOpenData(request, async () => {
    const query = new URL(request.url).searchParams;
    return findPublicServices({
      agencyCode: query.get("agency") || undefined,
      q: query.get("q")?.slice(0, 100) || undefined,
      page: readPositiveInteger(query.get("page")),
      pageSize: readPositiveInteger(query.get("pageSize")),
    });
  });
}
