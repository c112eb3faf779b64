import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { after, before, describe, mock, test } from "node:test";
import pg from "pg";
import { GET as search } from "@/app/api/v1/search/route";
import type { ActingUser } from "@/lib/auth/acting-user";
import { findCategoryTree } from "@/lib/catalogue/catalogue-tree";
import { ensureDatabaseExists } from "@/lib/database/embedded-postgres";
import { applyMigrations } from "@/lib/database/migrate";
import { closeDatabasePool } from "@/lib/database/pool";
import {
  checkReplicaNow,
  isPublicReadRequest,
  readOnPrimary,
  readPublicContent,
  replicaStatus,
  servePublicRequest,
  stopReadRouting,
} from "@/lib/database/read-routing";
import { db } from "@/lib/db";
import { readContentVersionForPages } from "@/lib/http-cache/public-pages";
import { findConsoleItem } from "@/lib/items/console-items";
import { transitionItem } from "@/lib/items/item-review";
import { createItem } from "@/lib/items/manage-items";
import { findPublicItem } from "@/lib/items/public-items";
import { queryPublicContentVersion } from "@/lib/runtime/content-version-reader";
import { seedBaseData } from "@/prisma/seed/seed-base";
import { setEnvironment } from "../support/environment";
import { insertSection, insertUser } from "../support/fixtures";
import { unusedPort } from "../support/ports";
import { startReplicaCluster, type ReplicaCluster } from "../support/replica-cluster";
import { migrationsDir, pinClock } from "../support/test-database";

/**
 * DATABASE_REPLICA_URL against a real PostgreSQL primary and a real streaming replica of it
 * (tests/support/replica-cluster.ts: the embedded server's binaries, a base backup, standby.signal).
 * Which server answered is told by pausing the replica's replay (pg_wal_replay_pause()): a
 * publication then exists on the primary only, and a read that finds it read the primary.
 *
 * An anonymous public request is what the web server marks with servePublicRequest
 * (lib/runtime/web-server.ts, for the requests isPublicReadRequest accepts); the route handlers and
 * data functions below are the ones the pages and the open-data API call.
 */

// Long enough for the paused-replay checks on a busy machine; the lag test sets a shorter limit.
const MAX_LAG_MS = 10_000;
const SHORT_LAG_MS = 1_500;
let cluster: ReplicaCluster;
let replicaVersionClient: pg.Client;
let staff: ActingUser;
let head: ActingUser;
let leader: ActingUser;
const warnings: string[] = [];

async function publish(title: string): Promise<number> {
  const categoryId = (await db.category.findUniqueOrThrow({ where: { slug: "normative-documents" } })).id;
  const { id } = await createItem(staff, { title, body: `<p>${title}。</p>`, categoryId, formedAt: "2026-11-02" });
  await transitionItem(staff, id, { action: "submit" });
  await transitionItem(head, id, { action: "approve" });
  await transitionItem(leader, id, { action: "approve" });
  return id;
}

function withoutNodeOptions(environment: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { NODE_OPTIONS: _options, ...rest } = environment;
  return rest;
}

const asVisitor = <T>(read: () => Promise<T>) => servePublicRequest(read);
const primaryToken = async () => (await db.publicContentVersion.findUniqueOrThrow({ where: { id: 1 } })).token;
const replicaToken = async () =>
  (await replicaVersionClient.query<{ token: string }>(`SELECT "token" FROM "PublicContentVersion" WHERE "id" = 1`)).rows[0].token;
const pauseReplay = async () => {
  await cluster.onReplica("SELECT pg_wal_replay_pause()");
  await waitFor(
    "replay to pause",
    async () => (await cluster.onReplica<{ state: string }>("SELECT pg_get_wal_replay_pause_state() AS state"))[0].state === "paused",
    5_000,
  );
};
const resumeReplay = () => cluster.onReplica("SELECT pg_wal_replay_resume()");

async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (await probe().catch(() => false)) return performance.now() - started;
    if (performance.now() - started > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what} (${JSON.stringify(replicaStatus())})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const onReplicaNow = () => waitFor("public reads to be on the replica", async () => (await checkReplicaNow())?.source === "replica", 15_000);

before(async () => {
  mock.method(console, "warn", (line: unknown) => warnings.push(String(line)));
  pinClock();
  cluster = await startReplicaCluster();
  await ensureDatabaseExists(cluster.primaryUrl("postgres"), "gongkai");
  await applyMigrations(cluster.primaryUrl("gongkai"), migrationsDir);
  setEnvironment({
    DATABASE_URL: cluster.primaryUrl("gongkai"),
    DATABASE_REPLICA_URL: cluster.replicaUrl("gongkai"),
    DATABASE_REPLICA_MAX_LAG_MS: String(MAX_LAG_MS),
    OPEN_DATA_RATE_LIMIT: "1000",
  });
  await seedBaseData();
  const sectionId = await insertSection("综合科");
  staff = await insertUser("staff", { sectionId });
  head = await insertUser("section_head", { sectionId });
  leader = await insertUser("leader");
  await publish("关于规范户外广告设置的通知");
  replicaVersionClient = new pg.Client({ connectionString: cluster.replicaUrl("gongkai") });
  await replicaVersionClient.connect();
  await onReplicaNow();
});

after(async () => {
  await resumeReplay().catch(() => {});
  await stopReadRouting();
  await replicaVersionClient?.end();
  await db.$disconnect();
  await closeDatabasePool();
  await cluster?.stop();
  setEnvironment({ DATABASE_REPLICA_URL: undefined, DATABASE_REPLICA_MAX_LAG_MS: undefined, OPEN_DATA_RATE_LIMIT: undefined });
  mock.restoreAll();
});

describe("reads routed between the primary and a streaming replica", () => {
  let hidden: number;

  test("the web server marks anonymous public reads only: not the console, its API, signing in, staff with a session, writes", () => {
    assert.equal(isPublicReadRequest({ method: "GET", pathname: "/items/3" }), true);
    assert.equal(isPublicReadRequest({ method: "HEAD", pathname: "/api/v1/search" }), true);
    assert.equal(isPublicReadRequest({ method: "GET", pathname: "/feeds/rss.xml" }), true);
    assert.equal(isPublicReadRequest({ method: "POST", pathname: "/feedback" }), false);
    assert.equal(isPublicReadRequest({ method: "GET", pathname: "/admin/catalogue" }), false);
    assert.equal(isPublicReadRequest({ method: "GET", pathname: "/api/v1/admin/items" }), false);
    assert.equal(isPublicReadRequest({ method: "GET", pathname: "/api/v1/me" }), false);
    assert.equal(isPublicReadRequest({ method: "GET", pathname: "/login" }), false);
    assert.equal(isPublicReadRequest({ method: "GET", pathname: "/api/v1/items", authorization: "Bearer gk_x" }), false);
    assert.equal(isPublicReadRequest({ method: "GET", pathname: "/items/3", cookie: "a=1; __Secure-authjs.session-token=x" }), false);
  });

  test("with replay paused, a publication is on the primary only: public reads do not show it, console reads and writes do", async () => {
    await pauseReplay();
    hidden = await publish("牌匾标识整治情况通报");

    // Public: the item page's read, the open-data search (its rate-limit write goes to the primary: no error).
    assert.equal(await asVisitor(() => findPublicItem(hidden)), null, "the replica has not replayed it");
    const found = await asVisitor(() => search(new Request("http://gongkai.test/api/v1/search?q=%E7%89%8C%E5%8C%BE%E6%A0%87%E8%AF%86")));
    assert.equal(found.status, 200);
    assert.equal((await found.json()).total, 0);

    // Console: the same public function outside a public request, the console's own read, and readOnPrimary inside one.
    assert.equal((await findPublicItem(hidden))?.title, "牌匾标识整治情况通报");
    assert.equal((await findConsoleItem(staff, hidden)).id, hidden);
    assert.equal((await asVisitor(() => readOnPrimary(() => findPublicItem(hidden))))?.title, "牌匾标识整治情况通报");

    // A catalogue change: the console's category tree (the same function as the public catalogue's) shows it.
    await db.category.create({ data: { slug: "replica-test", name: "副本测试", sortOrder: 99 } });
    const slugs = (tree: Awaited<ReturnType<typeof findCategoryTree>>) => JSON.stringify(tree).includes("replica-test");
    assert.equal(slugs(await findCategoryTree()), true, "console: primary");
    assert.equal(slugs(await asVisitor(() => findCategoryTree())), false, "visitor: replica");

    // The replica's connections are the named public-read pool's; the primary has none of them.
    const replicaReaders = await replicaVersionClient.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'gongkai-public-reads'`);
    assert.ok(replicaReaders.rows[0].n > 0);
    const primaryReaders = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'gongkai-public-reads'`;
    assert.equal(primaryReaders[0].n, 0);
  });

  test("the content version tells: pages' ETags and the page cache key on the replica's version while its data is older", async () => {
    const [onPrimary, onReplica] = [await primaryToken(), await replicaToken()];
    assert.notEqual(onPrimary, onReplica);
    assert.equal(await asVisitor(() => readContentVersionForPages()), onReplica, "a visitor's page tag: the replica's version");
    assert.equal(await readContentVersionForPages(), onPrimary, "staff (no public request): the primary's");
    const pageCacheVersion = await queryPublicContentVersion(cluster.primaryUrl("gongkai"), cluster.replicaUrl("gongkai"))();
    assert.equal(pageCacheVersion, `${replicaStatus()!.generation}:${onReplica}`);
  });

  test("a write inside a replica read fails loudly instead of being stored anywhere", async () => {
    await assert.rejects(
      asVisitor(() => readPublicContent(() => db.category.create({ data: { slug: "written-on-replica", name: "不应写入", sortOrder: 1 } }))),
      /read-only transaction/,
    );
    assert.equal(await db.category.count({ where: { slug: "written-on-replica" } }), 0);
  });

  test("after replay resumes, the publication shows to visitors within 2 s, and the versions agree", async () => {
    await resumeReplay();
    const afterMs = await waitFor("the publication on the replica", async () => (await asVisitor(() => findPublicItem(hidden))) !== null, 2_000);
    assert.ok(afterMs < 2_000, `shown after ${Math.round(afterMs)} ms`);
    assert.equal(await replicaToken(), await primaryToken());
    assert.equal(await asVisitor(() => readContentVersionForPages()), await primaryToken());
    assert.equal(replicaStatus()!.source, "replica");
    assert.deepEqual(warnings, [], "no fallback so far");
  });

  test("a replica further behind than DATABASE_REPLICA_MAX_LAG_MS: public reads go to the primary (logged once) and return when it catches up", async () => {
    setEnvironment({ DATABASE_REPLICA_MAX_LAG_MS: String(SHORT_LAG_MS) });
    await stopReadRouting();
    await onReplicaNow();
    await pauseReplay();
    const late = await publish("关于调整停车收费标准的通知");
    await waitFor("public reads on the primary", async () => replicaStatus()!.source === "primary", SHORT_LAG_MS + 5_000);
    assert.ok(replicaStatus()!.lagMs! > SHORT_LAG_MS, JSON.stringify(replicaStatus()));
    assert.equal((await asVisitor(() => findPublicItem(late)))?.title, "关于调整停车收费标准的通知", "from the primary");
    assert.equal(await asVisitor(() => readContentVersionForPages()), await primaryToken());
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.equal(warnings.length, 1, warnings.join("\n"));
    assert.match(warnings[0], /Public reads go to the primary .*behind \(DATABASE_REPLICA_MAX_LAG_MS=1500\)/);

    await resumeReplay();
    await onReplicaNow();
    assert.match(warnings.at(-1)!, /back on the replica/);
    assert.equal((await asVisitor(() => findPublicItem(late)))?.title, "关于调整停车收费标准的通知");
  });

  test("a replica that is down: public reads go to the primary at once (no error) and return once it is back", async () => {
    warnings.length = 0;
    await cluster.stopReplica();
    const item = await publish("关于开展安全生产检查的通知");
    // The monitor may not have noticed yet: the failed read is answered from the primary.
    assert.equal((await asVisitor(() => findPublicItem(item)))?.title, "关于开展安全生产检查的通知");
    await waitFor("public reads on the primary", async () => replicaStatus()!.source === "primary", 3_000);
    assert.equal(warnings.length, 1, warnings.join("\n"));
    assert.match(warnings[0], /Public reads go to the primary/);

    await cluster.startReplica();
    await replicaVersionClient.end().catch(() => {});
    replicaVersionClient = new pg.Client({ connectionString: cluster.replicaUrl("gongkai") });
    await replicaVersionClient.connect();
    await onReplicaNow();
    assert.equal(await asVisitor(() => readContentVersionForPages()), await replicaToken());
  });

  test("through the web server (the built app): an anonymous page reads the replica, a signed-in visitor's the primary; shown within 2 s of replay", async (context) => {
    if (!existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) return context.skip("no build: `npm run test:integration` builds the app first");
    const port = await unusedPort();
    let output = "";
    const server: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/web-server.ts"], {
      env: {
        ...withoutNodeOptions(process.env),
        PORT: String(port),
        HOST: "127.0.0.1",
        AUTH_SECRET: "read-replica-test-secret-0123456789abcdef",
        DISABLE_SCHEDULER: "1",
        DATABASE_URL: cluster.primaryUrl("gongkai"),
        DATABASE_REPLICA_URL: cluster.replicaUrl("gongkai"),
        DATABASE_REPLICA_MAX_LAG_MS: String(MAX_LAG_MS),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    server.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const page = (pathname: string, headers: Record<string, string> = {}) => fetch(`http://127.0.0.1:${port}${pathname}`, { headers, redirect: "manual" });
    try {
      await waitFor("the web server", async () => (await page("/api/health")).status === 200, 60_000);
      // Its own monitor puts public reads on the replica once it has checked it; the first render warms Next up.
      await waitFor("an anonymous page", async () => (await page("/")).status === 200, 30_000);
      await new Promise((resolve) => setTimeout(resolve, 500));

      await pauseReplay();
      const item = await publish("关于公布城市道路挖掘许可结果的通知");
      const anonymous = await page(`/items/${item}`);
      assert.equal(anonymous.status, 404, "the replica has not replayed it");
      const signedIn = await page(`/items/${item}`, { Cookie: "authjs.session-token=anything" });
      assert.equal(signedIn.status, 200, "a session reads the primary");
      assert.match(await signedIn.text(), /关于公布城市道路挖掘许可结果的通知/);

      await resumeReplay();
      const shownAfter = await waitFor("the page to show the publication", async () => (await page(`/items/${item}`)).status === 200, 2_000);
      assert.ok(shownAfter < 2_000, `shown after ${Math.round(shownAfter)} ms`);
      // (The 404 above is the proof that the replica answered; a check that timed out while the machine
      // was busy may have moved reads to the primary and back meanwhile, which the log would say.)
    } catch (error) {
      throw new Error(`${error instanceof Error ? error.message : String(error)}\nThe web server's output:\n${output.slice(-4000)}`, { cause: error });
    } finally {
      server.kill("SIGTERM");
      await new Promise((resolve) => server.once("exit", resolve));
    }
  });
});
