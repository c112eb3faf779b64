/**
 * The open-data API is readable from any web page (CORS open): it is public, read-only and sends
 * no credentials-dependent content. Console endpoints (/api/v1/admin, /api/v1/me) are excluded.
 */
export const CORS_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
  "Access-Control-Allow-Headers": "Accept, Content-Type, If-None-Match",
  "Access-Control-Expose-Headers": "ETag, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining",
  "Access-Control-Max-Age": "86400",
};

/** Whether a path is part of the public open-data API (as opposed to the console's API). */
export function isOpenDataPath(pathname: string): boolean {
  if (!pathname.startsWith("/api/v1/")) return false;
  return !/^\/api\/v1\/(admin|me)(\/|$)/.test(pathname);
}
