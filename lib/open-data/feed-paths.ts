/**
 * The addresses of the item feeds (app/feeds/…): the whole column or one category, of the default
 * agency or — with `agencyCode` (集约化) — of one agency. Pure: pages link them, feeds name themselves.
 */
export type FeedFile = "rss.xml" | "atom.xml";

export function feedPath(file: FeedFile, scope: { categorySlug?: string; agencyCode?: string } = {}): string {
  const category = scope.categorySlug ? `catalogue/${encodeURIComponent(scope.categorySlug)}/` : "";
  const query = scope.agencyCode ? `?agency=${encodeURIComponent(scope.agencyCode)}` : "";
  return `/feeds/${category}${file}${query}`;
}
