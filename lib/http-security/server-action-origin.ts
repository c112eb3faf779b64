/**
 * Server actions posted from another site. Next refuses a server action whose Origin names another
 * host than the request's (its CSRF check: the first X-Forwarded-Host, else Host) — but it answers
 * that refusal, and an Origin header it cannot parse, with a 500. The web server decides the same
 * question first (lib/runtime/web-server.ts) and answers 403, so a cross-site form post is a
 * refusal, not a server error. A request without Origin is left to Next, which lets it through as
 * it always has (browsers send Origin with every POST; a script without one carries no one's cookies).
 */

type HeaderValue = string | string[] | undefined;

function first(value: HeaderValue): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text?.split(",")[0]?.trim() || undefined;
}

/** Whether a request may be a server action: Next's own test (a Next-Action header, or a form post to a page). */
export function mayBeServerAction(method: string | undefined, pathname: string, headers: Record<string, HeaderValue>): boolean {
  if ((method ?? "").toUpperCase() !== "POST") return false;
  if (headers["next-action"] !== undefined) return true;
  const mediaType = first(headers["content-type"])?.split(";")[0]?.trim().toLowerCase();
  return !pathname.startsWith("/api/") && (mediaType === "multipart/form-data" || mediaType === "application/x-www-form-urlencoded");
}

/**
 * Whether a possible server action comes from another site: its Origin is present and is not the
 * request's own host (the host the app sees: X-Forwarded-Host from a trusted proxy — the web server
 * has removed it otherwise — else Host), or cannot be read at all.
 */
export function isCrossSiteServerAction(headers: Record<string, HeaderValue>): boolean {
  const origin = first(headers.origin);
  if (origin === undefined) return false;
  let originHost: string;
  try {
    originHost = origin === "null" ? "null" : new URL(origin).host;
  } catch {
    return true;
  }
  const host = first(headers["x-forwarded-host"]) ?? first(headers.host);
  return host === undefined || originHost !== host;
}
