import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { actorOfApiRequest } from "@/lib/agency/narrow-to-agency";
import { loadActingUser, type ActingUser } from "@/lib/auth/acting-user";
import { authenticateApiRequestWith, type ApiAuthentication } from "@/lib/auth/api-authentication";
import { auth } from "@/lib/auth/next-auth";
import { PasswordChangeRequiredError, UnauthenticatedError } from "@/lib/errors";

/**
 * The user of the current session cookie, also one who must still change a one-time password
 * (`mustChangePassword`): only for the password change itself, the console's frame and the login
 * page. A session signed in before the user's password was last changed or reset (an older session
 * epoch) acts for nobody.
 */
export const getSessionUserPendingPasswordChange = cache(async (): Promise<ActingUser | null> => {
  const session = await auth(await requestWithCurrentCookies(), { headers: new Headers() } as never);
  const claims = session?.user as { id?: string; sessionEpoch?: number } | undefined;
  const userId = Number(claims?.id);
  if (!Number.isInteger(userId) || userId <= 0) return null;
  return loadActingUser(userId, { sessionEpoch: Number(claims?.sessionEpoch ?? 0) });
});

/**
 * The user of the current session cookie, for what also serves visitors (public pages and files).
 * An account that must still change its one-time password acts for nobody here: it is treated as
 * signed out until the password is changed. The console refuses it instead: actions and console
 * route handlers with 403 `password_change_required` (requireSessionUser,
 * lib/api/console-download.ts), pages by sending it to the password change.
 */
export const getSessionUser = cache(async (): Promise<ActingUser | null> => {
  const user = await getSessionUserPendingPasswordChange();
  return user && !user.mustChangePassword ? user : null;
});

/**
 * The request as Auth.js should read it. `auth()` alone reads the Cookie header the request came
 * with; after a server action sets a new session cookie (a password change signs the user in
 * again), the page rendered in the same response must see the new one, which only `cookies()` has.
 */
async function requestWithCurrentCookies(): Promise<never> {
  const current = new Headers(await headers());
  current.set("cookie", (await cookies()).toString());
  return { headers: current } as never;
}

/** For server actions: the session user; 401 signed out, 403 (with what to do) before a required password change. */
export async function requireSessionUser(): Promise<ActingUser> {
  const user = await getSessionUserPendingPasswordChange();
  if (!user) throw new UnauthenticatedError();
  if (user.mustChangePassword) throw new PasswordChangeRequiredError();
  return user;
}

/** For the password change alone: the session user, also one who must change a one-time password. */
export async function requireSessionUserForPasswordChange(): Promise<ActingUser> {
  const user = await getSessionUserPendingPasswordChange();
  if (!user) throw new UnauthenticatedError();
  return user;
}

/**
 * Who makes an API request: a personal token or the session cookie (lib/auth/api-authentication.ts).
 * An account that must change its one-time password is refused (403 `password_change_required`).
 */
export function authenticateApiRequest(request: Request): Promise<ApiAuthentication | null> {
  return authenticateApiRequestWith(request, getSessionUserPendingPasswordChange);
}

/** The user of an API request (see authenticateApiRequest), or null. */
export async function getApiUser(request: Request): Promise<ActingUser | null> {
  return (await authenticateApiRequest(request))?.user ?? null;
}

/**
 * The user of an API request; 401 without one. On an admin endpoint, `agency=<code>` narrows a
 * platform role to that agency (lib/agency/narrow-to-agency.ts): every admin endpoint honours it.
 */
export async function requireApiUser(request: Request): Promise<ActingUser> {
  return actorOfApiRequest(request, await getApiUser(request));
}
