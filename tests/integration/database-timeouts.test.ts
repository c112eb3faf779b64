import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import pg from "pg";
import { ConfigError } from "@/lib/config";
import { boundedPoolOptions, databaseTimeouts } from "@/lib/database/database-client";
import { parentProcessOf, processCommand } from "@/lib/database/embedded-postgres";
import { createEmptyDatabase, type TestDatabase } from "../support/test-database";

/**
 * The bounds lib/db.ts puts on every wait for the database (lib/database/database-client.ts), on a
 * real server: one backend is frozen with SIGSTOP, as a hung database host would be.
 */

let database: TestDatabase;
let setup: pg.Client;

before(async () => {
  database = await createEmptyDatabase();
  setup = new pg.Client({ connectionString: database.url });
  await setup.connect();
  await setup.query(`CREATE TABLE "Write" (id integer PRIMARY KEY)`);
});

after(async () => {
  await setup.end();
  await database.drop();
});

/** A PostgreSQL process on this machine (TEST_DATABASE_URL may name a server elsewhere: its pids mean nothing here). */
const isLocalPostgres = (pid: number) => pid > 1 && /postgres/.test(processCommand(pid));

async function localBackend(client: pg.ClientBase): Promise<number> {
  return (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0].pid;
}

const countWrites = async () => Number((await setup.query<{ count: string }>(`SELECT count(*) FROM "Write"`)).rows[0].count);

describe("database timeouts", () => {
  test("defaults: 5 s to connect, statements cancelled after 10 s, no answer in 12 s closes the connection; DATABASE_STATEMENT_TIMEOUT_S moves the last two", () => {
    assert.deepEqual(databaseTimeouts({}), { connectMs: 5_000, statementMs: 10_000, answerMs: 12_000 });
    assert.deepEqual(databaseTimeouts({ DATABASE_STATEMENT_TIMEOUT_S: "30" }), { connectMs: 5_000, statementMs: 30_000, answerMs: 32_000 });
    assert.throws(() => databaseTimeouts({ DATABASE_STATEMENT_TIMEOUT_S: "zero" }), ConfigError);
    assert.deepEqual(databaseTimeouts({ DATABASE_STATEMENT_TIMEOUT_S: "0" }), { connectMs: 5_000, statementMs: 0, answerMs: 0 }, "0: no limit");
  });

  test("a frozen server: the transaction's connection is closed, not handed to the next request inside the open transaction", async (context) => {
    const pool = new pg.Pool({ connectionString: database.url, max: 1, ...boundedPoolOptions({ statementMs: 500, answerMs: 700 }) });
    pool.on("error", () => {});
    const client = await pool.connect();
    client.on("error", () => {});
    const backend = await localBackend(client);
    if (!isLocalPostgres(backend)) {
      client.release();
      await pool.end();
      return context.skip("the test server's processes are not on this machine");
    }
    await client.query("BEGIN");
    await client.query(`INSERT INTO "Write" VALUES (1)`);
    process.kill(backend, "SIGSTOP");
    try {
      const started = performance.now();
      await assert.rejects(client.query(`INSERT INTO "Write" VALUES (2)`), /Query read timeout/);
      assert.ok(performance.now() - started < 2_000, "no answer: the wait ends after answerMs");
      // The ROLLBACK that follows fails at once instead of queueing behind the unanswered statement.
      await assert.rejects(client.query("ROLLBACK"));
      client.release();
    } finally {
      process.kill(backend, "SIGCONT");
    }
    // The next user of the pool gets a new connection, outside any transaction: its write stands
    // alone, and the frozen transaction's first write was never committed with it.
    await pool.query(`INSERT INTO "Write" VALUES (3)`);
    assert.deepEqual(
      (await setup.query<{ id: number }>(`SELECT id FROM "Write" ORDER BY id`)).rows.map((row) => row.id),
      [3],
    );
    // The server rolled the abandoned transaction back once it ran again and found the client gone.
    for (let waited = 0; waited < 50; waited++) {
      const { rowCount } = await setup.query(`SELECT 1 FROM pg_stat_activity WHERE pid = $1`, [backend]);
      if (!rowCount) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal((await setup.query(`SELECT 1 FROM pg_stat_activity WHERE pid = $1`, [backend])).rowCount, 0);
    assert.equal(await countWrites(), 1);
    await pool.end();
    await setup.query(`DELETE FROM "Write"`);
  });

  test("a slow statement on a live server is cancelled by the server, and its connection stays usable", async () => {
    const pool = new pg.Pool({ connectionString: database.url, max: 1, ...boundedPoolOptions({ statementMs: 300, answerMs: 2_000 }) });
    await assert.rejects(pool.query("SELECT pg_sleep(1)"), (error: { code?: string }) => error.code === "57014");
    assert.equal((await pool.query<{ one: number }>("SELECT 1 AS one")).rows[0].one, 1);
    assert.equal(pool.totalCount, 1, "the same connection");
    await pool.end();
  });

  test("a server that accepts connections but never answers: connecting gives up after connectMs", async (context) => {
    const postmaster = parentProcessOf(await localBackend(setup));
    if (!isLocalPostgres(postmaster)) return context.skip("the test server's processes are not on this machine");
    const pool = new pg.Pool({ connectionString: database.url, max: 1, ...boundedPoolOptions({ connectMs: 500 }) });
    process.kill(postmaster, "SIGSTOP");
    try {
      const started = performance.now();
      await assert.rejects(pool.query("SELECT 1"), /timeout/);
      assert.ok(performance.now() - started < 2_000);
    } finally {
      process.kill(postmaster, "SIGCONT");
    }
    await pool.end();
  });
});
