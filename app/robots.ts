import type { MetadataRoute } from "next";
import { headers } from "next/headers";
import { siteOrigin } from "@/lib/open-data/site-url";

export const dynamic = "force-dynamic";

/** robots.txt: the public site is open to crawlers; the console, sign-in, forms and search results are not. */
export default async function robots(): Promise<MetadataRoute.Robots> {
  const origin = siteOrigin(await headers());
  return {
    rules: [
      {
        userAgent: "*",
        allow: ["/", "/api/v1/"],
        disallow: ["/admin", "/login", "/api/v1/admin", "/api/v1/me", "/api/auth", "/search", "/apply", "/applications", "/feedback/new"],
      },
    ],
    sitemap: `${origin}/sitemap.xml`,
  };
}
