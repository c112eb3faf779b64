import { NextResponse, type NextRequest } from "next/server";
import { cacheControlOf, matchesIfNoneMatch, PUBLIC_CACHE } from "@/lib/http-cache/http-cache";
import { isCacheablePublicPage, pageEntityTag, readContentVersionForPages } from "@/lib/http-cache/public-pages";
import { CORS_HEADERS, isOpenDataPath } from "@/lib/open-data/cors";

// Only a convenience redirect for anonymous visitors of the console. It is not the security
// boundary: every page and data-layer function checks the acting user itself.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

function redirectAnonymousToLogin(request: NextRequest): NextResponse {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const login = new URL("/login", request.url);
  login.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(login);
}

/** The open-data API is readable from any origin (CORS): preflights answered here, headers added to reads. */
function openDataCors(request: NextRequest): NextResponse {
  if (request.method === "OPTIONS") return new NextResponse(null, { status: 204, headers: CORS_HEADERS });
  const response = NextResponse.next();
  if (request.method === "GET" || request.method === "HEAD") for (const [name, value] of Object.entries(CORS_HEADERS)) response.headers.set(name, value);
  return response;
}

/** Public pages: an entity tag from the public content version (304 without rendering) and shared-cache headers. */
async function publicPageCaching(request: NextRequest): Promise<NextResponse> {
  const version = await readContentVersionForPages();
  const cacheControl = cacheControlOf(PUBLIC_CACHE);
  if (!version) {
    const response = NextResponse.next();
    response.headers.set("Cache-Control", cacheControl);
    return response;
  }
  const tag = pageEntityTag(version, request.nextUrl);
  if (matchesIfNoneMatch(request.headers.get("if-none-match"), tag)) {
    return new NextResponse(null, { status: 304, headers: { ETag: tag, "Cache-Control": cacheControl } });
  }
  const response = NextResponse.next();
  response.headers.set("ETag", tag);
  response.headers.set("Cache-Control", cacheControl);
  return response;
}

export async function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  if (pathname === "/admin" || pathname.startsWith("/admin/")) return redirectAnonymousToLogin(request);
  if (isOpenDataPath(pathname)) return openDataCors(request);
  if (isCacheablePublicPage(request.method, pathname, request.headers, searchParams)) return publicPageCaching(request);
  return NextResponse.next();
}

export const config = {
  matcher: [
    "/admin",
    "/admin/:path*",
    "/api/v1/:path*",
    "/",
    "/catalogue/:path*",
    "/items/:path*",
    "/search",
    "/powers/:path*",
    "/services/:path*",
    "/decisions/:path*",
    "/inspections/:path*",
    "/proposals/:path*",
    "/reports/annual/:path*",
  ],
};
