import "server-only";
import { db } from "@/lib/db";
import { findLoginLock, recordLoginAttempt } from "@/lib/auth/login-throttle";
import { unknownUserHash, verifyPassword } from "@/lib/auth/password";

export type CredentialCheck =
  | { ok: true; userId: number }
  | { ok: false; reason: "invalid" | "disabled" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Checks a username and password. A wrong password and an unknown username give the same answer
 * in the same time; a disabled account is only named once the password was right.
 */
export async function checkCredentials(username: string, password: string): Promise<CredentialCheck> {
  const name = username.trim();
  if (!name || !password) return { ok: false, reason: "invalid" };
  const lock = await findLoginLock(name);
  if (lock) return { ok: false, reason: "throttled", retryAfterSeconds: lock.retryAfterSeconds };
  const user = await db.user.findFirst({ where: { username: { equals: name, mode: "insensitive" } } });
  const passwordMatches = await verifyPassword(password, user?.passwordHash ?? unknownUserHash);
  if (!user || !passwordMatches) {
    await recordLoginAttempt(name, false);
    return { ok: false, reason: "invalid" };
  }
  if (user.disabledAt) return { ok: false, reason: "disabled" };
  await recordLoginAttempt(name, true);
  return { ok: true, userId: user.id };
}
