import "server-only";
import { errorResponse } from "@/lib/api/respond";
import { NotFoundError } from "@/lib/errors";
import { cacheableResponse, FEED_CACHE } from "@/lib/http-cache/http-cache";
import { messages } from "@/lib/i18n";
import { loadItemFeed, renderAtom, renderRss, type Feed, type FeedSource } from "@/lib/open-data/feeds";
import { siteOrigin } from "@/lib/open-data/site-url";

const FORMATS = { "rss.xml": "rss", "atom.xml": "atom" } as const;

/**
 * GET /feeds/{rss.xml|atom.xml} and /feeds/catalogue/{slug}/{rss.xml|atom.xml}, each with an
 * optional `?agency=<code>` (集约化: that agency's items only; an unknown code is 404).
 */
export async function respondWithItemFeed(request: Request, file: string, source: FeedSource): Promise<Response> {
  const format = FORMATS[file as keyof typeof FORMATS];
  if (!format) return errorResponse(new NotFoundError(messages.common.errors.notFound));
  const origin = siteOrigin(request.headers, request.url);
  let feed: Feed;
  try {
    feed = await loadItemFeed(origin, source, format);
  } catch (error) {
    if (error instanceof NotFoundError) return errorResponse(error);
    throw error;
  }
  const body = format === "rss" ? renderRss(feed, origin) : renderAtom(feed, origin);
  const contentType = format === "rss" ? "application/rss+xml; charset=utf-8" : "application/atom+xml; charset=utf-8";
  return cacheableResponse(request, body, { "Content-Type": contentType, "Access-Control-Allow-Origin": "*" }, FEED_CACHE);
}
