import { respondWithItemFeed } from "@/lib/open-data/feed-route";

export const dynamic = "force-dynamic";

/** The latest published items: /feeds/rss.xml (RSS 2.0) and /feeds/atom.xml (Atom); `?agency=<code>`: one agency's. */
export async function GET(request: Request, context: { params: Promise<{ file: string }> }) {
  const agencyCode = new URL(request.url).searchParams.get("agency");
  return respondWithItemFeed(request, (await context.params).file, { agencyCode });
}
