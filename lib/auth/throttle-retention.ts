import "server-only";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db";
import { runOnceADay } from "@/lib/jobs/job-lock";

/**
 * The records that throttling writes on every sign-in and every limited request are needed for
 * minutes (the sign-in window is 15 minutes, the longest rate-limit window an hour), yet nothing
 * removed them: a credential-stuffing run of a million attempts left a million rows for ever.
 * Once a day the oldest are deleted, a batch at a time so that no statement holds its locks long.
 */

/** Sign-in attempts are kept this long (for looking into an attack afterwards), then deleted. */
export const LOGIN_ATTEMPT_RETENTION_DAYS = 30;
/** A rate-limit counter whose window started this long ago counts nothing any more (the longest window is an hour). */
export const RATE_LIMIT_BUCKET_RETENTION_HOURS = 24;
const BATCH = 10_000;

export type PrunedThrottleRecords = { loginAttempts: number; rateLimitBuckets: number };

/** Deletes the sign-in attempts and rate-limit counters past their retention at `now`. */
export async function pruneThrottleRecords(now: Date = currentTime()): Promise<PrunedThrottleRecords> {
  const attemptsBefore = new Date(now.getTime() - LOGIN_ATTEMPT_RETENTION_DAYS * 24 * 60 * 60_000);
  const bucketsBefore = new Date(now.getTime() - RATE_LIMIT_BUCKET_RETENTION_HOURS * 60 * 60_000);
  const pruned: PrunedThrottleRecords = { loginAttempts: 0, rateLimitBuckets: 0 };
  for (;;) {
    // The oldest attempts have the lowest ids: the primary key's order finds them first.
    const deleted = await db.$executeRaw`
      DELETE FROM "LoginAttempt" WHERE "id" IN (
        SELECT "id" FROM "LoginAttempt" WHERE "attemptedAt" < ${attemptsBefore} ORDER BY "id" LIMIT ${BATCH})`;
    pruned.loginAttempts += deleted;
    if (deleted < BATCH) break;
  }
  for (;;) {
    const deleted = await db.$executeRaw`
      DELETE FROM "RateLimitBucket" WHERE "key" IN (
        SELECT "key" FROM "RateLimitBucket" WHERE "windowStart" < ${bucketsBefore} LIMIT ${BATCH})`;
    pruned.rateLimitBuckets += deleted;
    if (deleted < BATCH) break;
  }
  return pruned;
}

/** The scheduler's daily round (lib/jobs/scheduled-jobs.ts): once a Beijing day per process, one process at a time. */
export async function pruneThrottleRecordsIfDue(): Promise<void> {
  const outcome = await runOnceADay("throttle-pruning", () => pruneThrottleRecords());
  if (!outcome.ran) return;
  const { loginAttempts, rateLimitBuckets } = outcome.result;
  if (loginAttempts || rateLimitBuckets) console.log(`[scheduler] pruned ${loginAttempts} sign-in attempts and ${rateLimitBuckets} rate-limit counters`);
}
