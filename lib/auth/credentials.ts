import "server-only";
import { beginLoginAttempt, markLoginSucceeded } from "@/lib/auth/login-throttle";
import { unknownUserHash, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { isWellFormedUsername, normaliseUsername } from "@/lib/users/username";

export type CredentialCheck =
  | { ok: true; userId: number; sessionEpoch: number }
  | { ok: false; reason: "invalid" | "disabled" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Checks a username and password for the client `clientKey` (lib/rate-limit/client-key.ts).
 * The username is normalised and matched exactly. A wrong password, an unknown username and a
 * name no account can have all give the same answer after the same work (one bcrypt comparison)
 * and count against the same limits; a disabled account is only named once the password was right.
 */
export async function checkCredentials(username: string, password: string, clientKey: string): Promise<CredentialCheck> {
  const name = normaliseUsername(username);
  if (!name || !password) return { ok: false, reason: "invalid" };
  const attempt = await beginLoginAttempt(name, clientKey);
  if ("throttled" in attempt) return { ok: false, reason: "throttled", retryAfterSeconds: attempt.retryAfterSeconds };
  const user = isWellFormedUsername(name) ? await db.user.findUnique({ where: { username: name } }) : null;
  const passwordMatches = await verifyPassword(password, user?.passwordHash ?? unknownUserHash);
  if (!user || !passwordMatches) return { ok: false, reason: "invalid" };
  if (user.disabledAt) return { ok: false, reason: "disabled" };
  await markLoginSucceeded(attempt.attemptId);
  return { ok: true, userId: user.id, sessionEpoch: user.sessionEpoch };
}
