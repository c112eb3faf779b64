import { configFrom, type Config } from "@/lib/config";
import { isFromTrustedProxy } from "@/lib/http-security/client-address";

/**
 * Cookie-authenticated API writes must come from the site's own pages. A browser attaches the
 * session cookie to requests another site makes it send, but only "simple" ones: a form post or a
 * fetch with a text/plain, urlencoded or multipart body, which carries that site's Origin. So a
 * write (POST, PUT, PATCH, DELETE) with a session cookie needs:
 *   - an Origin header naming this site (or, without Origin, Sec-Fetch-Site: same-origin), and
 *   - a JSON body (which another site cannot send without a CORS preflight we never grant) or a
 *     multipart one (file imports from the console's own pages).
 * Bearer-token requests carry no ambient credential and are not checked here.
 */
const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const ACCEPTED_MEDIA_TYPES = new Set(["application/json", "multipart/form-data"]);

export type CrossSiteWriteProblem = "origin" | "content_type";

export function isWriteMethod(method: string): boolean {
  return WRITE_METHODS.has(method.toUpperCase());
}

/**
 * Why a cookie-authenticated write must be refused, or null when it may go ahead (or is no write).
 * The site is the request's own host, X-Forwarded-Host from a proxy that TRUST_PROXY names, or the
 * host of AUTH_URL / PUBLIC_BASE_URL; the scheme is not compared (TLS often ends at the proxy).
 */
export function findCrossSiteWriteProblem(request: Request, env?: Record<string, string | undefined>): CrossSiteWriteProblem | null {
  if (!isWriteMethod(request.method)) return null;
  if (!comesFromThisSite(request, configFrom(env))) return "origin";
  const mediaType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!ACCEPTED_MEDIA_TYPES.has(mediaType)) return "content_type";
  return null;
}

function comesFromThisSite(request: Request, config: Config): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return request.headers.get("sec-fetch-site") === "same-origin";
  const originHost = hostOf(origin);
  return originHost !== null && siteHostsOf(request, config).has(originHost);
}

function siteHostsOf(request: Request, config: Config): Set<string> {
  const hosts = new Set<string>();
  const add = (host: string | null | undefined) => {
    if (host) hosts.add(host.trim().toLowerCase());
  };
  add(request.headers.get("host"));
  add(hostOf(request.url));
  if (isFromTrustedProxy(request.headers)) add(request.headers.get("x-forwarded-host")?.split(",")[0]);
  for (const configured of [config.AUTH_URL, config.NEXTAUTH_URL, config.PUBLIC_BASE_URL]) add(configured ? hostOf(configured) : null);
  return hosts;
}

function hostOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.host.toLowerCase() : null;
  } catch {
    return null;
  }
}
