import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { currentTime } from "@/lib/clock";
import { readConfig } from "@/lib/config";
import { answerWithin } from "@/lib/database/answer-within";
import { hasDatabase, poolForCurrentRead } from "@/lib/database/pool";
import { choosePublicContentSource, readPublicContentFrom } from "@/lib/database/read-routing";

/**
 * HTTP caching of the public site's pages, applied by proxy.ts before the page renders.
 *
 * A public page is the same for every visitor until public content changes, so its entity tag
 * is derived from the public content version (bumped in the transaction of every publication or
 * withdrawal), the build, and the URL: a client or a reverse proxy revalidating with If-None-Match
 * gets a 304 without the page being rendered. Cache-Control lets a shared cache serve the page for
 * s-maxage seconds and stale while it revalidates.
 *
 * Only an allow-list of read-only public pages is cached; forms and anything personal (依申请公开,
 * application status, feedback, login, console) never are, nor file downloads whose access
 * depends on who asks (service forms, proposal reply files). Requests for React Server Component
 * payloads (client-side navigation) keep Next's own private headers.
 */
const CACHEABLE_PATHS = [
  /^\/$/,
  /^\/catalogue(\/[^/]+)?$/,
  /^\/items\/\d+$/,
  /^\/search$/,
  /^\/(powers|services|decisions|inspections|proposals)(\/\d+)?$/,
  /^\/powers\/changes$/,
  /^\/reports\/annual(\/\d{4})?$/,
  // The agency directory and each agency's column (集约化): agency and site-identity edits bump the version.
  /^\/agencies(\/[^/]+)?$/,
];

/** Whether a path is one of the read-only public pages (the web server's page cache uses the same list). */
export function isCacheablePublicPath(pathname: string): boolean {
  return CACHEABLE_PATHS.some((pattern) => pattern.test(pathname));
}

export function isCacheablePublicPage(method: string, pathname: string, headers: Headers, search: URLSearchParams): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  if (headers.get("rsc") || headers.get("next-router-prefetch") || headers.get("next-action") || search.has("_rsc")) return false;
  return isCacheablePublicPath(pathname);
}

let buildId: string | undefined;
/** The deployed build: a new build changes every page's tag (new markup, new asset names). */
function currentBuildId(): string {
  if (buildId) return buildId;
  try {
    buildId = readFileSync(path.join(process.cwd(), ".next", "BUILD_ID"), "utf8").trim();
  } catch {
    buildId = `development-${currentTime().getTime()}`;
  }
  return buildId;
}

export function pageEntityTag(contentVersion: string, url: URL): string {
  const hash = createHash("sha1").update(`${contentVersion}\0${currentBuildId()}\0${url.pathname}\0${url.search}`).digest("base64url");
  return `W/"${hash}"`;
}

/**
 * How long a read of the content version is reused (PUBLIC_VERSION_CHECK_MS, default 0: every
 * page request asks, so a page revalidated right after a publication is never answered 304 from
 * the old version). Raising it saves that query under heavy direct traffic, at the price of up
 * to that many milliseconds of 304s for the previous version.
 */
const globalForPages = globalThis as unknown as {
  gongkaiVersion?: Partial<Record<string, { value: string; readAt: number; pending?: Promise<string | null> }>>;
};

/**
 * The public content version (one tiny query; concurrent requests share one read), so that
 * revalidation costs next to nothing. Null when the database cannot be asked: then no tag is sent.
 *
 * Read from the server the page's own reads will use (lib/database/read-routing.ts: the replica
 * for an anonymous visitor while it is usable), so that a page's tag is never newer than its
 * content; reads are shared only between requests routed alike (same server, same generation).
 */
// The tag is optional: a database that does not answer a primary-key read within 2 s costs the page
// its tag, not the pool's full statement limit on top of the page's own reads (tests/faults).
const VERSION_READ_LIMIT_MS = 2_000;

export async function readContentVersionForPages(now = currentTime().getTime()): Promise<string | null> {
  if (!hasDatabase()) return null;
  const { source, generation } = choosePublicContentSource();
  const route = `${source}:${generation}`;
  const versions = (globalForPages.gongkaiVersion ??= {});
  const cached = versions[route];
  if (cached && now - cached.readAt < readConfig().PUBLIC_VERSION_CHECK_MS) return cached.value;
  if (cached?.pending) return answerWithin(cached.pending, VERSION_READ_LIMIT_MS, null);
  // Older routes are never asked for again.
  for (const key of Object.keys(versions)) if (key !== route) delete versions[key];
  const pending = readPublicContentFrom(source, () =>
    poolForCurrentRead().query<{ token: string }>(`SELECT "token" FROM "PublicContentVersion" WHERE "id" = 1`),
  )
    .then((result) => {
      const value = result.rows[0]?.token ?? "none";
      versions[route] = { value, readAt: currentTime().getTime() };
      return value;
    })
    .catch(() => {
      delete versions[route];
      return null;
    });
  versions[route] = { value: cached?.value ?? "", readAt: 0, pending };
  return answerWithin(pending, VERSION_READ_LIMIT_MS, null);
}
