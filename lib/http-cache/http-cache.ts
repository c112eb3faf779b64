import { createHash } from "node:crypto";
import { readConfig } from "@/lib/config";

/**
 * HTTP caching for public responses, so that a reverse proxy or CDN can serve them: a strong
 * validator (ETag of the body) and Cache-Control that lets shared caches keep a response for
 * `sMaxAge` seconds and serve it stale for `staleWhileRevalidate` more while fetching a fresh one.
 * Browsers get a short `maxAge`. Content changes (publish, withdraw) reach visitors through a cache
 * within sMaxAge; the application's own cache is invalidated at once.
 */
export type CachePolicy = { maxAge: number; sMaxAge: number; staleWhileRevalidate: number };

/** Public pages and open-data responses (PUBLIC_CACHE_*, read from the configuration when used). */
export const PUBLIC_CACHE: CachePolicy = {
  get maxAge() {
    return readConfig().PUBLIC_CACHE_MAX_AGE;
  },
  get sMaxAge() {
    return readConfig().PUBLIC_CACHE_S_MAXAGE;
  },
  get staleWhileRevalidate() {
    return readConfig().PUBLIC_CACHE_STALE_WHILE_REVALIDATE;
  },
};

/** Feeds and the sitemap: readers poll them. */
export const FEED_CACHE: CachePolicy = { maxAge: 300, sMaxAge: 600, staleWhileRevalidate: 3600 };

export function cacheControlOf(policy: CachePolicy): string {
  return `public, max-age=${policy.maxAge}, s-maxage=${policy.sMaxAge}, stale-while-revalidate=${policy.staleWhileRevalidate}`;
}

/** Responses that must never be stored (errors, rate limits, anything personal). */
export const NO_STORE = "no-store";

/** A strong entity tag: the SHA-1 of the body, base64url. */
export function entityTagOf(body: string | Uint8Array): string {
  return `"${createHash("sha1").update(body).digest("base64url")}"`;
}

/**
 * Whether the client's If-None-Match names this tag (RFC 9110 §13.1.2: weak comparison, `*`
 * matches anything).
 */
export function matchesIfNoneMatch(header: string | null, tag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const opaque = (value: string) => value.trim().replace(/^W\//, "");
  return header.split(",").some((candidate) => opaque(candidate) === opaque(tag));
}

/**
 * A cacheable response for a GET/HEAD: Cache-Control, ETag, Vary; 304 without a body when the
 * client already holds this version.
 */
export function cacheableResponse(request: Request, body: string | Uint8Array, headers: Record<string, string>, policy: CachePolicy = PUBLIC_CACHE): Response {
  const tag = entityTagOf(body);
  const common: Record<string, string> = { ...headers, "Cache-Control": cacheControlOf(policy), ETag: tag };
  if (matchesIfNoneMatch(request.headers.get("if-none-match"), tag)) {
    const notModified = Object.fromEntries(Object.entries(common).filter(([name]) => !/^content-(type|length)$/i.test(name)));
    return new Response(null, { status: 304, headers: notModified });
  }
  return new Response(request.method === "HEAD" ? null : (body as BodyInit), { status: 200, headers: common });
}
