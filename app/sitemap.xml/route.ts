import { errorResponse } from "@/lib/api/respond";
import { NotFoundError } from "@/lib/errors";
import { cacheableResponse, FEED_CACHE } from "@/lib/http-cache/http-cache";
import { siteOrigin } from "@/lib/open-data/site-url";
import { renderSitemap } from "@/lib/open-data/sitemap";

export const dynamic = "force-dynamic";

/** GET /sitemap.xml (a sitemap, or a sitemap index on large sites) and /sitemap.xml?part=… */
export async function GET(request: Request) {
  const part = new URL(request.url).searchParams.get("part");
  const body = await renderSitemap(siteOrigin(request.headers, request.url), part);
  if (body === null) return errorResponse(new NotFoundError());
  return cacheableResponse(request, body, { "Content-Type": "application/xml; charset=utf-8" }, FEED_CACHE);
}
