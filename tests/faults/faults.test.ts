import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { after, before, describe, test, type TestContext } from "node:test";
import type pg from "pg";
import { importKillBounds, outageBounds } from "./support/bounds";
import { createStaffToken, licenseDecision, licenseImportFile, multipartFile } from "./support/fixtures";
import { startLoad, startSampling, type LoadRequest, type Sent } from "./support/load";
import { connectToDatabase, isAlive, postgresProcesses, startDatabase, startProduct, stopDatabase, type Answer, type Product } from "./support/product";

/**
 * Faults the product must survive, on the product as `npm start` runs it (the embedded PostgreSQL
 * and the supervised web process) on a fresh DATA_DIR and its own ports. The bounds asserted are
 * those of tests/faults/support/bounds.ts, which docs/security.md shows as a table.
 *
 * 1. The web process is killed with SIGKILL during a 10,000-row 双公示 import (one transaction:
 *    the batch row, 10,000 decisions in chunks, the audit row). npm start restarts it; the
 *    database, which stays up, must hold all of that import or none of it.
 * 2. The database goes away for 30 s while the product is under a steady load of public pages,
 *    the search API and authenticated writes (POST /api/v1/admin/decisions: a decision and its
 *    audit row in one transaction). Two ways: frozen (every PostgreSQL process SIGSTOPped:
 *    connections stay open and nothing answers, like a hung host or a lost network) and shut down
 *    (`pg_ctl stop -m fast`, then started again: connections are closed and new ones refused).
 *    These run last: after them the database is no longer npm start's child.
 */

const outageMs = Number(process.env.FAULT_OUTAGE_SECONDS ?? outageBounds.outageSeconds) * 1000;
const warmUpMs = 3_000;
const afterRecoveryMs = 5_000;
const rows = importKillBounds.rows;

/** Public pages (the home page, a register, search) and the open-data API's search and register. */
const reads = ["/", "/decisions", "/api/v1/search?q=%E5%85%AC%E5%BC%80", "/search?q=%E5%85%AC%E5%BC%80", "/api/v1/decisions"];

let product: Product;
let authorization: string;
let database: pg.Client;
let sequence = 0;

before(async () => {
  product = await startProduct({ name: "run" });
  process.env.DATABASE_URL = product.databaseUrl;
  ({ authorization } = await createStaffToken());
  database = await connectToDatabase(product);
  // The outages below end or freeze this connection too; that is no error of the test.
  database.on("error", () => {});
  // The first request of each page is slow (modules loaded, caches filled): not part of the load.
  for (const path of reads) assert.equal((await product.ask(path)).status, 200, path);
});

after(async () => {
  await database?.end().catch(() => {});
  const { db } = await import("@/lib/db");
  await db.$disconnect().catch(() => {});
  await product?.stop();
});

// ---- SIGKILL during an import -------------------------------------------------------------------

function sendImport(fileName: string, bytes: Buffer): Promise<Answer> {
  const { contentType, body } = multipartFile(fileName, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes);
  return product.ask("/api/v1/admin/decisions/import?kind=license", {
    method: "POST",
    headers: { Authorization: authorization, "Content-Type": contentType, "Content-Length": body.length },
    body,
    timeoutMs: 180_000,
  });
}

/** What the database holds of the import of `fileName` (numbered `${prefix}…`). */
async function storedImport(prefix: string, fileName: string) {
  const count = async (sql: string, value: string) => (await database.query<{ count: number }>(sql, [value])).rows[0].count;
  return {
    decisions: await count(`SELECT count(*)::int AS count FROM "AdministrativeDecision" WHERE "documentNumber" LIKE $1`, `${prefix}%`),
    batches: await count(`SELECT count(*)::int AS count FROM "DecisionImportBatch" WHERE "fileName" = $1`, fileName),
    audits: await count(`SELECT count(*)::int AS count FROM "AuditEvent" WHERE action = 'decision.import' AND details->>'fileName' = $1`, fileName),
  };
}

/** The backend running the import's transaction (it has written: it holds a transaction id), if any. */
async function importTransaction(condition: string): Promise<{ pid: number; query: string } | undefined> {
  const found = await database.query<{ pid: number; query: string }>(
    `SELECT pid, left(query, 60) AS query FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL AND ${condition}`,
  );
  return found.rows[0];
}

/** Waits until the killed web process's database session has ended (its transaction is then over). */
async function sessionEnded(pid: number): Promise<void> {
  await product.waitFor(
    `the session of backend ${pid} to end`,
    async () => {
      const { rowCount } = await database.query(`SELECT 1 FROM pg_stat_activity WHERE pid = $1`, [pid]);
      return rowCount === 0 ? true : undefined;
    },
    30_000,
  );
}

/** Waits for npm start to serve again with a new web process; returns the seconds it took. */
async function restarted(killed: number, killedAt: number): Promise<number> {
  const pid = await product.waitFor(
    "a new web process",
    async () => {
      const current = product.webPid();
      return current !== killed && isAlive(current) ? current : undefined;
    },
    importKillBounds.restartSeconds * 1000,
  );
  await product.waitFor(
    "/api/health to answer 200",
    async () => ((await product.ask("/api/health")).status === 200 ? true : undefined),
    importKillBounds.restartSeconds * 1000,
  );
  assert.ok(isAlive(pid), "web.pid names the running web process");
  return (performance.now() - killedAt) / 1000;
}

/** Prints a test's measured figures and adds them to .tmp/faults-figures.json (docs/security.md quotes a run's). */
function report(context: TestContext, figures: Record<string, unknown>): void {
  context.diagnostic(JSON.stringify(figures));
  console.log(`[faults] ${JSON.stringify(figures)}`);
  measured.push(figures);
  mkdirSync(path.join(process.cwd(), ".tmp"), { recursive: true });
  writeFileSync(path.join(process.cwd(), ".tmp", "faults-figures.json"), `${JSON.stringify(measured, null, 2)}\n`);
}
const measured: Record<string, unknown>[] = [];

describe(`SIGKILL of the web process during a ${rows.toLocaleString("en-US")}-row import`, () => {
  test("killed after every row is written, before the commit: nothing of it is stored; the import then succeeds", async (context) => {
    const prefix = "杀进程〔写完〕第";
    const fileName = "kill-before-commit.xlsx";
    const file = await licenseImportFile(prefix, rows);
    const postmaster = product.postmasterPid();
    const web = product.webPid();

    // Hold the audit table, so that the import's transaction stops at its last statement (the audit
    // row), with the batch row and every decision written and nothing committed.
    const holder = await connectToDatabase(product);
    let backend: { pid: number; query: string };
    let killedAt: number;
    let answer: Answer;
    try {
      await holder.query(`BEGIN; LOCK TABLE "AuditEvent" IN SHARE MODE`);
      const pending = sendImport(fileName, file);
      backend = await product.waitFor(
        "the import to wait for its audit row",
        () => importTransaction(`wait_event_type = 'Lock' AND query LIKE '%"AuditEvent"%'`),
        120_000,
      );
      const holds = await database.query(
        `SELECT 1 FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE l.pid = $1 AND c.relname = 'AdministrativeDecision' AND l.mode = 'RowExclusiveLock'`,
        [backend.pid],
      );
      assert.equal(holds.rowCount, 1, "the transaction has written decisions");
      process.kill(web, "SIGKILL");
      killedAt = performance.now();
      answer = await pending;
    } finally {
      await holder.query("ROLLBACK").catch(() => {});
      await holder.end();
    }
    assert.equal(answer.status, 0, "the killed process never answered");
    await sessionEnded(backend.pid);

    const afterKill = await storedImport(prefix, fileName);
    assert.deepEqual(afterKill, { decisions: 0, batches: 0, audits: 0 }, "none of the import is stored");
    const restartSeconds = await restarted(web, killedAt);
    assert.equal(product.postmasterPid(), postmaster, "the same database server");
    assert.ok(isAlive(postmaster), "the database kept running");
    assert.match(product.output(), /The web server stopped \(SIGKILL\)/);

    const again = await sendImport(fileName, file);
    assert.equal(again.status, 200, again.body.slice(0, 300));
    assert.equal(JSON.parse(again.body).imported, rows);
    assert.deepEqual(await storedImport(prefix, fileName), { decisions: rows, batches: 1, audits: 1 }, "sent again, the import is stored whole");
    report(context, {
      name: "killed before the commit",
      storedAfterKill: afterKill.decisions,
      restartSeconds: Number(restartSeconds.toFixed(1)),
      resentImport: again.status,
    });
  });

  test("killed at a moment chosen by timing while the transaction runs: all of it or none of it", async (context) => {
    const prefix = "杀进程〔随时〕第";
    const fileName = "kill-any-time.xlsx";
    const file = await licenseImportFile(prefix, rows);
    const postmaster = product.postmasterPid();
    const web = product.webPid();

    let answered = false;
    const pending = sendImport(fileName, file).finally(() => (answered = true));
    // The first moment the transaction has written anything (its batch row), then a little later.
    let backend: { pid: number; query: string } | undefined;
    while (!backend && !answered) {
      backend = await importTransaction(`(query LIKE '%"DecisionImportBatch"%' OR query LIKE '%"AdministrativeDecision"%')`);
      if (!backend) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert.ok(backend, `the import's transaction was seen before the import was answered (${(await pending).status})`);
    const delayMs = Math.floor(Math.random() * 150);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    const stage =
      (await database.query<{ query: string }>(`SELECT left(query, 60) AS query FROM pg_stat_activity WHERE pid = $1`, [backend.pid])).rows[0]?.query ??
      "(session gone)";
    process.kill(web, "SIGKILL");
    const killedAt = performance.now();
    const answer = await pending;
    await sessionEnded(backend.pid);

    const afterKill = await storedImport(prefix, fileName);
    const committed = afterKill.decisions === rows;
    assert.deepEqual(
      afterKill,
      committed ? { decisions: rows, batches: 1, audits: 1 } : { decisions: 0, batches: 0, audits: 0 },
      "all of the import or none of it",
    );
    assert.ok(answer.status === 0 || (committed && answer.status === 200), `answered ${answer.status}`);
    const restartSeconds = await restarted(web, killedAt);
    assert.equal(product.postmasterPid(), postmaster, "the same database server");

    // Killed before its commit, the import can be sent again (committed, it is all there already).
    let resentImport: number | null = null;
    if (!committed) {
      const again = await sendImport(fileName, file);
      resentImport = again.status;
      assert.equal(again.status, 200, again.body.slice(0, 300));
      assert.deepEqual(await storedImport(prefix, fileName), { decisions: rows, batches: 1, audits: 1 });
    }
    report(context, {
      name: "killed by timing",
      killedDuring: stage,
      delayMs,
      storedAfterKill: afterKill.decisions,
      restartSeconds: Number(restartSeconds.toFixed(1)),
      resentImport,
    });
  });
});

// ---- The database stops under load ------------------------------------------------------------

function loadRequest(prefix: string) {
  return (worker: number, n: number): LoadRequest => {
    if (worker >= 4) {
      const marker = `${prefix}${++sequence}号`;
      return {
        kind: "write",
        marker,
        path: "/api/v1/admin/decisions",
        options: {
          method: "POST",
          headers: { Authorization: authorization, "Content-Type": "application/json" },
          body: JSON.stringify(licenseDecision(marker, sequence)),
        },
      };
    }
    return { kind: "read", path: reads[(worker + n) % reads.length] };
  };
}

/** A request in a failure message: what, how it was answered, and the start of its answer. */
const describeRequest = (request: Sent) =>
  `${request.kind} ${request.path} → ${request.status} in ${((request.endedAt - request.startedAt) / 1000).toFixed(2)} s: ${request.body.startsWith("<!DOCTYPE") ? "(a page)" : request.body.slice(0, 120)}`;

/** When the test began to stop the database, when it was down, when it began to start it again, when it was back. */
type Outage = { stoppingAt: number; stoppedAt: number; resumingAt: number; resumedAt: number };

/** Runs the load through one outage and checks every bound; returns the figures. */
async function runOutage(context: TestContext, name: string, prefix: string, stop: () => void | Promise<void>, resume: () => void | Promise<void>) {
  const o = outageBounds;
  // A web process restarted by the SIGKILL tests renders each page once slowly (a cold start, 15 s
  // on a busy machine): not part of the load.
  for (const path of reads) assert.equal((await product.ask(path)).status, 200, path);
  const load = startLoad(product, 6, loadRequest(prefix), 120_000);
  const health = startSampling(product, "/api/health", 500, 120_000);
  const outage: Outage = { stoppingAt: 0, stoppedAt: 0, resumingAt: 0, resumedAt: 0 };
  let recoveredAt = Infinity;
  try {
    await new Promise((resolve) => setTimeout(resolve, warmUpMs));
    // The load is running: some of its requests, writes included, have been answered.
    await product.waitFor(
      "the load to be answered",
      async () =>
        load.sent.filter((request) => request.status >= 200 && request.status < 300).length >= 6 && load.sent.some((request) => request.kind === "write")
          ? true
          : undefined,
      60_000,
    );
    outage.stoppingAt = performance.now();
    await stop();
    outage.stoppedAt = performance.now();
    try {
      await new Promise((resolve) => setTimeout(resolve, outageMs));
    } finally {
      outage.resumingAt = performance.now();
      await resume();
      outage.resumedAt = performance.now();
    }
    recoveredAt = await product
      .waitFor(
        "/api/health to answer 200 again",
        async () => health.samples.find((sample) => sample.startedAt >= outage.resumedAt && sample.status === 200)?.endedAt,
        60_000,
      )
      .catch(() => Infinity);
    await new Promise((resolve) => setTimeout(resolve, afterRecoveryMs));
    // On a busy machine a write takes a few seconds: go on until several were sent after recovery.
    await product
      .waitFor(
        "writes after recovery",
        async () => (load.sent.filter((request) => request.kind === "write" && request.startedAt >= recoveredAt).length >= 5 ? true : undefined),
        60_000,
      )
      .catch(() => {});
  } finally {
    await Promise.all([load.stop(), health.stop()]);
  }
  const sent = load.sent;
  const samples = health.samples;

  // What the database holds afterwards: the decisions of this run and their audit rows, both ways round.
  const client = await connectToDatabase(product);
  let stored: { id: number; documentNumber: string; audits: number }[];
  let orphanAudits: number;
  let openTransactions: string[];
  try {
    stored = (
      await client.query(
        `SELECT d.id, d."documentNumber", (SELECT count(*)::int FROM "AuditEvent" a WHERE a."entityType" = 'AdministrativeDecision' AND a.action = 'decision.create' AND a."entityId" = d.id::text) AS audits
         FROM "AdministrativeDecision" d WHERE d."documentNumber" LIKE $1`,
        [`${prefix}%`],
      )
    ).rows;
    orphanAudits = (
      await client.query(
        `SELECT count(*)::int AS count FROM "AuditEvent" a WHERE a."entityType" = 'AdministrativeDecision' AND a.action = 'decision.create'
          AND a.details->>'documentNumber' LIKE $1 AND NOT EXISTS (SELECT 1 FROM "AdministrativeDecision" d WHERE d.id::text = a."entityId")`,
        [`${prefix}%`],
      )
    ).rows[0].count;
    // A transaction left open by the outage would hold its locks, and commit a stray write later.
    openTransactions = (
      await client.query(
        `SELECT state || ': ' || left(query, 80) AS what FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'`,
      )
    ).rows.map((row) => row.what);
  } finally {
    await client.end();
  }

  // Sent once the database was down, answered before the test began to start it again.
  const during = (request: Sent) => request.startedAt >= outage.stoppedAt && request.endedAt <= outage.resumingAt;
  const all = [...sent, ...samples];
  const seconds = (request: Sent) => (request.endedAt - request.startedAt) / 1000;
  const longest = all.reduce((worst, request) => (seconds(request) > seconds(worst) ? request : worst));
  const statuses = (requests: Sent[]) => {
    const counts = new Map<number, number>();
    for (const request of requests) counts.set(request.status, (counts.get(request.status) ?? 0) + 1);
    return [...counts]
      .sort(([a], [b]) => a - b)
      .map(([status, count]) => `${status}×${count}`)
      .join(" ");
  };
  // In flight at some moment of the outage (from the first signal or pg_ctl to the database's return).
  const overlapping = (request: Sent) => request.startedAt < outage.resumedAt && request.endedAt > outage.stoppingAt;
  const longestDuring = all.filter(overlapping).reduce((worst, request) => (seconds(request) > seconds(worst) ? request : worst), longest);
  // The health request in flight when the database stopped counts: its answer is the first a monitor sees.
  const first503 = samples.find((sample) => sample.endedAt >= outage.stoppingAt && sample.status === 503);
  const writes = sent.filter((request) => request.kind === "write");
  const storedNumbers = new Set(stored.map((row) => row.documentNumber));
  const halfStored = stored.filter((row) => row.audits !== 1);
  const figures = {
    name,
    requests: sent.length,
    duringOutage: sent.filter(during).length,
    duringOutageStatuses: statuses(sent.filter(during)),
    healthDuringOutage: statuses(samples.filter(during)),
    /** From the moment the test began to stop the database to the first 503 of /api/health. */
    healthTurned503Seconds: first503 ? Number(((first503.endedAt - outage.stoppingAt) / 1000).toFixed(2)) : null,
    slowestHealthDuringOutageSeconds: Number(Math.max(0, ...samples.filter(during).map(seconds)).toFixed(2)),
    longestAnswerDuringOutageSeconds: Number(seconds(longestDuring).toFixed(2)),
    longestAnswerDuringOutage: `${longestDuring.kind} ${longestDuring.path} → ${longestDuring.status}`,
    longestAnswerSeconds: Number(seconds(longest).toFixed(2)),
    /** From the database's return (SIGCONT sent, or pg_ctl start done) to the first 200 of /api/health. */
    recoverySeconds: Number(((recoveredAt - outage.resumedAt) / 1000).toFixed(2)),
    writes: writes.length,
    writesAnswered201: writes.filter((request) => request.status === 201).length,
    stored: stored.length,
    halfStored: halfStored.length + orphanAudits,
    storedThoughAnsweredWithAnError: writes.filter((request) => request.status !== 201 && storedNumbers.has(request.marker!)).length,
  };
  report(context, figures);
  const at = (time: number) => `${((time - outage.stoppedAt) / 1000).toFixed(1)} s`;
  for (const request of [...all].sort((a, b) => seconds(b) - seconds(a)).slice(0, 5)) {
    console.log(
      `[faults]   slow: ${describeRequest(request)} (sent at ${at(request.startedAt)} after the stop; the database returned at ${at(outage.resumedAt)})`,
    );
  }

  // The load itself was fine before the outage.
  const before = sent.filter((request) => request.endedAt < outage.stoppingAt);
  assert.ok(before.length > 0);
  assert.deepEqual(
    before.filter((request) => request.status < 200 || request.status >= 300).map(describeRequest),
    [],
    "before the outage every request succeeds",
  );

  // Health: 503 throughout, quickly.
  const healthDuring = samples.filter(during);
  assert.ok(
    figures.healthTurned503Seconds !== null && figures.healthTurned503Seconds <= o.healthTurns503Seconds,
    `health turned 503 ${figures.healthTurned503Seconds} s after the stop began`,
  );
  // Asked every 0.5 s, or as soon as the previous answer came.
  assert.ok(healthDuring.length >= outageMs / 1000 / o.healthAnswerSeconds - 1, `health was asked during the outage (${healthDuring.length} times)`);
  assert.deepEqual(
    healthDuring.filter((sample) => sample.status !== 503 || seconds(sample) > o.healthAnswerSeconds).map(describeRequest),
    [],
    `health answers 503 within ${o.healthAnswerSeconds} s during the outage`,
  );

  // No request hangs: each one answered, within the bound.
  assert.deepEqual(all.filter((request) => request.status === 0).map(describeRequest), [], "every request gets an answer");
  assert.deepEqual(
    all.filter((request) => seconds(request) > o.longestAnswerSeconds).map(describeRequest),
    [],
    `every request is answered within ${o.longestAnswerSeconds} s`,
  );

  // Recovery: health 200 within the bound, and everything sent after that succeeds.
  assert.ok(figures.recoverySeconds <= o.recoverySeconds, `health was 200 again ${figures.recoverySeconds} s after the database returned`);
  const afterRecovery = sent.filter((request) => request.startedAt >= recoveredAt);
  const writesAfter = afterRecovery.filter((request) => request.kind === "write");
  assert.ok(writesAfter.length >= 5, `writes were sent after recovery (${writesAfter.length})`);
  assert.deepEqual(
    afterRecovery.filter((request) => request.status < 200 || request.status >= 300).map(describeRequest),
    [],
    "after recovery every request succeeds",
  );

  // Nothing half-stored.
  assert.deepEqual(halfStored, [], "every stored decision has exactly one audit row");
  assert.equal(orphanAudits, 0, "no audit row for a decision that was not stored");
  assert.deepEqual(
    writes.filter((request) => request.status === 201 && !storedNumbers.has(request.marker!)).map((request) => request.marker),
    [],
    "every write answered 201 is stored",
  );
  assert.deepEqual(openTransactions, [], "no connection is left idle in a transaction");
  return figures;
}

describe("the database stops for 30 s under load", () => {
  test("frozen (SIGSTOP of every PostgreSQL process): health 503 at once, no request hangs, recovery, nothing half-stored", async (context) => {
    let stopped: number[] = [];
    await runOutage(
      context,
      "frozen",
      "故障〔冻结〕第",
      () => {
        stopped = postgresProcesses(product.postmasterPid());
        for (const pid of stopped) process.kill(pid, "SIGSTOP");
      },
      () => {
        for (const pid of stopped) if (isAlive(pid)) process.kill(pid, "SIGCONT");
      },
    );
  });

  test("shut down (pg_ctl stop -m fast, then started again): the same", async (context) => {
    await runOutage(
      context,
      "shut down",
      "故障〔停机〕第",
      () => stopDatabase(product),
      () => startDatabase(product),
    );
  });
});
