import { NextResponse, type NextRequest } from "next/server";
import { VIEWED_AGENCY_HEADER, viewedAgencyCode } from "@/lib/agency/agency-address";
import { cacheControlOf, matchesIfNoneMatch, PUBLIC_CACHE } from "@/lib/http-cache/http-cache";
import { isCacheablePublicPage, pageEntityTag, readContentVersionForPages } from "@/lib/http-cache/public-pages";
import { isHttpsRequest } from "@/lib/http-security/client-address";
import { baseSecurityHeaders, contentSecurityPolicy, createNonce, NONCE_HEADER } from "@/lib/http-security/security-headers";

// Only a convenience redirect for anonymous visitors of the console. It is not the security
// boundary: every page and data-layer function checks the acting user itself.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const development = process.env.NODE_ENV === "development";

/**
 * A page about to be rendered: a fresh nonce, given to Next through the request's
 * Content-Security-Policy header (Next puts it on its own scripts) and sent back as the policy.
 */
type PageRender = { requestHeaders: Headers; policy: string; secure: boolean };

function preparePage(request: NextRequest): PageRender {
  const secure = isHttpsRequest(request.headers);
  const nonce = createNonce();
  const policy = contentSecurityPolicy({ nonce, secure, development });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(NONCE_HEADER, nonce);
  requestHeaders.set("content-security-policy", policy);
  requestHeaders.delete("content-security-policy-report-only");
  // The agency the address names (集约化), for the public layout's header, which cannot read the
  // query: only from the address, never as the client sent it (the page cache keys by address).
  requestHeaders.delete(VIEWED_AGENCY_HEADER);
  const agencyCode = viewedAgencyCode(request.nextUrl.pathname, request.nextUrl.searchParams);
  if (agencyCode) requestHeaders.set(VIEWED_AGENCY_HEADER, agencyCode);
  return { requestHeaders, policy, secure };
}

function renderPage(page: PageRender): NextResponse {
  return withSecurityHeaders(NextResponse.next({ request: { headers: page.requestHeaders } }), page, true);
}

/**
 * The headers every response carries (the web server sets them too; `next dev` has only these),
 * and the page's policy on what is rendered now. Never on a 304: the browser keeps the page it
 * has, whose scripts carry the nonce of the policy it was sent with.
 */
function withSecurityHeaders(response: NextResponse, page: PageRender, rendered: boolean): NextResponse {
  for (const [name, value] of Object.entries(baseSecurityHeaders({ secure: page.secure }))) response.headers.set(name, value);
  if (rendered) response.headers.set("Content-Security-Policy", page.policy);
  return response;
}

function redirectAnonymousToLogin(request: NextRequest, page: PageRender): NextResponse {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return renderPage(page);
  const login = new URL("/login", request.url);
  login.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return withSecurityHeaders(NextResponse.redirect(login), page, false);
}

/** Public pages: an entity tag from the public content version (304 without rendering) and shared-cache headers. */
async function publicPageCaching(request: NextRequest, page: PageRender): Promise<NextResponse> {
  const version = await readContentVersionForPages();
  const cacheControl = cacheControlOf(PUBLIC_CACHE);
  if (!version) {
    const response = renderPage(page);
    response.headers.set("Cache-Control", cacheControl);
    return response;
  }
  const tag = pageEntityTag(version, request.nextUrl);
  if (matchesIfNoneMatch(request.headers.get("if-none-match"), tag)) {
    return withSecurityHeaders(new NextResponse(null, { status: 304, headers: { ETag: tag, "Cache-Control": cacheControl } }), page, false);
  }
  const response = renderPage(page);
  response.headers.set("ETag", tag);
  response.headers.set("Cache-Control", cacheControl);
  return response;
}

export async function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  const page = preparePage(request);
  if (pathname === "/admin" || pathname.startsWith("/admin/")) return redirectAnonymousToLogin(request, page);
  if (isCacheablePublicPage(request.method, pathname, request.headers, searchParams)) return publicPageCaching(request, page);
  return renderPage(page);
}

export const config = {
  matcher: [
    // Every page (each gets its nonce), but not built assets, route handlers that send files,
    // feeds or data, nor any API: Next buffers the body of every request the proxy sees, and the
    // console's uploads must reach their route (which checks the caller first) unread. The
    // open-data API's CORS is answered by the web server before Next (lib/runtime/web-server.ts):
    // running the proxy on every API read cost about a millisecond of CPU each.
    "/((?!_next/static|_next/image|api/|files/|feeds/|favicon\\.ico|robots\\.txt|sitemap\\.xml).*)",
  ],
};
