import { respondWithItemFeed } from "@/lib/open-data/feed-route";

export const dynamic = "force-dynamic";

/** The latest items of one category (and its subcategories): /feeds/catalogue/{slug}/rss.xml or atom.xml; `?agency=<code>`: one agency's. */
export async function GET(request: Request, context: { params: Promise<{ slug: string; file: string }> }) {
  const { slug, file } = await context.params;
  const agencyCode = new URL(request.url).searchParams.get("agency");
  return respondWithItemFeed(request, file, { categorySlug: slug, agencyCode });
}
