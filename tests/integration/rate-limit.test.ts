import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { TooManyRequestsError } from "@/lib/errors";
import { consumeRateLimit, enforceRateLimit } from "@/lib/rate-limit/rate-limit";
import { useMigratedTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
before(async () => {
  database = await useMigratedTestDatabase();
});
after(async () => {
  await database.drop();
});

test("a fixed window allows `limit` requests, then refuses with the seconds until it resets", async () => {
  const rule = { key: "lookup:198.51.100.1", limit: 3, windowSeconds: 60 };
  const start = new Date("2026-11-27T08:00:00Z");
  for (let index = 0; index < 3; index++) assert.equal((await consumeRateLimit(rule, start)).allowed, true);
  const refused = await consumeRateLimit(rule, new Date(start.getTime() + 20_000));
  assert.deepEqual(refused, { allowed: false, remaining: 0, retryAfterSeconds: 40 });
  assert.equal((await consumeRateLimit(rule, new Date(start.getTime() + 61_000))).allowed, true, "a new window starts");
});

test("concurrent requests never get more than the limit", async () => {
  const rule = { key: "burst", limit: 5, windowSeconds: 60 };
  const results = await Promise.all(Array.from({ length: 12 }, () => consumeRateLimit(rule)));
  assert.equal(results.filter((result) => result.allowed).length, 5);
});

test("keys are independent, and enforceRateLimit throws a 429 error", async () => {
  await enforceRateLimit({ key: "a", limit: 1, windowSeconds: 60 });
  await enforceRateLimit({ key: "b", limit: 1, windowSeconds: 60 });
  await assert.rejects(
    enforceRateLimit({ key: "a", limit: 1, windowSeconds: 60 }),
    (error: unknown) => error instanceof TooManyRequestsError && error.status === 429,
  );
});
