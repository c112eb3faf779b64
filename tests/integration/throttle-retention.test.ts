import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { beginLoginAttempt, LOGIN_FAILURE_LIMIT } from "@/lib/auth/login-throttle";
import { pruneThrottleRecords, pruneThrottleRecordsIfDue } from "@/lib/auth/throttle-retention";
import { db } from "@/lib/db";
import { consumeRateLimit } from "@/lib/rate-limit/rate-limit";
import { pinClock, useMigratedTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
before(async () => {
  database = await useMigratedTestDatabase();
});
after(async () => {
  await database.drop();
});

const now = new Date("2026-12-02T02:00:00Z");
const daysBefore = (days: number) => new Date(now.getTime() - days * 24 * 60 * 60_000);

test("sign-in attempts older than 30 days are deleted; newer ones stay, and an account locked now stays locked", async () => {
  // 25,000 old attempts (more than one batch) from a past attack, and a few recent ones.
  await db.$executeRaw`
    INSERT INTO "LoginAttempt" ("username", "clientKey", "succeeded", "attemptedAt")
    SELECT 'victim' || (n % 50), '203.0.113.' || (n % 200), false, ${daysBefore(45)}::timestamptz + n * interval '1 second'
    FROM generate_series(1, 25000) AS n`;
  await db.loginAttempt.create({ data: { username: "staff", clientKey: "198.51.100.1", succeeded: true, attemptedAt: daysBefore(29) } });
  for (let index = 0; index < LOGIN_FAILURE_LIMIT; index++) assert.ok("attemptId" in (await beginLoginAttempt("locked", "198.51.100.2", now)));
  assert.ok("throttled" in (await beginLoginAttempt("locked", "198.51.100.2", now)), "five failures lock the account");

  const pruned = await pruneThrottleRecords(now);
  assert.equal(pruned.loginAttempts, 25_000);
  const left = await db.loginAttempt.findMany({ orderBy: { id: "asc" }, select: { username: true } });
  assert.deepEqual(
    left.map((attempt) => attempt.username),
    ["staff", ...Array(LOGIN_FAILURE_LIMIT).fill("locked")],
  );
  assert.ok("throttled" in (await beginLoginAttempt("locked", "198.51.100.2", now)), "the lock still holds after pruning");
  assert.deepEqual(await pruneThrottleRecords(now), { loginAttempts: 0, rateLimitBuckets: 0 }, "a second run finds nothing");
});

test("rate-limit counters whose window began more than a day ago are deleted; a running window keeps counting", async () => {
  const rule = { key: "open-data:198.51.100.3", limit: 2, windowSeconds: 60 };
  await consumeRateLimit({ ...rule, key: "open-data:203.0.113.9" }, daysBefore(2));
  await consumeRateLimit(rule, now);
  await consumeRateLimit(rule, now);

  const pruned = await pruneThrottleRecords(now);
  assert.equal(pruned.rateLimitBuckets, 1);
  assert.deepEqual(
    (await db.rateLimitBucket.findMany({ select: { key: true } })).map((bucket) => bucket.key),
    ["open-data:198.51.100.3"],
  );
  assert.equal((await consumeRateLimit(rule, now)).allowed, false, "the running window still refuses the third request");
});

test("the scheduler prunes once a Beijing day: a second round the same day leaves rows alone, the next day's round deletes them", async () => {
  const oldAttempt = (at: Date) => db.loginAttempt.create({ data: { username: "old", clientKey: "192.0.2.1", succeeded: false, attemptedAt: at } });
  pinClock("2026-12-09T09:00:00+08:00");
  await oldAttempt(new Date("2026-10-01T00:00:00Z"));
  await pruneThrottleRecordsIfDue();
  assert.equal(await db.loginAttempt.count({ where: { username: "old" } }), 0, "the day's first round prunes");

  await oldAttempt(new Date("2026-10-02T00:00:00Z"));
  pinClock("2026-12-09T23:50:00+08:00");
  await pruneThrottleRecordsIfDue();
  assert.equal(await db.loginAttempt.count({ where: { username: "old" } }), 1, "the same Beijing day: not again");

  // 00:10 on 10 December in Beijing, still 9 December in UTC.
  pinClock("2026-12-10T00:10:00+08:00");
  await pruneThrottleRecordsIfDue();
  assert.equal(await db.loginAttempt.count({ where: { username: "old" } }), 0, "the next Beijing day prunes again");
  pinClock();
});
