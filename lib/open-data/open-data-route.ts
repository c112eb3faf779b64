import "server-only";
import { errorResponse } from "@/lib/api/respond";
import { readConfig } from "@/lib/config";
import { refusalOf } from "@/lib/database/unstorable-input";
import { TooManyRequestsError } from "@/lib/errors";
import { cacheableResponse, NO_STORE, PUBLIC_CACHE, type CachePolicy } from "@/lib/http-cache/http-cache";
import { messages } from "@/lib/i18n";
import { CORS_HEADERS } from "@/lib/open-data/cors";
import { clientKeyOf } from "@/lib/rate-limit/client-key";
import { consumeRateLimit } from "@/lib/rate-limit/rate-limit";

/**
 * Requests per client per minute on the open-data API (OPEN_DATA_RATE_LIMIT, default 600;
 * 0 turns the limit off). Clients are told apart by address: the socket's, or behind a trusted
 * reverse proxy the one it reports (TRUST_PROXY, see lib/rate-limit/client-key.ts).
 */
export function openDataRateLimit(): number {
  return readConfig().OPEN_DATA_RATE_LIMIT;
}
const WINDOW_SECONDS = 60;

type Body = { json: unknown } | { body: string | Uint8Array; contentType: string; headers?: Record<string, string> };

function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/**
 * Wraps a public read-only route handler of the open-data API: rate limit per client (429 with
 * Retry-After), CORS, JSON or any other body, ETag with 304, and Cache-Control for shared caches.
 * Errors of the data layer become the usual JSON errors (422 for bad parameters, 404…), never cached.
 * `policy: "private"` for public endpoints whose answer is personal (e.g. an application's status
 * looked up with its code): rate limited and CORS open, but never stored by a shared cache.
 */
export function openDataRoute(read: (request: Request) => Promise<Body | Response>, policy: CachePolicy | "private" = PUBLIC_CACHE) {
  return async (request: Request): Promise<Response> => {
    const rateHeaders: Record<string, string> = {};
    try {
      const limit = openDataRateLimit();
      if (limit > 0) {
        const result = await consumeRateLimit({ key: `open-data:${clientKeyOf(request.headers)}`, limit, windowSeconds: WINDOW_SECONDS });
        rateHeaders["X-RateLimit-Limit"] = String(limit);
        rateHeaders["X-RateLimit-Remaining"] = String(result.remaining);
        if (!result.allowed) throw new TooManyRequestsError(result.retryAfterSeconds);
      }
      const produced = await read(request);
      if (produced instanceof Response) return withHeaders(produced, { ...CORS_HEADERS, ...rateHeaders });
      if (policy === "private") {
        const body = "json" in produced ? JSON.stringify(produced.json) : produced.body;
        const type = "json" in produced ? "application/json; charset=utf-8" : produced.contentType;
        const extra = "json" in produced ? {} : (produced.headers ?? {});
        return new Response(body as BodyInit, {
          status: 200,
          headers: { "Content-Type": type, ...extra, ...CORS_HEADERS, ...rateHeaders, "Cache-Control": "private, no-store" },
        });
      }
      if ("json" in produced) {
        return cacheableResponse(
          request,
          JSON.stringify(produced.json),
          { "Content-Type": "application/json; charset=utf-8", ...CORS_HEADERS, ...rateHeaders },
          policy,
        );
      }
      return cacheableResponse(request, produced.body, { "Content-Type": produced.contentType, ...produced.headers, ...CORS_HEADERS, ...rateHeaders }, policy);
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal) return withHeaders(errorResponse(refusal), { ...CORS_HEADERS, ...rateHeaders, "Cache-Control": NO_STORE });
      console.error(error);
      return withHeaders(Response.json({ error: { code: "internal", message: messages.common.errors.internal } }, { status: 500 }), {
        ...CORS_HEADERS,
        "Cache-Control": NO_STORE,
      });
    }
  };
}

/** The answer to a CORS preflight request. */
export function openDataPreflight(): Response {
  return new Response(null, { status: 204, headers: CORS_HEADERS });
}

/**
 * The open-data form of `respondWithJson` (lib/api/respond.ts) for public read routes: the same
 * JSON and errors, plus the rate limit, CORS, ETag/304 and shared-cache headers of openDataRoute.
 */
export function respondWithOpenData(request: Request, run: () => Promise<unknown>, policy: CachePolicy | "private" = PUBLIC_CACHE): Promise<Response> {
  return openDataRoute(async () => ({ json: await run() }), policy)(request);
}
