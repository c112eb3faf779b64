import { respondWithItemFeed } from "@/lib/open-data/feed-route";

export const dynamic = "force-dynamic";

/** The latest published items: /feeds/rss.xml (RSS 2.0) and /feeds/atom.xml (Atom). */
export async function GET(request: Request, context: { params: Promise<{ file: string }> }) {
  return respondWithItemFeed(request, (await context.params).file);
}
