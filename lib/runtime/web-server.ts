import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readConfig } from "@/lib/config";
import { isPublicReadRequest, servePublicRequest } from "@/lib/database/read-routing";
import { decideRequestBody, ANONYMOUS_BODY_LIMIT_BYTES } from "@/lib/http-security/body-limits";
import { EDGE_SERVER_FLAG, FORWARDING_HEADERS, PEER_ADDRESS_HEADER, trustedProxies } from "@/lib/http-security/client-address";
import { baseSecurityHeaders } from "@/lib/http-security/security-headers";
import { isCrossSiteServerAction, mayBeServerAction } from "@/lib/http-security/server-action-origin";
import { messages } from "@/lib/i18n";
import { CORS_HEADERS, isOpenDataPath } from "@/lib/open-data/cors";
import {
  createPageCacheRuntime,
  pageCacheSettingsFrom,
  servePageThroughCache,
  type PageCacheRuntime,
  type PageCacheSettings,
} from "@/lib/runtime/page-cache-handler";

/**
 * The production web server: a plain Node HTTP server around Next's request handler (a Next
 * "custom server"), run by scripts/web-server.ts as the child that scripts/serve.ts supervises.
 * Before Next sees a request it
 * - records the socket peer in PEER_ADDRESS_HEADER (after removing any copy the client sent) and
 *   drops the forwarding headers unless the peer is a trusted proxy (TRUST_PROXY), so the app
 *   knows every client's real address and no client can claim another;
 * - sets the security headers every response carries (pages get their CSP from proxy.ts);
 * - refuses a body larger than its route allows (lib/http-security/body-limits.ts) with 413, or a
 *   chunked one with 411, before a byte of it is read;
 * - refuses a server action posted from another site with 403 (Next would answer its own refusal
 *   with a 500: lib/http-security/server-action-origin.ts);
 * - answers CORS preflights of the open-data API with 204, and adds the CORS headers to its reads
 *   (lib/open-data/cors.ts; the routes that use openDataRoute set them again, for `next dev`);
 * - answers anonymous requests for public pages from its page cache (lib/runtime/page-cache-handler.ts),
 *   rendered once per public content version, with a fresh nonce per answer.
 * It must not run under the react-server condition (Next renders with the client React too).
 */

export type WebServerOptions = {
  /** The project folder (with the .next build). */
  dir: string;
  port: number;
  /** The address to listen on; unset: every interface (IPv6 and IPv4). */
  host?: string;
  log?: (line: string) => void;
  /** The page cache; default from PAGE_CACHE_MB (0 turns it off). */
  pageCache?: PageCacheSettings;
  /** Sent as X-Web-Process on every response when set (diagnostics: which of several processes answered). */
  processLabel?: string;
};

export type RunningWebServer = {
  server: http.Server;
  port: number;
  /** Stops accepting, lets requests in progress finish (at most `graceMs`), then closes Next. */
  close(graceMs?: number): Promise<void>;
};

type NextHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

const sessionCookieNames = ["__Secure-authjs.session-token", "authjs.session-token"];

function firstHeaderValue(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text?.split(",")[0]?.trim();
}

function pathnameOf(url: string | undefined): string {
  const raw = (url ?? "/").split("?")[0] || "/";
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The request as the app must see it: our peer header, forwarding headers only from a trusted proxy. */
function rewriteRequestHeaders(request: IncomingMessage, peer: string, trusted: boolean): void {
  // A client's own Content-Security-Policy request header would give Next the nonce to render with;
  // x-middleware-subrequest is Next's internal marker that skips the proxy (CVE-2025-29927).
  const dropped = new Set<string>([
    PEER_ADDRESS_HEADER,
    "content-security-policy",
    "content-security-policy-report-only",
    "x-nonce",
    "x-middleware-subrequest",
    ...(trusted ? [] : FORWARDING_HEADERS),
  ]);
  const headers = request.headers;
  for (const name of dropped) delete headers[name];
  headers[PEER_ADDRESS_HEADER] = peer;
  const raw: string[] = [];
  for (let index = 0; index + 1 < request.rawHeaders.length; index += 2) {
    if (!dropped.has(request.rawHeaders[index].toLowerCase())) raw.push(request.rawHeaders[index], request.rawHeaders[index + 1]);
  }
  raw.push(PEER_ADDRESS_HEADER, peer);
  request.rawHeaders = raw;
}

function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const separator = part.indexOf("=");
    if (separator > 0) cookies.set(part.slice(0, separator).trim(), part.slice(separator + 1).trim());
  }
  return cookies;
}

/** Auth.js splits a large session cookie into name.0, name.1, … */
function sessionTokenOf(cookies: Map<string, string>, name: string): string | undefined {
  if (cookies.has(name)) return cookies.get(name);
  const chunks: string[] = [];
  for (let index = 0; cookies.has(`${name}.${index}`); index++) chunks.push(cookies.get(`${name}.${index}`)!);
  return chunks.length ? chunks.join("") : undefined;
}

/**
 * Whether a console request proves a signed-in user before its large body is read: a session
 * cookie that decrypts with AUTH_SECRET (Auth.js JWT; cannot be forged without the secret), or,
 * on the API, a personal token. The token is only checked for its form here: the API's upload
 * routes authenticate it before they read the body (and proxy.ts does not run on them, so Next
 * does not buffer the body for it either).
 */
async function provesSignedInUser(request: IncomingMessage, pathname: string): Promise<boolean> {
  if (/^\/api\/v1\/admin(\/|$)/.test(pathname) && /^Bearer gk_[A-Za-z0-9_-]{16,}$/.test(request.headers.authorization ?? "")) return true;
  const secret = readConfig().AUTH_SECRET;
  if (!secret) return false;
  const cookies = parseCookies(request.headers.cookie);
  const { decode } = await import("next-auth/jwt");
  for (const name of sessionCookieNames) {
    const token = sessionTokenOf(cookies, name);
    if (!token) continue;
    try {
      const payload = await decode({ token, secret, salt: name });
      if (payload && payload.userId) return true;
    } catch {
      // Not ours, tampered or expired: the request is anonymous.
    }
  }
  return false;
}

function refuse(request: IncomingMessage, response: ServerResponse, status: 403 | 411 | 413, message: string): void {
  const pathname = pathnameOf(request.url);
  const wantsJson = pathname.startsWith("/api/") || /application\/json/.test(request.headers.accept ?? "");
  response.statusCode = status;
  // The body was not read: close the connection rather than read (and discard) it.
  response.setHeader("Connection", "close");
  response.setHeader("Cache-Control", "no-store");
  if (wantsJson) {
    response.setHeader("Content-Type", "application/json; charset=utf-8");
    const code = status === 413 ? "payload_too_large" : status === 411 ? "length_required" : "cross_site_write";
    response.end(JSON.stringify({ error: { code, message } }));
  } else {
    response.setHeader("Content-Type", "text/plain; charset=utf-8");
    response.end(message);
  }
}

type RequestContext = { handle: NextHandler; pageCache: PageCacheRuntime | null; processLabel?: string };

async function handleRequest(request: IncomingMessage, response: ServerResponse, context: RequestContext, expectsContinue: boolean): Promise<void> {
  const { handle, pageCache } = context;
  if (context.processLabel) response.setHeader("X-Web-Process", context.processLabel);
  const peer = request.socket.remoteAddress ?? "";
  const trusted = peer !== "" && trustedProxies()(peer, 0);
  rewriteRequestHeaders(request, peer, trusted);
  const secure = trusted && firstHeaderValue(request.headers["x-forwarded-proto"])?.toLowerCase() === "https";
  for (const [name, value] of Object.entries(baseSecurityHeaders({ secure }))) response.setHeader(name, value);

  const pathname = pathnameOf(request.url);
  const decision = decideRequestBody({
    pathname,
    contentLength: request.headers["content-length"],
    transferEncoding: request.headers["transfer-encoding"],
  });
  if (decision.kind === "length-required") return refuse(request, response, 411, messages.security.lengthRequired);
  if (decision.kind === "too-large") return refuse(request, response, 413, messages.security.bodyTooLarge(decision.limitBytes));
  if (decision.kind === "needs-credentials" && !(await provesSignedInUser(request, pathname))) {
    return refuse(request, response, 413, messages.security.bodyTooLargeAnonymous(ANONYMOUS_BODY_LIMIT_BYTES));
  }
  if (mayBeServerAction(request.method, pathname, request.headers) && isCrossSiteServerAction(request.headers)) {
    return refuse(request, response, 403, messages.security.crossSiteForm);
  }
  if (isOpenDataPath(pathname)) {
    if (request.method === "OPTIONS") {
      response.writeHead(204, CORS_HEADERS);
      response.end();
      return;
    }
    if (request.method === "GET" || request.method === "HEAD") for (const [name, value] of Object.entries(CORS_HEADERS)) response.setHeader(name, value);
  }
  // "Expect: 100-continue" (curl, API clients): the client sends the body only once told to.
  if (expectsContinue) response.writeContinue();
  const serve = () =>
    pageCache
      ? servePageThroughCache(request, response, { runtime: pageCache, pathname, secure, render: () => handle(request, response) })
      : handle(request, response);
  // An anonymous public read: its public content reads may go to the replica (lib/database/read-routing.ts).
  const publicRead = isPublicReadRequest({ method: request.method, pathname, cookie: request.headers.cookie, authorization: request.headers.authorization });
  await (publicRead ? servePublicRequest(serve) : serve());
}

export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  // React and Next pick their production builds from NODE_ENV, read when they are first loaded.
  (process.env as Record<string, string>).NODE_ENV = "production";
  // Tells lib/http-security/client-address.ts that PEER_ADDRESS_HEADER comes from us.
  process.env[EDGE_SERVER_FLAG] = "1";
  // A mistyped TRUST_PROXY stops the start here rather than failing every request.
  trustedProxies();

  const server = http.createServer();
  // Longer than a reverse proxy keeps idle upstream connections (nginx: 60 s), so the proxy never
  // sends a request on a connection we are closing at that moment.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  const { default: createNextServer } = await import("next");
  const app = createNextServer({ dev: false, dir: options.dir, hostname: options.host ?? "localhost", port: options.port, httpServer: server });
  await app.prepare();
  const handle: NextHandler = app.getRequestHandler();
  const pageCache = createPageCacheRuntime(
    options.pageCache ?? pageCacheSettingsFrom(),
    readConfig().DATABASE_URL,
    undefined,
    readConfig().DATABASE_REPLICA_URL,
  );
  const context: RequestContext = { handle, pageCache, processLabel: options.processLabel };

  const onRequest = (expectsContinue: boolean) => (request: IncomingMessage, response: ServerResponse) => {
    handleRequest(request, response, context, expectsContinue).catch((error: unknown) => {
      log(`[web] ${request.method} ${request.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (!response.headersSent) {
        response.statusCode = 500;
        response.end();
      } else {
        response.destroy();
      }
    });
  };
  server.on("request", onRequest(false));
  // Answered here rather than by Node's automatic "100 Continue", so a refused body is never sent.
  server.on("checkContinue", onRequest(true));

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    server,
    port,
    async close(graceMs = 10_000) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), graceMs);
      await closed;
      clearTimeout(timer);
      await app.close();
    },
  };
}
