/**
 * Runs a route handler or a server action in-process inside the request scope Next gives it in
 * production, so that `headers()`, `cookies()` (and through them lib/auth/session.ts and Auth.js),
 * `revalidatePath()` and `redirect()` behave as they do in `npm start`.
 *
 * Why this and not a test switch in lib/auth/session.ts: the production code keeps no way to say
 * "act as user N" — a test acts as a user the way a browser does, with a session cookie that Auth.js
 * itself decrypts and checks (the same JWT `next-auth/jwt` encodes with AUTH_SECRET), or with a
 * personal API token. What this module builds is only the scope Next would build around the call:
 * Next's own request store (`createRequestStore`, phase "action", as for route handlers and
 * actions), and a small work store standing in for the page's (it records the paths an action
 * revalidates). It reaches into Next's internals (`next/dist/server/...`): Next is pinned in
 * package.json, and `runInRequestScope`'s own test (tests/integration/authorization-matrix.test.ts)
 * fails first when an upgrade moves them.
 */
import { createRequire } from "node:module";
import { encode } from "next-auth/jwt";

const require = createRequire(import.meta.url);

type Storage<T> = { run<R>(store: T, callback: () => R): R; getStore(): T | undefined };
const { workAsyncStorage } = require("next/dist/server/app-render/work-async-storage.external.js") as { workAsyncStorage: Storage<object> };
const { workUnitAsyncStorage } = require("next/dist/server/app-render/work-unit-async-storage.external.js") as { workUnitAsyncStorage: Storage<object> };
const { actionAsyncStorage } = require("next/dist/server/app-render/action-async-storage.external.js") as { actionAsyncStorage: Storage<object> };
const { createRequestStore } = require("next/dist/server/async-storage/request-store.js") as { createRequestStore: (inputs: object) => object };
const { isRedirectError } = require("next/dist/client/components/redirect-error.js") as { isRedirectError: (error: unknown) => boolean };
const { isHTTPAccessFallbackError, getAccessFallbackHTTPStatus } = require("next/dist/client/components/http-access-fallback/http-access-fallback.js") as {
  isHTTPAccessFallbackError: (error: unknown) => boolean;
  getAccessFallbackHTTPStatus: (error: unknown) => number;
};

export { isHTTPAccessFallbackError, getAccessFallbackHTTPStatus, isRedirectError };

/** Auth.js's cookie name over plain HTTP (lib/auth/secure-cookies.ts: no AUTH_URL, no https). */
export const SESSION_COOKIE = "authjs.session-token";

/** A session cookie for `userId`, as Auth.js issues it at sign-in (lib/auth/next-auth.ts callbacks). */
export async function sessionCookieFor(user: { id: number; role: string; sectionId: number; displayName?: string }, sessionEpoch = 0): Promise<string> {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET must be set before minting a session cookie.");
  const token = await encode({
    token: { sub: String(user.id), name: user.displayName ?? null, userId: user.id, role: user.role, sectionId: user.sectionId, sessionEpoch },
    secret,
    salt: SESSION_COOKIE,
  });
  return `${SESSION_COOKIE}=${token}`;
}

export type RequestScope = {
  /** The page the request is for (the work store's route). */
  page?: string;
  headers?: HeadersInit;
  /** Paths and tags revalidated during the call, filled in by Next's revalidatePath. */
  revalidated?: string[];
};

/** Calls `work` inside Next's request scope for a request with `scope.headers`. */
export async function runInRequestScope<Result>(scope: RequestScope, work: () => Promise<Result>): Promise<Result> {
  const headers = new Headers(scope.headers);
  if (!headers.has("host")) headers.set("host", "localhost");
  const page = scope.page ?? "/admin";
  const requestStore = createRequestStore({
    phase: "action",
    headers,
    onUpdateCookies: undefined,
    url: { pathname: page, search: "" },
    rootParams: {},
    implicitTags: { tags: [], expirationsByCacheKind: new Map() },
    resumeDataCache: null,
    previewProps: undefined,
    isHmrRefresh: false,
    serverComponentsHmrCache: undefined,
    hmrRefreshHash: undefined,
    stagedFallbackParams: null,
  });
  const workStore: Record<string, unknown> = {
    page,
    route: page,
    // revalidatePath only needs to know that there is a cache to invalidate; it records the tags.
    incrementalCache: {},
    forceDynamic: true,
    pendingRevalidatedTags: [],
    cacheLifeProfiles: {},
  };
  try {
    return await actionAsyncStorage.run({ isAction: true, isAppRoute: false }, () =>
      workUnitAsyncStorage.run(requestStore, () => workAsyncStorage.run(workStore, work)),
    );
  } finally {
    const tags = (workStore.pendingRevalidatedTags as { tag: string }[]).map((entry) => entry.tag);
    scope.revalidated?.push(...tags);
  }
}
