import { openDataPreflight, openDataRoute } from "@/lib/open-data/open-data-route";
import { searchPublicContent, toApiSearchResponse } from "@/lib/search/search-public";

export const dynamic = "force-dynamic";

/** GET /api/v1/search?q=&agency=&type=&category=&year=&issuingBody=&validity=&sort=&page=&pageSize= → {total, results}. */
export const GET = openDataRoute(async (request) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  return { json: toApiSearchResponse(await searchPublicContent(params)) };
});

export const OPTIONS = openDataPreflight;
