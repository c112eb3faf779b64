import type { Metadata } from "next";
import { headers } from "next/headers";
import { findAgencyProfile, type AgencyProfile } from "@/lib/agency/find-agency";
import { fullPageTitle, pageMetaTags, pageTitle, type PageIdentity } from "@/lib/agency/page-identity";
import { messages } from "@/lib/i18n";
import { feedPath } from "@/lib/open-data/feed-paths";
import { siteOrigin } from "@/lib/open-data/site-url";
import { findViewedAgencyOfRequest } from "./viewed-agency";

/**
 * Next's metadata for a public page: its title (the layout adds －机构名), the government-website
 * meta tags (`other`) and the feeds (`alternates`). Metadata is merged shallowly, so each page
 * sends the whole `other` and `alternates`, site-wide tags included.
 */
export async function publicMetadata(identity: PageIdentity, options: { feeds?: FeedScope } = {}): Promise<Metadata> {
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

/**
 * Whose feeds a page advertises: the site's (the default agency's), one category's, and — on an
 * agency's column or catalogue (集约化) — that agency's (`?agency=<code>`), listed first.
 */
export type FeedScope = { category?: { slug: string; name: string }; agency?: { code: string; name: string; isDefault: boolean } };

export function feedAlternates(siteAgencyName: string, scope: FeedScope = {}): NonNullable<Metadata["alternates"]>["types"] {
  const f = messages.siteIdentity.feeds;
  const rss: { url: string; title: string }[] = [];
  const atom: { url: string; title: string }[] = [];
  const add = (name: string, categorySlug?: string, agencyCode?: string) => {
    rss.push({ url: feedPath("rss.xml", { categorySlug, agencyCode }), title: f.rss(name) });
    atom.push({ url: feedPath("atom.xml", { categorySlug, agencyCode }), title: f.atom(name) });
  };
  const { agency, category } = scope;
  if (agency) {
    add(agency.name, undefined, agency.code);
    if (category) add(`${agency.name} ${category.name}`, category.slug, agency.code);
  }
  // The site's own feeds carry the default agency's items: the same as its feeds named by code.
  if (!agency?.isDefault) {
    add(siteAgencyName);
    if (category && !agency) add(`${siteAgencyName} ${category.name}`, category.slug);
  }
  return { "application/rss+xml": rss, "application/atom+xml": atom };
}

async function metadataFor(agency: AgencyProfile, identity: PageIdentity, options: { feeds?: FeedScope }, title: Pick<Metadata, "title">): Promise<Metadata> {
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
