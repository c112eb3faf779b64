import type { Metadata } from "next";
import { headers } from "next/headers";
import { findAgencyProfile, type AgencyProfile } from "@/lib/agency/find-agency";
import { fullPageTitle, pageMetaTags, pageTitle, type PageIdentity } from "@/lib/agency/page-identity";
import { messages } from "@/lib/i18n";
import { siteOrigin } from "@/lib/open-data/site-url";
import { findViewedAgencyOfRequest } from "./viewed-agency";

/**
 * Next's metadata for a public page: its title (the layout adds －机构名), the government-website
 * meta tags (`other`) and the feeds (`alternates`). Metadata is merged shallowly, so each page
 * sends the whole `other` and `alternates`, site-wide tags included.
 */
export async function publicMetadata(identity: PageIdentity, options: { feeds?: { slug: string; name: string } } = {}): Promise<Metadata> {
  const agency = await findAgencyProfile();
  return metadataFor(agency, identity, options, { title: pageTitle(identity) });
}

/**
 * The home page: its layout's title template does not apply to it (same segment), so it names the
 * agency itself (the one its address names, as the layout's title would).
 */
export async function publicHomeMetadata(identity: PageIdentity): Promise<Metadata> {
  const [agency, viewed] = await Promise.all([findAgencyProfile(), findViewedAgencyOfRequest()]);
  return metadataFor(agency, identity, {}, { title: { absolute: fullPageTitle(identity, viewed.agency?.name ?? agency.name) } });
}

/** A page that only needs its name and column: `export const generateMetadata = publicPage(...)`. */
export function publicPage(page: string, column: PageIdentity["column"] = "disclosure", columnName?: string) {
  return () => publicMetadata({ page, column, columnName });
}

export function feedAlternates(agencyName: string, category?: { slug: string; name: string }): NonNullable<Metadata["alternates"]>["types"] {
  const f = messages.siteIdentity.feeds;
  const types: Record<string, { url: string; title: string }[]> = {
    "application/rss+xml": [{ url: "/feeds/rss.xml", title: f.rss(agencyName) }],
    "application/atom+xml": [{ url: "/feeds/atom.xml", title: f.atom(agencyName) }],
  };
  if (category) {
    types["application/rss+xml"].push({ url: `/feeds/catalogue/${category.slug}/rss.xml`, title: f.rss(`${agencyName} ${category.name}`) });
    types["application/atom+xml"].push({ url: `/feeds/catalogue/${category.slug}/atom.xml`, title: f.atom(`${agencyName} ${category.name}`) });
  }
  return types;
}

async function metadataFor(
  agency: AgencyProfile,
  identity: PageIdentity,
  options: { feeds?: { slug: string; name: string } },
  title: Pick<Metadata, "title">,
): Promise<Metadata> {
  const origin = siteOrigin(await headers());
  const tags = pageMetaTags(agency, identity, origin);
  return {
    ...title,
    description: identity.article ? tags.Description : undefined,
    keywords: identity.article?.keywords.length ? identity.article.keywords : undefined,
    alternates: { types: feedAlternates(agency.name, options.feeds) },
    other: tags,
  };
}
