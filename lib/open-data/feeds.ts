import "server-only";
import { findAgencyByCode, findDefaultAgency } from "@/lib/agency/agencies";
import { agencyQuery } from "@/lib/agency/public-agency";
import { findCategoryBySlug } from "@/lib/catalogue/catalogue-tree";
import { readPublicContent } from "@/lib/database/read-routing";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { findPublishedItems, type PublicItemSummary } from "@/lib/items/public-items";
import { feedPath } from "@/lib/open-data/feed-paths";

/** RSS 2.0 and Atom 1.0 feeds of the latest published items, for the whole column or one category, of one agency. */
export type FeedFormat = "rss" | "atom";
export const FEED_LENGTH = 30;

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (character) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[character]!);

/** Items carry a Beijing publication day; feeds want an instant: 00:00 Beijing time that day. */
const instantOf = (day: string) => new Date(`${day}T00:00:00+08:00`);

function describe(item: PublicItemSummary): string {
  const parts = [`${messages.publicItems.indexNumber}：${item.indexNumber}`];
  if (item.documentNumber) parts.push(`${messages.publicItems.documentNumber}：${item.documentNumber}`);
  parts.push(`${messages.publicItems.issuingBody}：${item.issuingBody}`);
  parts.push(`${messages.publicItems.category}：${item.category.name}`);
  return parts.join("；");
}

export type Feed = { title: string; link: string; selfLink: string; items: PublicItemSummary[]; updated: Date };

/**
 * Whose items a feed carries (集约化): `agencyCode` names one agency (`?agency=<code>`); without it
 * the default agency's, as the feeds carried before the platform.
 */
export type FeedSource = { categorySlug?: string; agencyCode?: string | null };

/** The feed's content; NotFoundError for an unknown agency or category (or a column another agency keeps). */
export async function loadItemFeed(origin: string, source: FeedSource, format: FeedFormat): Promise<Feed> {
  // One public content read: from the replica in an anonymous request (lib/database/read-routing.ts).
  return readPublicContent(() => readItemFeed(origin, source, format));
}

async function readItemFeed(origin: string, { categorySlug, agencyCode }: FeedSource, format: FeedFormat): Promise<Feed> {
  const named = Boolean(agencyCode);
  const [agency, category] = await Promise.all([
    named ? findAgencyByCode(agencyCode!) : findDefaultAgency(),
    categorySlug ? findCategoryBySlug(categorySlug) : Promise.resolve(undefined),
  ]);
  if (!agency) throw new NotFoundError(messages.common.notFound.agency);
  // With an agency named, the columns its catalogue shows: the template's and its own.
  if (categorySlug && (!category || (named && category.agencyId !== null && category.agencyId !== agency.id)))
    throw new NotFoundError(messages.common.notFound.category);
  const page = await findPublishedItems({ agencyCode: agency.code, categorySlug, page: 1, pageSize: FEED_LENGTH });
  if (!page) throw new NotFoundError(messages.common.notFound.category);
  const m = messages.search.feeds;
  const file = format === "rss" ? "rss.xml" : "atom.xml";
  const home = named ? `/agencies/${encodeURIComponent(agency.code)}` : "/";
  return {
    title: category ? m.categoryTitle(agency.name, category.name) : m.title(agency.name),
    link: `${origin}${category ? `/catalogue/${category.slug}${named ? agencyQuery(agency) : ""}` : home}`,
    selfLink: `${origin}${feedPath(file, { categorySlug: category?.slug, agencyCode: named ? agency.code : undefined })}`,
    items: page.items,
    updated: page.items.length ? instantOf(page.items[0].publishedAt) : new Date("2000-01-01T00:00:00Z"),
  };
}

export function renderRss(feed: Feed, origin: string): string {
  const entries = feed.items
    .map((item) => {
      const link = `${origin}/items/${item.id}`;
      return [
        "    <item>",
        `      <title>${escapeXml(item.title)}</title>`,
        `      <link>${escapeXml(link)}</link>`,
        `      <guid isPermaLink="true">${escapeXml(link)}</guid>`,
        `      <pubDate>${instantOf(item.publishedAt).toUTCString()}</pubDate>`,
        `      <category>${escapeXml(item.category.name)}</category>`,
        `      <description>${escapeXml(describe(item))}</description>`,
        "    </item>",
      ].join("\n");
    })
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${escapeXml(feed.title)}</title>
    <link>${escapeXml(feed.link)}</link>
    <atom:link href="${escapeXml(feed.selfLink)}" rel="self" type="application/rss+xml"/>
    <description>${escapeXml(messages.search.feeds.description)}</description>
    <language>zh-CN</language>
    <lastBuildDate>${feed.updated.toUTCString()}</lastBuildDate>
${entries}
  </channel>
</rss>
`;
}

export function renderAtom(feed: Feed, origin: string): string {
  const entries = feed.items
    .map((item) => {
      const link = `${origin}/items/${item.id}`;
      return [
        "  <entry>",
        `    <title>${escapeXml(item.title)}</title>`,
        `    <link href="${escapeXml(link)}"/>`,
        `    <id>${escapeXml(link)}</id>`,
        `    <updated>${instantOf(item.publishedAt).toISOString()}</updated>`,
        `    <published>${instantOf(item.publishedAt).toISOString()}</published>`,
        `    <category term="${escapeXml(item.category.slug)}" label="${escapeXml(item.category.name)}"/>`,
        `    <summary>${escapeXml(describe(item))}</summary>`,
        "  </entry>",
      ].join("\n");
    })
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <title>${escapeXml(feed.title)}</title>
  <subtitle>${escapeXml(messages.search.feeds.description)}</subtitle>
  <link href="${escapeXml(feed.link)}"/>
  <link href="${escapeXml(feed.selfLink)}" rel="self" type="application/atom+xml"/>
  <id>${escapeXml(feed.selfLink)}</id>
  <updated>${feed.updated.toISOString()}</updated>
  <author><name>${escapeXml(feed.title.split(" · ")[0])}</name></author>
${entries}
</feed>
`;
}
