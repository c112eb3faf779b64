import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import pg from "pg";
import { embeddedDatabaseUrl } from "../../lib/database/embedded-postgres";
import { EMBEDDED_DATABASE_NAME } from "../../lib/database/open-database";
import { readOrCreateSecrets } from "../../lib/runtime/secrets";
import { startNpmStart, type NpmStart } from "../support/npm-start";
import { unusedPort } from "../support/ports";

/**
 * `npm start` with WEB_CONCURRENCY=2, end to end: two web processes behind one port (they say
 * which answered in X-Web-Process, WEB_PROCESS_HEADER=1), each with its own page cache, on the
 * demo data in a fresh DATA_DIR. A change that replaces the public content version (as every
 * publication, withdrawal or catalogue change does, in its transaction) must show in both within
 * 2 s with nothing sent to them; a killed process must leave the other serving and be restarted.
 */

let port = 0;
let databasePort = 0;
let dataDir: string;
let server: ChildProcess;
let product: NpmStart;

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** One request over its own connection (the cluster hands each new connection to the next process). */
function ask(pathname: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port, path: pathname, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    request.on("error", reject);
    request.end();
  });
}

const waitFor = <T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number) => product.waitFor(what, probe, timeoutMs);
const output = () => product.output();

const webPids = () => readFileSync(path.join(dataDir, "web.pid"), "utf8").split("\n").map(Number);
const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Asks until each process has answered `pathname`; the answers by process. */
async function askEveryProcess(
  pathname: string,
  accept: (answer: Answer) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<Map<string, { answer: Answer; afterMs: number }>> {
  const started = performance.now();
  const seen = new Map<string, { answer: Answer; afterMs: number }>();
  await waitFor(
    `both processes to answer ${pathname} as expected`,
    async () => {
      const answer = await ask(pathname);
      const label = String(answer.headers["x-web-process"]);
      if (!seen.has(label) && accept(answer)) seen.set(label, { answer, afterMs: performance.now() - started });
      return seen.size === 2 ? true : undefined;
    },
    timeoutMs,
  );
  return seen;
}

before(async () => {
  port = await unusedPort();
  databasePort = await unusedPort();
  dataDir = mkdtempSync(path.join(os.tmpdir(), "gongkai-web-processes-"));
  chmodSync(dataDir, 0o755);
  const environment: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    EMBEDDED_DATABASE_PORT: String(databasePort),
    WEB_CONCURRENCY: "2",
    WEB_PROCESS_HEADER: "1",
    AUTH_SECRET: "web-processes-test-secret-0123456789abcdef",
  };
  for (const name of ["DATABASE_URL", "HOST", "NODE_OPTIONS", "SEED_DEMO", "DEMO_MODE", "PAGE_CACHE_MB"]) delete environment[name];
  product = await startNpmStart(environment);
  server = product.server;
});

after(async () => {
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe("several web processes behind one port", () => {
  test("two processes answer on the one port, each from its own page cache with a fresh nonce", async () => {
    assert.match(output(), /served at .* by 2 web processes/);
    const pids = webPids();
    assert.equal(pids.length, 2);
    assert.ok(pids.every(isAlive));
    // The first renders after a start are slow (code loaded and compiled on first use).
    const answers = await askEveryProcess("/", (answer) => answer.headers["x-page-cache"] === "hit", 60_000);
    assert.deepEqual([...answers.keys()].sort(), ["1", "2"]);
    for (const { answer } of answers.values()) {
      assert.equal(answer.status, 200);
      const nonce = /'nonce-([^']+)'/.exec(String(answer.headers["content-security-policy"]))?.[1];
      assert.ok(nonce);
      const scripts = answer.body.match(/<script\b[^>]*>/g) ?? [];
      assert.ok(scripts.length > 0);
      for (const script of scripts) assert.ok(script.includes(`nonce="${nonce}"`), script);
    }
  });

  test("a change of the public content version shows in both processes within 2 s, with no purge", async (t) => {
    const secrets = readOrCreateSecrets(dataDir);
    const client = new pg.Client({ connectionString: embeddedDatabaseUrl(databasePort, secrets.embeddedDatabasePassword, EMBEDDED_DATABASE_NAME) });
    await client.connect();
    try {
      const item = (
        await client.query<{ id: number; revision: number; title: string }>(
          `SELECT i."id", r."id" AS "revision", r."title" FROM "Item" i JOIN "ItemRevision" r ON r."id" = i."publishedRevisionId" WHERE i."withdrawnAt" IS NULL ORDER BY i."id" LIMIT 1`,
        )
      ).rows[0];
      assert.ok(item, "the demo data has a published item");
      const pathname = `/items/${item.id}`;
      // Both processes hold the page in their caches.
      await askEveryProcess(pathname, (answer) => answer.headers["x-page-cache"] === "hit" && answer.body.includes(item.title), 60_000);
      const corrected = `${item.title}（更正）`;
      await client.query("BEGIN");
      await client.query(`UPDATE "ItemRevision" SET "title" = $1 WHERE "id" = $2`, [corrected, item.revision]);
      await client.query(`UPDATE "PublicContentVersion" SET "token" = gen_random_uuid()::text WHERE "id" = 1`);
      await client.query("COMMIT");
      const seen = await askEveryProcess(pathname, (answer) => answer.body.includes(corrected), 5_000);
      for (const [label, { afterMs }] of seen) {
        t.diagnostic(`process ${label} showed the change after ${Math.round(afterMs)} ms`);
        assert.ok(afterMs <= 2_000, `process ${label} showed the change after ${Math.round(afterMs)} ms`);
      }
    } finally {
      await client.end();
    }
  });

  test("a killed process: the other keeps answering, and the killed one is restarted", async () => {
    const [first, second] = webPids();
    process.kill(first, "SIGKILL");
    await waitFor("the supervisor to notice", async () => (output().includes("The web server stopped (SIGKILL)") ? true : undefined), 10_000);
    for (let index = 0; index < 6; index++) {
      const answer = await ask("/api/health");
      assert.equal(answer.status, 200);
      assert.equal(answer.headers["x-web-process"], "2");
    }
    assert.match(
      output(),
      /The web server stopped \(SIGKILL\) after \d+ s; restarting in 1 s \(crash 1 in a row; process 1 of 2\)\. The other web processes keep serving/,
    );
    const restarted = await waitFor(
      "process 1 to be back",
      async () => {
        const pid = webPids()[0];
        return pid !== first && output().includes("The web server is back") ? pid : undefined;
      },
      120_000,
    );
    assert.ok(isAlive(restarted) && isAlive(second));
    assert.equal(webPids()[1], second, "the other process was never restarted");
    const answers = await askEveryProcess("/api/health");
    assert.deepEqual([...answers.keys()].sort(), ["1", "2"]);
  });

  test("SIGTERM stops both processes, then the database", async () => {
    const pids = webPids();
    server.kill("SIGTERM");
    const code = await new Promise((resolve) => server.once("exit", resolve));
    assert.equal(code, 0);
    assert.ok(pids.every((pid) => !isAlive(pid)));
  });
});
