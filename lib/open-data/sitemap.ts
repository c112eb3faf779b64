import "server-only";
import { listAgencies } from "@/lib/agency/agencies";
import { findCategoryTree, flattenCategoryTree } from "@/lib/catalogue/catalogue-tree";
import { readPublicContent } from "@/lib/database/read-routing";
import { db } from "@/lib/db";
import { ensureSearchIndexCurrent } from "@/lib/search/search-index";

/**
 * sitemap.xml: the fixed pages, every catalogue category, and every public record. Records come
 * from the search index, which holds exactly what the public can see, of every type. Large sites
 * get a sitemap index pointing at parts of at most PART_SIZE addresses (the protocol allows 50,000).
 */
export const PART_SIZE = 10_000;

const FIXED_PATHS = ["/", "/agencies", "/catalogue/statutory", "/powers", "/services", "/decisions", "/inspections", "/proposals", "/reports/annual"];

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (character) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[character]!);

type Entry = { path: string; lastModified?: Date };

async function pageEntries(): Promise<Entry[]> {
  const categories = flattenCategoryTree(await findCategoryTree("all")).map((node) => `/catalogue/${node.slug}`);
  // Every agency's column (集约化), /agencies/{code}.
  const agencies = (await listAgencies()).map((agency) => `/agencies/${agency.code}`);
  return [...new Set([...FIXED_PATHS, ...categories, ...agencies])].map((path) => ({ path }));
}

async function countRecords(): Promise<number> {
  return db.searchDocument.count();
}

async function recordEntries(part: number): Promise<Entry[]> {
  const rows = await db.searchDocument.findMany({
    select: { url: true, publishedAt: true },
    orderBy: { id: "asc" },
    skip: (part - 1) * PART_SIZE,
    take: PART_SIZE,
  });
  return rows.map((row) => ({ path: row.url, lastModified: row.publishedAt }));
}

function urlSet(origin: string, entries: Entry[]): string {
  const urls = entries
    .map(
      (entry) =>
        `  <url><loc>${escapeXml(origin + entry.path)}</loc>${entry.lastModified ? `<lastmod>${entry.lastModified.toISOString().slice(0, 10)}</lastmod>` : ""}</url>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}

function sitemapIndex(origin: string, parts: string[]): string {
  const sitemaps = parts.map((part) => `  <sitemap><loc>${escapeXml(`${origin}/sitemap.xml?part=${part}`)}</loc></sitemap>`).join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${sitemaps}\n</sitemapindex>\n`;
}

/** The sitemap (or sitemap index, or one part of it); null for a part that does not exist. */
export async function renderSitemap(origin: string, part: string | null): Promise<string | null> {
  // Reconciling the index writes: on the primary. The listing is a public content read.
  await ensureSearchIndexCurrent();
  return readPublicContent(() => listSitemap(origin, part));
}

async function listSitemap(origin: string, part: string | null): Promise<string | null> {
  const records = await countRecords();
  const recordParts = Math.ceil(records / PART_SIZE);
  if (part === null) {
    // One sitemap while the pages (every agency's column among them) and the records fit in one part.
    const pages = await pageEntries();
    if (pages.length + records <= PART_SIZE) return urlSet(origin, [...pages, ...(await recordEntries(1))]);
    return sitemapIndex(origin, ["pages", ...Array.from({ length: recordParts }, (_, index) => `records-${index + 1}`)]);
  }
  if (part === "pages") return urlSet(origin, await pageEntries());
  const match = /^records-(\d{1,6})$/.exec(part);
  const number = match ? Number(match[1]) : 0;
  if (number < 1 || number > recordParts) return null;
  return urlSet(origin, await recordEntries(number));
}
