import "server-only";
import { db } from "@/lib/db";
import { currentTime } from "@/lib/clock";

export const LOGIN_FAILURE_LIMIT = 5;
export const LOGIN_WINDOW_MINUTES = 15;

const windowMs = LOGIN_WINDOW_MINUTES * 60_000;

/**
 * A username is locked while it has LOGIN_FAILURE_LIMIT failures within the window since its last
 * success. Attempts refused while locked are not counted, so the lock ends 15 minutes after the
 * failure that started it. Kept in Postgres so that every server process sees the same count.
 */
export async function findLoginLock(username: string, now = currentTime()): Promise<{ retryAfterSeconds: number } | null> {
  const key = normaliseUsername(username);
  const since = new Date(now.getTime() - windowMs);
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { username: key, succeeded: true, attemptedAt: { gte: since } },
    orderBy: { attemptedAt: "desc" },
  });
  const failures = await db.loginAttempt.findMany({
    where: { username: key, succeeded: false, attemptedAt: { gte: lastSuccess?.attemptedAt ?? since } },
    orderBy: { attemptedAt: "desc" },
    take: LOGIN_FAILURE_LIMIT,
  });
  if (failures.length < LOGIN_FAILURE_LIMIT) return null;
  const oldestCounted = failures[failures.length - 1].attemptedAt;
  const unlocksAt = oldestCounted.getTime() + windowMs;
  return { retryAfterSeconds: Math.max(1, Math.ceil((unlocksAt - now.getTime()) / 1000)) };
}

export async function recordLoginAttempt(username: string, succeeded: boolean, now = currentTime()): Promise<void> {
  await db.loginAttempt.create({ data: { username: normaliseUsername(username), succeeded, attemptedAt: now } });
}

function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}
