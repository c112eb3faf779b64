import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import pg from "pg";
import { runExclusively } from "@/lib/jobs/job-lock";
import { useMigratedTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
before(async () => {
  database = await useMigratedTestDatabase();
});
after(async () => {
  await database.drop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test("a scheduled round runs in one process at a time: the others skip it, and the next round runs again", async () => {
  let running = 0;
  let most = 0;
  const round = () =>
    runExclusively("test-round", async () => {
      running += 1;
      most = Math.max(most, running);
      await sleep(300);
      running -= 1;
      return "done";
    });
  // Five web processes ticking at once (each on its own connection, as separate processes would be).
  const outcomes = await Promise.all(Array.from({ length: 5 }, round));
  assert.equal(outcomes.filter((outcome) => outcome.ran).length, 1);
  assert.equal(most, 1);
  assert.deepEqual(await round(), { ran: true, result: "done" }, "the lock was given back");
});

test("a round that fails gives the lock back; another job's lock is independent", async () => {
  await assert.rejects(
    runExclusively("failing-round", async () => {
      throw new Error("the database went away");
    }),
    /went away/,
  );
  assert.equal((await runExclusively("failing-round", async () => 1)).ran, true);
  const [first, second] = await Promise.all([runExclusively("job-a", async () => sleep(200)), runExclusively("job-b", async () => sleep(200))]);
  assert.equal(first.ran && second.ran, true);
});

test("the lock of a process that died (its connection closed) is free again", async () => {
  const other = new pg.Client({ connectionString: database.url });
  await other.connect();
  await other.query("SELECT pg_advisory_lock(hashtext('gongkai:job:crashed-round'))");
  assert.equal((await runExclusively("crashed-round", async () => 1)).ran, false, "held by the other process");
  await other.end();
  // The server releases a session's locks when its connection ends.
  let ran = false;
  for (let attempt = 0; attempt < 20 && !ran; attempt++) {
    ran = (await runExclusively("crashed-round", async () => 1)).ran;
    if (!ran) await sleep(100);
  }
  assert.equal(ran, true);
});
