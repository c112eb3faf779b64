/**
 * lib/auth/session.ts for tests that call API route handlers directly: the session cookie goes
 * through Auth.js, which loads only inside Next's server, so here every request is authenticated
 * by its personal token alone (the real lib/auth/api-authentication.ts), as with no session.
 * Installed by tests/support/use-token-only-session.ts.
 */
import { actorOfApiRequest } from "@/lib/agency/narrow-to-agency";
import type { ActingUser } from "@/lib/auth/acting-user";
import { authenticateApiRequestWith, type ApiAuthentication } from "@/lib/auth/api-authentication";
import { UnauthenticatedError } from "@/lib/errors";

export function authenticateApiRequest(request: Request): Promise<ApiAuthentication | null> {
  return authenticateApiRequestWith(request, async () => null);
}

export async function getApiUser(request: Request): Promise<ActingUser | null> {
  return (await authenticateApiRequest(request))?.user ?? null;
}

export async function requireApiUser(request: Request): Promise<ActingUser> {
  return actorOfApiRequest(request, await getApiUser(request));
}

export async function getSessionUser(): Promise<ActingUser | null> {
  return null;
}

export async function requireSessionUser(): Promise<ActingUser> {
  throw new UnauthenticatedError();
}
