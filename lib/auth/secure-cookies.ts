/**
 * Whether the site is served over HTTPS, so that Auth.js sets its cookies `Secure` with the
 * `__Secure-` prefix (a browser then never sends them over plain HTTP, e.g. to the http:// address
 * a proxy redirects from). Auth.js alone would believe any client's X-Forwarded-Proto; here it
 * counts only behind a trusted proxy (TRUST_PROXY=1). AUTH_URL, when set, is the site's address
 * and decides on its own.
 */
export function servesOverHttps(env: Record<string, string | undefined>, headers: Headers): boolean {
  const siteUrl = env.AUTH_URL?.trim() || env.NEXTAUTH_URL?.trim();
  if (siteUrl) return siteUrl.toLowerCase().startsWith("https:");
  if (env.TRUST_PROXY !== "1") return false;
  // The proxy nearest to the server appends last; nginx's `$scheme` sets a single value.
  const forwarded = headers.get("x-forwarded-proto")?.split(",").at(-1)?.trim().toLowerCase();
  return forwarded === "https";
}
