import "server-only";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db";
import { TooManyRequestsError } from "@/lib/errors";

export type RateLimitRule = {
  /** What is limited and for whom, e.g. `application-lookup:203.0.113.7`. */
  key: string;
  limit: number;
  windowSeconds: number;
};

export type RateLimitResult = { allowed: boolean; remaining: number; retryAfterSeconds: number };

/**
 * Counts one request against a fixed window kept in PostgreSQL, so every server process behind one
 * address shares the count. One statement: concurrent requests cannot both take the last slot.
 */
export async function consumeRateLimit({ key, limit, windowSeconds }: RateLimitRule, now = currentTime()): Promise<RateLimitResult> {
  // A lost counter after a crash only forgives a few requests: no need to wait for the disk.
  const rows = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL synchronous_commit = off`;
    return tx.$queryRaw<{ count: number; windowStart: Date }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES (${key}, ${now}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowStart" <= ${now}::timestamptz - make_interval(secs => ${windowSeconds})
                     THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" <= ${now}::timestamptz - make_interval(secs => ${windowSeconds})
                     THEN ${now}::timestamptz ELSE "RateLimitBucket"."windowStart" END
    RETURNING "count", "windowStart"`;
  });
  const { count, windowStart } = rows[0];
  const resetsAt = windowStart.getTime() + windowSeconds * 1000;
  return {
    allowed: count <= limit,
    remaining: Math.max(0, limit - count),
    retryAfterSeconds: Math.max(1, Math.ceil((resetsAt - now.getTime()) / 1000)),
  };
}

/**
 * Whether `rule.key` has used up its window, without counting a request: for limits that count
 * only failures (consumed with consumeRateLimit when one happens).
 */
export async function peekRateLimit({ key, limit, windowSeconds }: RateLimitRule, now = currentTime()): Promise<RateLimitResult> {
  const rows = await db.$queryRaw<{ count: number; windowStart: Date }[]>`
    SELECT "count", "windowStart" FROM "RateLimitBucket"
    WHERE "key" = ${key} AND "windowStart" > ${now}::timestamptz - make_interval(secs => ${windowSeconds})`;
  if (!rows.length) return { allowed: true, remaining: limit, retryAfterSeconds: 0 };
  const { count, windowStart } = rows[0];
  const resetsAt = windowStart.getTime() + windowSeconds * 1000;
  return {
    allowed: count < limit,
    remaining: Math.max(0, limit - count),
    retryAfterSeconds: Math.max(1, Math.ceil((resetsAt - now.getTime()) / 1000)),
  };
}

/** Throws TooManyRequestsError (429 with Retry-After in the API) when the limit is used up. */
export async function enforceRateLimit(rule: RateLimitRule): Promise<void> {
  const result = await consumeRateLimit(rule);
  if (!result.allowed) throw new TooManyRequestsError(result.retryAfterSeconds);
}
