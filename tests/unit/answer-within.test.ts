import assert from "node:assert/strict";
import { test } from "node:test";
import { answerWithin } from "@/lib/database/answer-within";

test("a read that answers in time gives its answer; one that does not gives the fallback at the limit", async () => {
  assert.equal(await answerWithin(Promise.resolve("v1"), 50, null), "v1");
  const started = performance.now();
  const never = new Promise<string>(() => {});
  assert.equal(await answerWithin(never, 50, null), null);
  assert.ok(performance.now() - started < 1_000, "the fallback comes at the limit, not later");
});
