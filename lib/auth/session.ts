import "server-only";
import { cache } from "react";
import { loadActingUser, type ActingUser } from "@/lib/auth/acting-user";
import { findUserIdByApiToken } from "@/lib/auth/api-tokens";
import { auth } from "@/lib/auth/next-auth";
import { UnauthenticatedError } from "@/lib/errors";

/** The user of the current session cookie (pages and server actions). */
export const getSessionUser = cache(async (): Promise<ActingUser | null> => {
  const session = await auth();
  const userId = Number((session?.user as { id?: string } | undefined)?.id);
  return Number.isInteger(userId) && userId > 0 ? loadActingUser(userId) : null;
});

export async function requireSessionUser(): Promise<ActingUser> {
  const user = await getSessionUser();
  if (!user) throw new UnauthenticatedError();
  return user;
}

/** The user of an API request: a personal token (Authorization: Bearer …) or the session cookie. */
export async function getApiUser(request: Request): Promise<ActingUser | null> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) return null;
    const userId = await findUserIdByApiToken(match[1]);
    return userId ? loadActingUser(userId) : null;
  }
  return getSessionUser();
}

export async function requireApiUser(request: Request): Promise<ActingUser> {
  const user = await getApiUser(request);
  if (!user) throw new UnauthenticatedError();
  return user;
}
