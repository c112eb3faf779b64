import { configFrom } from "@/lib/config";

/**
 * Whether the site is served over HTTPS, so that Auth.js sets its cookies `Secure` with the
 * `__Secure-` prefix (a browser then never sends them over plain HTTP, e.g. to the http:// address
 * a proxy redirects from).
 *
 * - AUTH_URL (or NEXTAUTH_URL), when set, is the site's address and decides (Auth.js builds its
 *   URLs from it too).
 * - Otherwise an https:// PUBLIC_BASE_URL (the address feeds and the sitemap use) says so.
 * - Otherwise the request's X-Forwarded-Proto: https, which the proxy sets (deploy/nginx.conf).
 *   It is believed even without TRUST_PROXY=1: it can only make a cookie stricter, and only the
 *   cookie of the client that sent it, while ignoring it would weaken the cookies of every
 *   installation behind an HTTPS proxy that forgot TRUST_PROXY. A client's "http" never weakens
 *   them where AUTH_URL or PUBLIC_BASE_URL says https.
 */
export function servesOverHttps(env: Record<string, string | undefined>, headers: Headers): boolean {
  const config = configFrom(env);
  const siteUrl = config.AUTH_URL || config.NEXTAUTH_URL;
  if (siteUrl) return isHttps(siteUrl);
  if (config.PUBLIC_BASE_URL && isHttps(config.PUBLIC_BASE_URL)) return true;
  // The proxy nearest to the server appends last; nginx's `$scheme` sets a single value.
  const forwarded = headers.get("x-forwarded-proto")?.split(",").at(-1)?.trim().toLowerCase();
  return forwarded === "https";
}

function isHttps(url: string): boolean {
  return url.toLowerCase().startsWith("https:");
}
