import type { IncomingMessage, ServerResponse } from "node:http";
import { configFrom } from "@/lib/config";
import { publicReadGeneration } from "@/lib/database/read-routing";
import { matchesIfNoneMatch } from "@/lib/http-cache/http-cache";
import { isCacheablePublicPath } from "@/lib/http-cache/public-pages";
import { baseSecurityHeaders, contentSecurityPolicy, createNonce } from "@/lib/http-security/security-headers";
import { createContentVersionReader, generationOfVersion, queryPublicContentVersion, type ContentVersionReader } from "@/lib/runtime/content-version-reader";
import { acceptsGzip, bodyWithNonce, cutAtNonce, gzipPiecesOf, gzipWithNonce, nonceOfPolicy, PageCache } from "@/lib/runtime/page-cache";

/**
 * The page cache in front of Next, inside our web server (lib/runtime/web-server.ts).
 *
 * Served from it: anonymous GET and HEAD requests for the read-only public pages (the allow-list of
 * lib/http-cache/public-pages.ts, the same pages that carry a content-version ETag), keyed by the
 * public content version, HTTPS or not, and the path with its query. Never served from it, and
 * never stored: any request with a session cookie or an Authorization header (whatever page), the
 * React Server Component requests of client-side navigation, server actions, range requests, and
 * every other page (forms with their state, application status, login, the console, the API).
 * Only a 200 or 404 that sets no cookie, is not marked private or no-store, and was rendered with a
 * nonce is kept.
 */

export type PageCacheSettings = {
  /** Memory for cached pages per web process, in MB (0: no page cache). */
  maxMegabytes: number;
  /** How often, at most, the content version is read from PostgreSQL. */
  versionCheckMs: number;
  /** A page is rendered again after this long even without a publication. */
  maxAgeMs: number;
};

export const defaultPageCacheSettings: PageCacheSettings = { maxMegabytes: 64, versionCheckMs: 1_000, maxAgeMs: 60_000 };

/**
 * PAGE_CACHE_MB: memory per web process. PAGE_CACHE_VERSION_CHECK_MS (default 1000): how long a
 * read of the content version is used; 0 asks the database on every cacheable request, so that a
 * publication shows on the very next page (the end-to-end tests, which check pages right after
 * publishing, run that way). Both through lib/config.ts.
 */
export function pageCacheSettingsFrom(environment?: Record<string, string | undefined>): PageCacheSettings {
  const config = configFrom(environment);
  return { ...defaultPageCacheSettings, maxMegabytes: config.PAGE_CACHE_MB, versionCheckMs: config.PAGE_CACHE_VERSION_CHECK_MS };
}

export type PageCacheRuntime = {
  cache: PageCache;
  readVersion: ContentVersionReader;
  /** The version the cached pages belong to; a new one empties the cache. */
  version: string | null;
  /** Renders in progress, so that concurrent misses for one page wait for a single render. */
  rendering: Map<string, Promise<void>>;
  /** The read routing's generation now (lib/database/read-routing.ts; 0 without a replica). */
  routingGeneration: () => number;
};

export function createPageCacheRuntime(
  settings: PageCacheSettings,
  databaseUrl: string | undefined,
  query?: () => Promise<string | null>,
  replicaUrl?: string,
): PageCacheRuntime | null {
  if (settings.maxMegabytes <= 0) return null;
  const read = query ?? (databaseUrl ? queryPublicContentVersion(databaseUrl, replicaUrl) : null);
  if (!read) return null;
  return {
    cache: new PageCache({ maxBytes: settings.maxMegabytes * 1024 * 1024, maxAgeMs: settings.maxAgeMs }),
    readVersion: createContentVersionReader({ query: read, intervalMs: settings.versionCheckMs }),
    version: null,
    rendering: new Map(),
    routingGeneration: replicaUrl ? publicReadGeneration : () => 0,
  };
}

const sessionCookie = /(?:^|;)\s*(?:__Secure-|__Host-)?authjs\.session-token(?:\.\d+)?=/;

/** Whether this request may be answered from the page cache (or its answer kept there). */
export function isPageCacheable(request: IncomingMessage, pathname: string): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const headers = request.headers;
  if (headers.authorization || headers.range) return false;
  if (headers.cookie && sessionCookie.test(headers.cookie)) return false;
  if (headers.rsc || headers["next-router-prefetch"] || headers["next-router-state-tree"] || headers["next-action"]) return false;
  if ((request.url ?? "").includes("_rsc=")) return false;
  return isCacheablePublicPath(pathname);
}

// Set afresh on every response: the policy carries the response's own nonce, the rest by the server.
const perResponseHeaders = new Set([
  "content-security-policy",
  "content-length",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "date",
  "x-page-cache",
  "x-web-process",
  ...Object.keys(baseSecurityHeaders({ secure: true })).map((name) => name.toLowerCase()),
]);
const NONCE_MARK = "\u0000nonce\u0000";

/** The headers of a rendered page as kept: a nonce inside a header value (a preload Link) becomes a mark. */
function headersToKeep(response: ServerResponse, nonce: string): [string, string][] {
  const kept: [string, string][] = [];
  for (const [name, value] of Object.entries(response.getHeaders())) {
    if (value === undefined || perResponseHeaders.has(name)) continue;
    for (const one of Array.isArray(value) ? value : [String(value)]) kept.push([name, one.split(nonce).join(NONCE_MARK)]);
  }
  return kept;
}

function isKeepable(response: ServerResponse): string | undefined {
  if (response.statusCode !== 200 && response.statusCode !== 404) return undefined;
  if (response.hasHeader("set-cookie") || response.hasHeader("content-encoding")) return undefined;
  if (/no-store|private/i.test(String(response.getHeader("cache-control") ?? ""))) return undefined;
  return nonceOfPolicy(String(response.getHeader("content-security-policy") ?? ""));
}

/**
 * Lets Next render into `response` as usual, keeping a copy of what it sends; once the response
 * has finished normally, keeps it in the cache when it may be kept.
 */
function renderAndKeep(
  request: IncomingMessage,
  response: ServerResponse,
  runtime: PageCacheRuntime,
  { key, version }: { key: string; version: string },
  render: () => Promise<void>,
): Promise<void> {
  // The page is kept uncompressed (its nonce is put back per answer, and it is compressed from
  // pieces per answer when the client takes gzip), so Next must not compress this render.
  delete request.headers["accept-encoding"];
  const raw: string[] = [];
  for (let index = 0; index + 1 < request.rawHeaders.length; index += 2) {
    if (request.rawHeaders[index].toLowerCase() !== "accept-encoding") raw.push(request.rawHeaders[index], request.rawHeaders[index + 1]);
  }
  request.rawHeaders = raw;

  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  const keepChunk = (chunk: unknown, encoding: unknown) => {
    if (tooLarge || chunk === undefined || chunk === null || typeof chunk === "function") return;
    const buffer =
      typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array);
    size += buffer.length;
    if (!runtime.cache.accepts(size)) {
      tooLarge = true;
      chunks.length = 0;
      return;
    }
    chunks.push(buffer);
  };
  const write = response.write;
  const end = response.end;
  response.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    keepChunk(chunk, rest[0]);
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as ServerResponse["write"];
  response.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    keepChunk(chunk, rest[0]);
    return (end as (...args: unknown[]) => ServerResponse).call(this, chunk, ...rest);
  } as ServerResponse["end"];
  response.once("finish", () => {
    // A render that began before a newer version was seen belongs to no page anyone will ask for;
    // one during which public reads moved between primary and replica may mix the two: not kept.
    if (tooLarge || request.method !== "GET" || runtime.version !== version) return;
    if (generationOfVersion(version) !== runtime.routingGeneration()) return;
    const nonce = isKeepable(response);
    if (!nonce) return;
    const headers = headersToKeep(response, nonce);
    const segments = cutAtNonce(Buffer.concat(chunks), nonce);
    if (!headers.some(([name, value]) => name === "vary" && /accept-encoding/i.test(value))) headers.push(["vary", "Accept-Encoding"]);
    runtime.cache.set(key, {
      status: response.statusCode,
      headers,
      segments,
      gzipSegments: gzipPiecesOf(segments),
      entityTag: headers.find(([name]) => name === "etag")?.[1],
    });
  });
  return render();
}

/** Answers from a kept page: its bytes with a fresh nonce, and the policy that names it. */
function answerFromCache(request: IncomingMessage, response: ServerResponse, runtime: PageCacheRuntime, key: string, secure: boolean): boolean {
  const page = runtime.cache.get(key);
  if (!page) return false;
  if (page.entityTag && matchesIfNoneMatch(request.headers["if-none-match"] ?? null, page.entityTag)) {
    // The browser keeps its copy and the policy that came with it: no new policy on a 304.
    response.statusCode = 304;
    response.setHeader("X-Page-Cache", "hit");
    response.setHeader("ETag", page.entityTag);
    for (const [name, value] of page.headers) if (name === "cache-control" || name === "vary") response.setHeader(name, value);
    response.end();
    return true;
  }
  const nonce = createNonce();
  response.setHeader("X-Page-Cache", "hit");
  response.statusCode = page.status;
  for (const [name, value] of page.headers) response.appendHeader(name, value.includes(NONCE_MARK) ? value.split(NONCE_MARK).join(nonce) : value);
  response.setHeader("Content-Security-Policy", contentSecurityPolicy({ nonce, secure }));
  const plain = bodyWithNonce(page.segments, nonce);
  const gzip = page.gzipSegments && acceptsGzip(request.headers["accept-encoding"]);
  if (gzip) response.setHeader("Content-Encoding", "gzip");
  const body = gzip ? gzipWithNonce(page.gzipSegments!, plain, nonce) : plain;
  response.setHeader("Content-Length", body.length);
  response.end(request.method === "HEAD" ? undefined : body);
  return true;
}

/**
 * Answers a cacheable request from the cache, or renders it through `render` (keeping the page
 * when it may be kept). Requests that are not cacheable go straight to `render`.
 */
export async function servePageThroughCache(
  request: IncomingMessage,
  response: ServerResponse,
  options: { runtime: PageCacheRuntime; pathname: string; secure: boolean; render: () => Promise<void> },
): Promise<void> {
  const { runtime, pathname, secure, render } = options;
  if (!isPageCacheable(request, pathname)) return render();
  const version = await runtime.readVersion();
  if (version === null) return render();
  if (version !== runtime.version) {
    // Pages of an older version are never asked for again.
    runtime.cache.clear();
    runtime.version = version;
  }
  const key = `${version}\n${secure ? "https" : "http"}\n${request.url}`;
  if (answerFromCache(request, response, runtime, key, secure)) return;
  const inProgress = runtime.rendering.get(key);
  if (inProgress) {
    await inProgress;
    if (answerFromCache(request, response, runtime, key, secure)) return;
  }
  // Diagnostics, like a reverse proxy's cache status: "hit", or "miss" (rendered now).
  response.setHeader("X-Page-Cache", "miss");
  if (request.method !== "GET" || runtime.rendering.has(key)) return render();
  let done!: () => void;
  runtime.rendering.set(key, new Promise<void>((resolve) => (done = resolve)));
  // Waiting requests go on once the response is complete (kept) or abandoned (not kept).
  const settle = () => {
    if (runtime.rendering.get(key)) runtime.rendering.delete(key);
    done();
  };
  response.once("finish", () => setImmediate(settle));
  response.once("close", () => setImmediate(settle));
  try {
    await renderAndKeep(request, response, runtime, { key, version }, render);
  } catch (error) {
    settle();
    throw error;
  }
}
