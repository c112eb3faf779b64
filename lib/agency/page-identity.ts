import { Parser } from "htmlparser2";
import { formatDateTime } from "@/lib/format";
import { messages } from "@/lib/i18n";

/**
 * What every public page says about itself in its title and its meta tags, the way Chinese
 * government websites do (国务院办公厅《政府网站发展指引》, 2017): the title reads
 * 页面－栏目－机构名, and the head carries SiteName, SiteDomain, SiteIDCode, ColumnName and
 * ColumnType, plus ArticleTitle, PubDate, ContentSource, Keywords, Description and Url on a page
 * that shows one article. Pure: app/(public)/_lib/public-metadata.ts turns it into Next's metadata.
 */

/** The site's 栏目 a public page belongs to. */
export type PublicColumn = keyof typeof messages.siteIdentity.columns;

export type ArticleIdentity = {
  title: string;
  /** yyyy-MM-dd (Beijing), or yyyy-MM-dd HH:mm. */
  publishedAt: string | null;
  /** 信息来源: the issuing body (the agency itself when left out: a register entry's source). */
  source?: string;
  keywords: string[];
  /** Plain text; cut to a summary here. */
  description: string;
  /** The page's path on this site, e.g. /items/12. */
  path: string;
};

export type PageIdentity = {
  /** The page's own name: an item's title, a list's name. */
  page: string;
  column: PublicColumn;
  /** The narrower column the page sits in (a catalogue category); the column's name by default. */
  columnName?: string;
  article?: ArticleIdentity;
};

export type SiteIdentityForTags = { name: string; website: string | null; siteIdCode: string | null };

const separator = "－";

export function columnLabel(column: PublicColumn): string {
  return messages.siteIdentity.columns[column];
}

/** The title before the layout adds the agency's name: 页面－栏目. */
export function pageTitle(identity: Pick<PageIdentity, "page" | "column">): string {
  const column = columnLabel(identity.column);
  return identity.page === column ? column : `${identity.page}${separator}${column}`;
}

/** The whole title, for a page whose layout cannot add the agency's name (the home page): 页面－栏目－机构名. */
export function fullPageTitle(identity: Pick<PageIdentity, "page" | "column">, agencyName: string): string {
  return `${pageTitle(identity)}${separator}${agencyName}`;
}

/** The site's domain: the agency's configured website, else the host the visitor reached. */
export function siteDomainOf(website: string | null, origin: string): string {
  const configured = website
    ?.trim()
    .replace(/^https?:\/\//i, "")
    .replace(/\/.*$/, "");
  if (configured) return configured;
  try {
    return new URL(origin).host;
  } catch {
    return "";
  }
}

const descriptionLength = 120;

/** The text of an HTML body, whitespace collapsed, cut to a summary for the Description tag. */
export function plainTextSummary(html: string, maximum = descriptionLength): string {
  let text = "";
  let skipped = 0;
  const parser = new Parser(
    {
      onopentag: (name) => {
        if (name === "script" || name === "style") skipped++;
      },
      onclosetag: (name) => {
        if ((name === "script" || name === "style") && skipped > 0) skipped--;
        if (/^(p|div|br|li|h\d|tr)$/.test(name)) text += " ";
      },
      ontext: (chunk) => {
        if (!skipped) text += chunk;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  const collapsed = text.replace(/\s+/g, " ").trim();
  const characters = [...collapsed];
  return characters.length > maximum ? `${characters.slice(0, maximum).join("")}…` : collapsed;
}

/** A PubDate from what the data layer hands over: a day or day and time as they are, an ISO instant in Beijing time. */
export function articleDate(value: string | null | undefined): string | null {
  if (!value) return null;
  if (/^\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2})?$/.test(value)) return value;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : formatDateTime(instant);
}

/** The meta tags of a public page, name → content (empty values left out). */
export function pageMetaTags(site: SiteIdentityForTags, identity: PageIdentity, origin: string): Record<string, string> {
  const tags: Record<string, string> = {
    SiteName: site.name,
    SiteDomain: siteDomainOf(site.website, origin),
    SiteIDCode: site.siteIdCode ?? "",
    ColumnName: identity.columnName ?? columnLabel(identity.column),
    ColumnType: messages.siteIdentity.columnTypes[identity.column],
  };
  const article = identity.article;
  if (article) {
    Object.assign(tags, {
      ArticleTitle: article.title,
      PubDate: article.publishedAt ?? "",
      ContentSource: article.source ?? site.name,
      Keywords: article.keywords.join(","),
      Description: plainTextSummary(article.description),
      Url: `${origin.replace(/\/+$/, "")}${article.path}`,
    });
  }
  return Object.fromEntries(Object.entries(tags).filter(([, value]) => value !== ""));
}
