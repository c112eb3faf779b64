import { readPositiveInteger } from "@/lib/api/route-params";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { findPublishedItems } from "@/lib/items/public-items";
import { respondWithOpenData } from "@/lib/open-data/open-data-route";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return respondWithOpenData(request, async () => {
    const query = new URL(request.url).searchParams;
    const result = await findPublishedItems({
      agencyCode: query.get("agency") || undefined,
      categorySlug: query.get("category") || undefined,
      year: readPositiveInteger(query.get("year")),
      issuingBody: query.get("issuingBody") || undefined,
      page: readPositiveInteger(query.get("page")),
      pageSize: readPositiveInteger(query.get("pageSize")),
    });
    if (!result) throw new NotFoundError(messages.common.notFound.category);
    return result;
  });
}
