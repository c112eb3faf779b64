import "server-only";
import { currentTime } from "@/lib/clock";
import { db, type DatabaseTransaction } from "@/lib/db";

/** Failures per account (normalised username) within the window, counted since its last success. */
export const LOGIN_FAILURE_LIMIT = 5;
/** Failures per client address within the window, whatever the usernames: an office behind one NAT address fits. */
export const CLIENT_LOGIN_FAILURE_LIMIT = 100;
export const LOGIN_WINDOW_MINUTES = 15;

const windowMs = LOGIN_WINDOW_MINUTES * 60_000;
// Keys of pg_advisory_xact_lock(int, int): this class id keeps them apart from other advisory locks.
const LOGIN_LOCK_CLASS = 0x4c4f47; // "LOG"
const MAX_KEY_LENGTH = 100;

export type LoginAttemptStart = { attemptId: bigint } | { throttled: true; retryAfterSeconds: number };

/**
 * Starts a login attempt, or refuses it while the account or the client is locked. The attempt is
 * written as a failure before the password is checked (and marked succeeded after), under
 * transaction-scoped advisory locks on the client and the account: of concurrent attempts, no
 * more than the limit get past this point, in any number of server processes.
 *
 * An account is locked while it has LOGIN_FAILURE_LIMIT failures within the window since its last
 * success; a client while it has CLIENT_LOGIN_FAILURE_LIMIT failures within the window. Refused
 * attempts are not written, so a lock ends one window after the failure that started it.
 * `accountKey` is the normalised username as typed, whether or not such an account exists, so an
 * unknown name is locked exactly like a real one.
 */
export async function beginLoginAttempt(accountKey: string, clientKey: string, now = currentTime()): Promise<LoginAttemptStart> {
  // A NUL is a character no text column holds: a name typed with one is still an attempt, counted under U+FFFD.
  const account = accountKey.replaceAll("\u0000", "\uFFFD").slice(0, MAX_KEY_LENGTH);
  const client = clientKey.replaceAll("\u0000", "\uFFFD").slice(0, MAX_KEY_LENGTH);
  return db.$transaction(async (tx) => {
    // Always the client first, then the account: two attempts never wait for each other in a cycle.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOGIN_LOCK_CLASS}::int, hashtext(${`client:${client}`}))`;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOGIN_LOCK_CLASS}::int, hashtext(${`account:${account}`}))`;
    const lockedFor = Math.max(await accountLockSeconds(tx, account, now), await clientLockSeconds(tx, client, now));
    if (lockedFor > 0) return { throttled: true as const, retryAfterSeconds: lockedFor };
    const attempt = await tx.loginAttempt.create({ data: { username: account, clientKey: client, succeeded: false, attemptedAt: now } });
    return { attemptId: attempt.id };
  }, BURST_TOLERANT);
}

// A burst of attempts on one account queues on its lock; under load the queue may take longer than
// Prisma's default 5 s, and an attempt that waited must not turn into a server error.
const BURST_TOLERANT = { maxWait: 10_000, timeout: 20_000 };

/** Marks a started attempt as a success: the account's failures before it no longer count. */
export async function markLoginSucceeded(attemptId: bigint): Promise<void> {
  await db.loginAttempt.update({ where: { id: attemptId }, data: { succeeded: true } });
}

async function accountLockSeconds(tx: DatabaseTransaction, account: string, now: Date): Promise<number> {
  const since = new Date(now.getTime() - windowMs);
  const lastSuccess = await tx.loginAttempt.findFirst({
    where: { username: account, succeeded: true, attemptedAt: { gte: since } },
    orderBy: { attemptedAt: "desc" },
    select: { attemptedAt: true },
  });
  const failures = await tx.loginAttempt.findMany({
    where: { username: account, succeeded: false, attemptedAt: { gte: lastSuccess?.attemptedAt ?? since } },
    orderBy: { attemptedAt: "desc" },
    take: LOGIN_FAILURE_LIMIT,
    select: { attemptedAt: true },
  });
  return secondsUntilUnlocked(failures, LOGIN_FAILURE_LIMIT, now);
}

async function clientLockSeconds(tx: DatabaseTransaction, client: string, now: Date): Promise<number> {
  const failures = await tx.loginAttempt.findMany({
    where: { clientKey: client, succeeded: false, attemptedAt: { gte: new Date(now.getTime() - windowMs) } },
    orderBy: { attemptedAt: "desc" },
    take: CLIENT_LOGIN_FAILURE_LIMIT,
    select: { attemptedAt: true },
  });
  return secondsUntilUnlocked(failures, CLIENT_LOGIN_FAILURE_LIMIT, now);
}

/** 0 when fewer than `limit` failures (newest first) are in the window; else until the oldest counted one leaves it. */
function secondsUntilUnlocked(failures: { attemptedAt: Date }[], limit: number, now: Date): number {
  if (failures.length < limit) return 0;
  const unlocksAt = failures[failures.length - 1].attemptedAt.getTime() + windowMs;
  return Math.max(1, Math.ceil((unlocksAt - now.getTime()) / 1000));
}
