import "server-only";
import { errorResponse } from "@/lib/api/respond";
import { NotFoundError } from "@/lib/errors";
import { cacheableResponse, FEED_CACHE } from "@/lib/http-cache/http-cache";
import { messages } from "@/lib/i18n";
import { loadItemFeed, renderAtom, renderRss } from "@/lib/open-data/feeds";
import { siteOrigin } from "@/lib/open-data/site-url";

const FORMATS = { "rss.xml": "rss", "atom.xml": "atom" } as const;

/** GET /feeds/{rss.xml|atom.xml} and /feeds/catalogue/{slug}/{rss.xml|atom.xml}. */
export async function respondWithItemFeed(request: Request, file: string, categorySlug?: string): Promise<Response> {
  const format = FORMATS[file as keyof typeof FORMATS];
  const origin = siteOrigin(request.headers, request.url);
  const feed = format ? await loadItemFeed(origin, categorySlug, format) : null;
  if (!format || !feed) return errorResponse(new NotFoundError(categorySlug ? messages.common.notFound.category : messages.common.errors.notFound));
  const body = format === "rss" ? renderRss(feed, origin) : renderAtom(feed, origin);
  const contentType = format === "rss" ? "application/rss+xml; charset=utf-8" : "application/atom+xml; charset=utf-8";
  return cacheableResponse(request, body, { "Content-Type": contentType, "Access-Control-Allow-Origin": "*" }, FEED_CACHE);
}
