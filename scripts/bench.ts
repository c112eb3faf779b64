/**
 * `npm run bench`: builds a synthetic dataset in its own embedded PostgreSQL (.tmp/bench, never
 * the dev or test data), starts the production server on it as `npm start` does (scripts/serve.ts:
 * WEB_CONCURRENCY web processes behind one port, each with its page cache), measures what issues 8
 * and 16 list, prints a table and writes bench/results.json (bench/results-<items>.json for another
 * size). Loads only 127.0.0.1.
 *
 *   npm run bench                  # 100,000 items (the dataset is kept and reused by later runs)
 *   npm run bench -- --rebuild     # throw the dataset away first
 *   BENCH_ITEMS=10000 npm run bench -- --quick   # a small, fast run (shorter load phases)
 *   npm run bench -- --dataset     # only build the dataset (kept in .tmp/bench, or .tmp/bench-<items> for other sizes)
 *   npm run bench -- --search      # only the search measurements (API, engine, demo data), for work on search
 *   BENCH_ITEMS=1000000 npm run bench   # province scale (its own dataset directory; about 10 GB)
 *   npm run bench -- --platform    # platform scale (issue 15): 500 agencies, 200,000 items, 20,000 applications
 *                                  # (.tmp/bench-platform; BENCH_AGENCIES, BENCH_ITEMS, BENCH_APPLICATIONS change
 *                                  # the shape): platform home, directory, an agency column, search with and
 *                                  # without agency=, the cross-agency summary report; writes bench/results-platform.json
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { readConfig, useDatabaseUrl } from "@/lib/config";
import { ensureDatabaseExists, startEmbeddedPostgres } from "@/lib/database/embedded-postgres";
import { applyMigrations, readMigrationFiles } from "@/lib/database/migrate";
import { computeBuildFingerprint, fingerprintPath, isBuildCurrent } from "@/lib/runtime/build-fingerprint";
import { BENCH_SEED, insertSyntheticItems, vacuumAnalyze } from "../bench/dataset";
import { failoverLines, runFailover, type FailoverResult } from "../bench/failover";
import { runLoad, type LoadResult } from "../bench/load";
import { findNginx, startNginx } from "../bench/nginx";
import { runPlatformBench } from "../bench/platform";
import { buildPlatformDataset, type PlatformShape } from "../bench/platform-dataset";
import { runRegisterBenchmarks, type RegisterResults } from "../bench/registers";

const root = process.cwd();
const args = new Set(process.argv.slice(2));
const quick = args.has("--quick");
const searchOnly = args.has("--search");
const ITEMS = Number(process.env.BENCH_ITEMS ?? (args.has("--platform") ? 200_000 : 100_000));
/** `--platform`: the platform-scale dataset and measurements (bench/platform-dataset.ts, bench/platform.ts). */
const PLATFORM: PlatformShape | null = args.has("--platform")
  ? { agencies: Number(process.env.BENCH_AGENCIES ?? 500), items: ITEMS, applications: Number(process.env.BENCH_APPLICATIONS ?? 20_000) }
  : null;
// Each dataset size has its own directory, so that the province-scale dataset and the default one can be kept side by side.
const BENCH_DIR = path.join(root, ".tmp", PLATFORM ? "bench-platform" : ITEMS === 100_000 ? "bench" : `bench-${ITEMS}`);
const DATABASE_PORT = Number(process.env.BENCH_DATABASE_PORT ?? 55_099);
const SERVER_PORT = Number(process.env.BENCH_PORT ?? 3_099);
const CEILING_PORT = SERVER_PORT + 1;
const NGINX_PORT = SERVER_PORT + 2;
const PAGE_SECONDS = quick ? 4 : 10;
const SEARCH_SECONDS = quick ? 3 : 8;
const started = Date.now();
const loadAverageAtStart = os.loadavg().map((value) => Math.round(value * 100) / 100);

const log = (line: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s] ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const SEARCH_CLASSES: Record<string, string[]> = {
  "1 character": ["城", "罚", "街", "告", "路", "车", "雪", "烟", "费", "园"],
  "2 characters": ["城管", "广告", "牌匾", "执法", "渣土", "噪声", "绿化", "供热", "燃气", "摊贩"],
  "4 characters": ["城市管理", "行政处罚", "户外广告", "渣土运输", "违法建设", "环境卫生", "占道经营", "园林绿化", "数字城管", "门前三包"],
  "two terms": ["广告 处罚", "渣土 车辆", "城管 牌匾", "噪声 夜间", "燃气 安全", "绿化 公园", "执法 检查", "供热 管网", "摊贩 取缔", "垃圾 分类"],
};

const TARGETS = {
  pageRequestsPerSecond: 5000,
  pageP99: 50,
  publicationVisibleMs: 2000,
  searchP95: 50,
  /** Issue 16: the search API with 8 connections at 100,000 items. */
  searchLoadedRequestsPerSecond: 150,
  /** Issue 16: the search API with 50 connections on the demo data. */
  searchDemoRequestsPerSecond: 300,
  /** Issue 16: building the whole search index (the target is set for 1,000,000 items). */
  indexBuildSeconds: 300,
  searchSpeedup: 10,
  reportSeconds: 1,
  importSeconds: 10,
  serverRssMegabytes: 500,
};

// ---------------------------------------------------------------------------------------------

function percentileOf(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] * 100) / 100;
}

function processTree(pid: number): number[] {
  const children: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const text = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
      if (text) children.push(...text.split(/\s+/).map(Number));
    }
  } catch {
    return [];
  }
  return [pid, ...children.flatMap(processTree)];
}

function processRssKilobytes(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0; // The process ended between listing and reading.
  }
}

/** The web processes of a running `npm start` (its cluster workers). */
function webProcessesOf(supervisor: number): number[] {
  return processTree(supervisor).filter((pid) => pid !== supervisor && /scripts\/web-server/.test(readCommand(pid)));
}

function readCommand(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    return "";
  }
}

/** Resident memory of a process and all its descendants. */
function rssMegabytes(pid: number): number {
  return Math.round(processTree(pid).reduce((sum, member) => sum + processRssKilobytes(member), 0) / 1024);
}

async function waitForHealth(url: string, child: ChildProcess, seconds = 120): Promise<void> {
  for (let attempt = 0; attempt < seconds * 4; attempt++) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}.`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  throw new Error(`No answer from ${url}.`);
}

async function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  child.kill("SIGTERM");
  await Promise.race([new Promise((resolve) => child.once("exit", resolve)), sleep(10_000)]);
  if (child.exitCode === null) child.kill("SIGKILL");
}

function buildIfNeeded(): void {
  if (isBuildCurrent(root)) {
    log("Production build is current.");
    return;
  }
  log("Building the app (next build)…");
  const build = spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) throw new Error("next build failed.");
  writeFileSync(fingerprintPath(root), computeBuildFingerprint(root));
}

type DatasetMarker = {
  items: number;
  seed: number;
  migrations: string[];
  indexSeconds: number;
  insertSeconds: number;
  /** How the search index was built: "bulk" (an empty index, lib/search/bulk-index.ts) or "reconciliation". */
  indexPath?: string;
  /** The load average (1, 5, 15 min) when the index build ended. */
  indexLoadAverage?: number[];
  /** The platform mode's agencies and applications (`insertSeconds` is then the whole dataset's build). */
  platform?: { agencies: number; applications: number };
};

type BenchDatabase = { url: string; stop: () => Promise<void>; marker: DatasetMarker; urlFor: (database: string) => string };

async function prepareDatabase(): Promise<BenchDatabase> {
  if (args.has("--rebuild")) rmSync(BENCH_DIR, { recursive: true, force: true });
  mkdirSync(BENCH_DIR, { recursive: true, mode: 0o755 });
  const markerFile = path.join(BENCH_DIR, "dataset.json");
  const migrations = readMigrationFiles(path.join(root, "prisma", "migrations")).map((migration) => `${migration.name}:${migration.checksum.slice(0, 12)}`);
  let marker: DatasetMarker | null = existsSync(markerFile) ? (JSON.parse(readFileSync(markerFile, "utf8")) as DatasetMarker) : null;
  // New migrations on top of the dataset's are applied to it; anything else rebuilds it.
  const newerMigrations =
    marker !== null && marker.migrations.length < migrations.length && marker.migrations.every((name, index) => migrations[index] === name);
  const platformShape = PLATFORM ? { agencies: PLATFORM.agencies, applications: PLATFORM.applications } : undefined;
  const otherShape = JSON.stringify(marker?.platform ?? null) !== JSON.stringify(platformShape ?? null);
  if (marker && (marker.items !== ITEMS || marker.seed !== BENCH_SEED || otherShape || (marker.migrations.join() !== migrations.join() && !newerMigrations))) {
    log("The kept dataset does not match (size, seed or migrations): rebuilding it.");
    rmSync(BENCH_DIR, { recursive: true, force: true });
    mkdirSync(BENCH_DIR, { recursive: true, mode: 0o755 });
    marker = null;
  }
  const server = await startEmbeddedPostgres({ databaseDir: path.join(BENCH_DIR, "postgres"), port: DATABASE_PORT, password: "bench" });
  await ensureDatabaseExists(server.urlFor("postgres"), "bench");
  const url = server.urlFor("bench");
  useDatabaseUrl(url);
  if (marker) {
    log(`Reusing the dataset in ${path.relative(root, BENCH_DIR)} (${marker.items.toLocaleString("en")} items).`);
    if (newerMigrations) {
      log("  applying the migrations added since it was built…");
      await applyMigrations(url, path.join(root, "prisma", "migrations"));
      marker.migrations = migrations;
      writeFileSync(markerFile, JSON.stringify(marker, null, 2));
    }
    if (args.has("--reindex")) {
      // `--reindex`: empty the search index and build it again, timed (the dataset is kept).
      log("Emptying the search index and building it again…");
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`TRUNCATE "SearchDocument"; DELETE FROM "SearchIndexState"`);
      await client.end();
      Object.assign(marker, await buildSearchIndex(url));
      writeFileSync(markerFile, JSON.stringify(marker, null, 2));
    }
    return { url, stop: () => server.stop(), marker, urlFor: server.urlFor };
  }
  await applyMigrations(url, path.join(root, "prisma", "migrations"));
  let insertSeconds: number;
  if (PLATFORM) {
    const mark = Date.now();
    await buildPlatformDataset(url, PLATFORM, (line) => log(line));
    insertSeconds = (Date.now() - mark) / 1000;
  } else {
    const { seedBaseData } = await import("../prisma/seed/seed-base");
    await seedBaseData();
    log(`Inserting ${ITEMS.toLocaleString("en")} published items…`);
    const mark = Date.now();
    await insertSyntheticItems(url, ITEMS, (line) => log(line));
    insertSeconds = (Date.now() - mark) / 1000;
  }
  marker = {
    items: ITEMS,
    seed: BENCH_SEED,
    migrations,
    insertSeconds,
    ...(platformShape ? { platform: platformShape } : {}),
    ...(await buildSearchIndex(url)),
  };
  writeFileSync(markerFile, JSON.stringify(marker, null, 2));
  return { url, stop: () => server.stop(), marker, urlFor: server.urlFor };
}

/** Indexes the dataset for search as the product does (reconcileSearchIndex: on an empty index, the bulk build), then VACUUM ANALYZE. */
async function buildSearchIndex(url: string): Promise<Pick<DatasetMarker, "indexSeconds" | "indexPath" | "indexLoadAverage">> {
  log("Indexing for search (reconcileSearchIndex, as on a first start: the bulk build for an empty index)…");
  const mark = Date.now();
  const { reconcileSearchIndex } = await import("@/lib/search/search-index");
  const summary = await reconcileSearchIndex({ wait: true });
  const indexSeconds = (Date.now() - mark) / 1000;
  const indexLoadAverage = os.loadavg().map((value) => Math.round(value * 100) / 100);
  const indexPath = summary?.some((entry) => entry.bulk) ? "bulk" : "reconciliation";
  log(`  indexed in ${indexSeconds.toFixed(0)} s (${indexPath}, load average ${indexLoadAverage.join(" ")}); VACUUM ANALYZE…`);
  await vacuumAnalyze(url);
  return { indexSeconds, indexPath, indexLoadAverage };
}

/**
 * The demo data (`npm run db:seed -- --demo`: the first customer's items, registers and report) in
 * a database of its own on the bench's server, for the search load on a small site.
 */
async function prepareDemoDatabase(database: BenchDatabase): Promise<string> {
  await ensureDatabaseExists(database.urlFor("postgres"), "bench_demo");
  const url = database.urlFor("bench_demo");
  const seed = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "db-seed.ts"), "--demo"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: url, SEED_DEMO: "1" },
  });
  if (seed.status !== 0) throw new Error("Seeding the demo data failed.");
  return url;
}

/** A GET over a new connection (so that the cluster hands it to the next web process). */
function fetchFresh(url: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on("error", reject);
  });
}

/**
 * Changes a published item's title and replaces the public content version in one transaction
 * (what every publication does to the public pages), then asks over new connections until every
 * web process shows the new title; puts the title back the same way afterwards.
 */
async function measurePublication(url: string, base: string, itemId: number, processes: number): Promise<Results["publication"]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // As a publication through the review engine: the page's data and the content version change in
  // one transaction, and the search index, whose document the engine rewrites in that transaction,
  // stays recorded as current (lib/search/search-index.ts, bumpPublicContentVersionWithIndexSynced).
  const change = async (revision: number, title: string) => {
    await client.query("BEGIN");
    await client.query(`UPDATE "ItemRevision" SET "title" = $1 WHERE "id" = $2`, [title, revision]);
    const before = (await client.query<{ token: string }>(`SELECT "token" FROM "PublicContentVersion" WHERE "id" = 1 FOR UPDATE`)).rows[0]?.token;
    await client.query(`UPDATE "PublicContentVersion" SET "token" = gen_random_uuid()::text WHERE "id" = 1`);
    await client.query(
      `UPDATE "SearchIndexState" SET "contentVersion" = (SELECT "token" FROM "PublicContentVersion" WHERE "id" = 1) WHERE "id" = 1 AND "contentVersion" = $1`,
      [before],
    );
    await client.query("COMMIT");
  };
  try {
    const item = (
      await client.query<{ revision: number; title: string }>(
        `SELECT r."id" AS "revision", r."title" FROM "Item" i JOIN "ItemRevision" r ON r."id" = i."publishedRevisionId" WHERE i."id" = $1`,
        [itemId],
      )
    ).rows[0];
    if (!item) return { skipped: `item ${itemId} has no published revision` };
    const marked = `${item.title}（基准更正）`;
    await change(item.revision, marked);
    const changedAt = performance.now();
    const visibleAfterMs: Record<string, number> = {};
    try {
      while (Object.keys(visibleAfterMs).length < processes && performance.now() - changedAt < 10_000) {
        const answer = await fetchFresh(`${base}/items/${itemId}`);
        const label = String(answer.headers["x-web-process"] ?? "1");
        if (!(label in visibleAfterMs) && answer.body.includes(marked)) visibleAfterMs[label] = Math.round(performance.now() - changedAt);
      }
    } finally {
      await change(item.revision, item.title);
    }
    if (Object.keys(visibleAfterMs).length < processes) return { skipped: `not every process showed it within 10 s: ${JSON.stringify(visibleAfterMs)}` };
    return { visibleAfterMs, maxMs: Math.max(...Object.values(visibleAfterMs)) };
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// In-process comparisons: the search engine and the naive ILIKE scan, same queries, same database.

type QueryTiming = { p50: number; p95: number; max: number; samples: number };

async function timeEngine(queries: string[], rounds: number): Promise<QueryTiming> {
  const { parseSearchQuery } = await import("@/lib/search/query");
  const { searchEngine } = await import("@/lib/search/engine");
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const q of queries) {
      const start = performance.now();
      await searchEngine.search({ query: parseSearchQuery(q), sort: "relevance", page: 1, pageSize: 20 });
      times.push(performance.now() - start);
    }
  }
  return { p50: percentileOf(times, 0.5), p95: percentileOf(times, 0.95), max: percentileOf(times, 1), samples: times.length };
}

/** The naive search the search module replaced: ILIKE '%term%' over title, body, 文号 and 索引号. */
async function timeIlike(url: string, queries: string[]): Promise<QueryTiming> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const times: number[] = [];
  try {
    for (const q of queries) {
      const terms = q.split(/\s+/).filter(Boolean);
      const conditions = terms
        .map(
          (_, index) =>
            `(r."title" ILIKE $${index + 1} OR r."bodyText" ILIKE $${index + 1} OR r."documentNumber" ILIKE $${index + 1} OR i."indexNumber" ILIKE $${index + 1})`,
        )
        .join(" AND ");
      const sql = `SELECT i."id", r."title", i."publishedAt", count(*) OVER () AS total
                     FROM "Item" i JOIN "ItemRevision" r ON r."id" = i."publishedRevisionId"
                    WHERE i."withdrawnAt" IS NULL AND ${conditions}
                    ORDER BY i."publishedAt" DESC LIMIT 20`;
      const start = performance.now();
      await client.query(
        sql,
        terms.map((term) => `%${term}%`),
      );
      times.push(performance.now() - start);
    }
  } finally {
    await client.end();
  }
  return { p50: percentileOf(times, 0.5), p95: percentileOf(times, 0.95), max: percentileOf(times, 1), samples: times.length };
}

// ---------------------------------------------------------------------------------------------

type PageLoad = LoadResult & { ceilingRequestsPerSecond?: number; ratioToCeiling?: number; servedFromCache?: string | null };

type Results = {
  machine: Record<string, unknown>;
  dataset: Record<string, unknown>;
  webConcurrency: number;
  pages: Record<string, PageLoad | { skipped: string }>;
  publication: { visibleAfterMs: Record<string, number>; maxMs: number } | { skipped: string };
  webProcessRssMegabytes: { atEnd: Record<string, number>; peak: Record<string, number> };
  search: Record<string, { api: LoadResult; apiLoaded: LoadResult; engine: QueryTiming; ilike: QueryTiming; speedup: number }>;
  /** The load average (1, 5, 15 min) right after the search measurements. */
  searchLoadAverage: number[];
  searchDemo: (LoadResult & { loadAverage: number[] }) | { skipped: string };
  registers: RegisterResults;
  /** Two application servers behind the nginx example, one killed mid-run (bench/failover.ts). */
  failover: FailoverResult | { skipped: string };
  peakServerRssMegabytes: number;
  targets: typeof TARGETS;
  durationSeconds: number;
};

function machineInfo(postgresVersion: string): Record<string, unknown> {
  return {
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    memoryGigabytes: Math.round(os.totalmem() / 2 ** 30),
    // Other work on the machine slows every figure: the load average tells how busy it was.
    loadAverageAtStart,
    loadAverageAtEnd: os.loadavg().map((value) => Math.round(value * 100) / 100),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: postgresVersion,
    date: new Date().toISOString(),
  };
}

function verdict(ok: boolean): string {
  return ok ? "met" : "MISSED";
}

function printTable(results: Results): void {
  const rows: [string, string, string, string][] = [];
  const page = (name: string, label: string, gate: boolean) => {
    const result = results.pages[name];
    if (!result || "skipped" in result) {
      rows.push([label, result ? `skipped: ${result.skipped}` : "—", "", ""]);
      return;
    }
    const target = gate ? `≥ ${TARGETS.pageRequestsPerSecond} req/s, p99 ≤ ${TARGETS.pageP99} ms` : "";
    const ok = result.requestsPerSecond >= TARGETS.pageRequestsPerSecond && result.p99 <= TARGETS.pageP99;
    const ratio =
      result.ratioToCeiling === undefined ? "" : `; ${Math.round(result.ratioToCeiling * 1000) / 10} % of raw Node (${result.ceilingRequestsPerSecond} req/s)`;
    rows.push([
      label,
      `${result.requestsPerSecond} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms${result.non2xx ? `, ${result.non2xx} non-2xx` : ""}${result.errors ? `, ${result.errors} errors` : ""}${ratio}`,
      target,
      gate ? verdict(ok) : "",
    ]);
  };
  const processes = `${results.webConcurrency} web process${results.webConcurrency === 1 ? "" : "es"}`;
  page("homePage", `home page, npm start, ${processes} (50 conn.)`, true);
  page("cataloguePage", `catalogue page, npm start, ${processes} (50 conn.)`, true);
  page("itemPage", `item page, npm start, ${processes} (50 conn.)`, true);
  page("itemPageNginx", "item page via nginx cache (50 conn.)", false);
  page("cataloguePageNginx", "catalogue page via nginx cache (50 conn.)", false);
  page("nodeCeiling", "raw Node server, 1 process, item-page bytes (50 conn.)", false);
  const publication = results.publication;
  rows.push([
    "publication visible in every web process",
    "skipped" in publication
      ? `skipped: ${publication.skipped}`
      : Object.entries(publication.visibleAfterMs)
          .map(([label, ms]) => `process ${label} after ${ms} ms`)
          .join(", "),
    `≤ ${TARGETS.publicationVisibleMs} ms`,
    "skipped" in publication ? "" : verdict(publication.maxMs <= TARGETS.publicationVisibleMs),
  ]);
  for (const [name, entry] of Object.entries(results.search)) {
    rows.push([
      `search API, ${name} (1 conn., uncached)`,
      `p50 ${entry.api.p50} / p95 ${entry.api.p95} / p99 ${entry.api.p99} ms, ${entry.api.requestsPerSecond} req/s`,
      `p95 ≤ ${TARGETS.searchP95} ms`,
      verdict(entry.api.p95 <= TARGETS.searchP95),
    ]);
    // The 8-connection target of issue 16 is set for 100,000 items.
    const loadedTarget = results.dataset.items === 100_000;
    rows.push([
      `search API, ${name} (8 conn.)`,
      `p50 ${entry.apiLoaded.p50} / p95 ${entry.apiLoaded.p95} ms, ${entry.apiLoaded.requestsPerSecond} req/s`,
      loadedTarget ? `≥ ${TARGETS.searchLoadedRequestsPerSecond} req/s` : "",
      loadedTarget ? verdict(entry.apiLoaded.requestsPerSecond >= TARGETS.searchLoadedRequestsPerSecond) : "",
    ]);
    rows.push([
      `  engine vs ILIKE, ${name}`,
      `${entry.engine.p50} ms vs ${entry.ilike.p50} ms (p50): ${entry.speedup}× faster`,
      `≥ ${TARGETS.searchSpeedup}×`,
      verdict(entry.speedup >= TARGETS.searchSpeedup),
    ]);
  }
  const demo = results.searchDemo;
  rows.push([
    "search API, demo data, all 40 queries (50 conn.)",
    "skipped" in demo
      ? demo.skipped
      : `${demo.requestsPerSecond} req/s, p50 ${demo.p50} / p95 ${demo.p95} / p99 ${demo.p99} ms${demo.non2xx ? `, ${demo.non2xx} non-2xx` : ""}`,
    `≥ ${TARGETS.searchDemoRequestsPerSecond} req/s`,
    "skipped" in demo ? "" : verdict(demo.requestsPerSecond >= TARGETS.searchDemoRequestsPerSecond && !demo.non2xx && !demo.errors),
  ]);
  const indexSeconds = Number(results.dataset.indexSeconds);
  rows.push([
    `search index build, ${Number(results.dataset.items).toLocaleString("en")} items (${String(results.dataset.indexPath)})`,
    `${indexSeconds} s`,
    `≤ ${TARGETS.indexBuildSeconds} s`,
    verdict(indexSeconds <= TARGETS.indexBuildSeconds),
  ]);
  rows.push([`load average after the search measurements`, results.searchLoadAverage.join(" "), "", ""]);
  const registers = results.registers;
  rows.push([
    "annual report, 10,000 applications",
    registers.report.seconds === null ? registers.report.note : `${registers.report.seconds} s`,
    `≤ ${TARGETS.reportSeconds} s`,
    registers.report.seconds === null ? "" : verdict(registers.report.seconds <= TARGETS.reportSeconds),
  ]);
  rows.push([
    "双公示 import, 10,000 rows",
    registers.import.seconds === null ? registers.import.note : `${registers.import.seconds} s`,
    `≤ ${TARGETS.importSeconds} s`,
    registers.import.seconds === null ? "" : verdict(registers.import.seconds <= TARGETS.importSeconds),
  ]);
  const memory = results.webProcessRssMegabytes;
  const largestAtEnd = Math.max(0, ...Object.values(memory.atEnd));
  rows.push([
    "web process RSS at the end (each)",
    Object.entries(memory.atEnd)
      .map(([label, megabytes]) => `process ${label}: ${megabytes} MB (peak ${memory.peak[label] ?? "?"} MB)`)
      .join(", "),
    `≤ ${TARGETS.serverRssMegabytes} MB`,
    verdict(largestAtEnd > 0 && largestAtEnd <= TARGETS.serverRssMegabytes),
  ]);
  rows.push(["peak RSS, npm start and all web processes", `${results.peakServerRssMegabytes} MB`, "", ""]);
  const failover = results.failover;
  rows.push(
    "skipped" in failover
      ? ["failover: one of two servers killed mid-run, requests lost", failover.skipped, "0", ""]
      : [
          `failover: one of two servers killed mid-run (${failover.requests} requests, ${failover.passedOn} passed on), requests lost`,
          String(failover.lost),
          "0",
          verdict(failover.lost === 0),
        ],
  );
  const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((row) => row[column].length), 4));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(" | ")} |`;
  console.log();
  console.log(line(["measurement", "result", "target", ""]));
  console.log(`|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`);
  for (const row of rows) console.log(line(row));
  console.log();
}

/** The production server as npm start runs it (scripts/serve.ts), on a database of the bench: a function that starts it. */
function serverStarter(children: ChildProcess[], webConcurrency: number, dataDir: string) {
  const base = `http://127.0.0.1:${SERVER_PORT}`;
  return async (databaseUrl: string, extra: Record<string, string> = {}): Promise<ChildProcess> => {
    log(`Starting the production server as npm start does (scripts/serve.ts, ${webConcurrency} web processes)…`);
    const serverEnvironment: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      PORT: String(SERVER_PORT),
      HOST: "127.0.0.1",
      WEB_CONCURRENCY: String(webConcurrency),
      // Each response says which web process answered: the publication check polls every one.
      WEB_PROCESS_HEADER: "1",
      AUTH_SECRET: "bench-secret-bench-secret-bench-secret",
      AUTH_TRUST_HOST: "true",
      DISABLE_SCHEDULER: "1",
      NEXT_TELEMETRY_DISABLED: "1",
      // Every search goes to the index: the measurement is of the engine, not of the result cache.
      SEARCH_CACHE: "off",
      // The open-data rate limit off (issue 16 measures the search API without it; with it every
      // request also writes its counter, one more transaction).
      OPEN_DATA_RATE_LIMIT: "0",
      ...extra,
    };
    // The heap limit is npm start's own (WEB_HEAP_MB) unless NODE_OPTIONS is set for the bench.
    const started = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "serve.ts")], {
      stdio: ["ignore", "ignore", "inherit"],
      env: serverEnvironment,
    });
    children.push(started);
    await waitForHealth(`${base}/api/health`, started);
    // Every web process listening (new connections go to each in turn).
    const answered = new Set<string>();
    for (let attempt = 0; answered.size < webConcurrency && attempt < 480; attempt++) {
      answered.add(String((await fetchFresh(`${base}/api/health`)).headers["x-web-process"]));
      if (answered.size < webConcurrency) await sleep(250);
    }
    log(`  web processes answering: ${[...answered].sort().join(", ")}`);
    return started;
  };
}

async function main(): Promise<void> {
  log(
    `Gongkai bench: ${ITEMS.toLocaleString("en")} items${quick ? " (quick)" : ""}; load average ${os
      .loadavg()
      .map((value) => value.toFixed(2))
      .join(" ")}`,
  );
  const database = await prepareDatabase();
  if (args.has("--dataset")) {
    // `--dataset`: build (or check) the dataset and stop, e.g. to study queries with psql.
    log(`Dataset ready at ${database.url}.`);
    await database.stop();
    return;
  }
  if (PLATFORM) {
    const children: ChildProcess[] = [];
    try {
      buildIfNeeded();
      const webConcurrency = readConfig().WEB_CONCURRENCY ?? os.availableParallelism();
      const dataDir = path.join(BENCH_DIR, "data");
      mkdirSync(dataDir, { recursive: true });
      await runPlatformBench({
        root,
        directory: BENCH_DIR,
        databaseUrl: database.url,
        base: `http://127.0.0.1:${SERVER_PORT}`,
        shape: PLATFORM,
        dataset: database.marker,
        quick,
        pageSeconds: PAGE_SECONDS,
        searchSeconds: SEARCH_SECONDS,
        searchClasses: SEARCH_CLASSES,
        targets: { pageRequestsPerSecond: TARGETS.pageRequestsPerSecond, pageP99: TARGETS.pageP99, searchP95: TARGETS.searchP95 },
        log,
        startServer: serverStarter(children, webConcurrency, dataDir),
        fetchFresh,
        machineInfo,
        webConcurrency,
      });
    } finally {
      for (const child of children) await stopChild(child);
      const { db } = await import("@/lib/db");
      await db.$disconnect().catch(() => {});
      await database.stop();
    }
    return;
  }
  const children: ChildProcess[] = [];
  let stopNginx: (() => Promise<void>) | undefined;
  let peakRss = 0;
  let sampler: NodeJS.Timeout | undefined;
  try {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const version = (await client.query<{ server_version: string }>("SHOW server_version")).rows[0].server_version;
    const sizes = (
      await client.query<{ items: number; documents: number; table: string; terms: string; titles: string }>(`
        SELECT (SELECT count(*) FROM "Item")::int AS items, (SELECT count(*) FROM "SearchDocument")::int AS documents,
               pg_size_pretty(pg_total_relation_size('"SearchDocument"')) AS table,
               pg_size_pretty(pg_relation_size('"SearchDocument_terms_idx"')) AS terms,
               pg_size_pretty(pg_relation_size('"SearchDocument_titleTerms_idx"')) AS titles`)
    ).rows[0];
    const sampleItem = (await client.query<{ id: number }>(`SELECT "id" FROM "Item" ORDER BY "id" LIMIT 1 OFFSET 4321`)).rows[0]?.id ?? 1;
    await client.end();

    const registers: RegisterResults = searchOnly
      ? { report: { seconds: null, note: "skipped (--search)" }, import: { seconds: null, note: "skipped (--search)" }, applications: 0, decisions: 0 }
      : await runRegisterBenchmarks(database.url, (line) => log(line));

    buildIfNeeded();
    const webConcurrency = readConfig().WEB_CONCURRENCY ?? os.availableParallelism();
    const dataDir = path.join(BENCH_DIR, "data");
    mkdirSync(dataDir, { recursive: true });
    const base = `http://127.0.0.1:${SERVER_PORT}`;
    const startServer = serverStarter(children, webConcurrency, dataDir);
    const server = await startServer(database.url);
    const webPeaks = new Map<number, number>();
    const sampleMemory = () => {
      peakRss = Math.max(peakRss, rssMegabytes(server.pid!));
      for (const pid of webProcessesOf(server.pid!)) webPeaks.set(pid, Math.max(webPeaks.get(pid) ?? 0, Math.round(processRssKilobytes(pid) / 1024)));
    };
    sampler = setInterval(sampleMemory, 250);

    const itemPath = `/items/${sampleItem}`;
    const cataloguePath = "/catalogue/penalties";
    const pagePaths = { homePage: "/", cataloguePage: cataloguePath, itemPage: itemPath };
    // Every web process renders each page once (fresh connections go to the processes in turn).
    for (const warm of [...(searchOnly ? [] : Object.values(pagePaths)), "/api/v1/search?q=%E5%9F%8E%E7%AE%A1"])
      for (let index = 0; index < 20; index++) await fetchFresh(base + warm);

    const pages: Results["pages"] = {};
    let publication: Results["publication"] = { skipped: "skipped (--search)" };
    if (!searchOnly)
      for (const [name, pagePath] of Object.entries(pagePaths)) {
        // JIT warm-up under the same load, not measured.
        await runLoad({ url: base, paths: [pagePath], connections: 50, durationSeconds: 2 });
        const sample = await fetchFresh(base + pagePath);
        log(`Page ${pagePath} (X-Page-Cache: ${sample.headers["x-page-cache"] ?? "none"}), 50 connections, ${PAGE_SECONDS} s…`);
        const result: PageLoad = await runLoad({ url: base, paths: [pagePath], connections: 50, durationSeconds: PAGE_SECONDS });
        result.servedFromCache = (sample.headers["x-page-cache"] as string | undefined) ?? null;
        pages[name] = result;
      }

    if (!searchOnly) log("Raw Node servers returning the same bytes (the ceiling for any Node server here)…");
    if (!searchOnly)
      for (const [name, pagePath] of Object.entries(pagePaths)) {
        const bytesFile = path.join(BENCH_DIR, `${name}.html`);
        writeFileSync(bytesFile, (await fetchFresh(base + pagePath)).body);
        const ceiling = spawn(process.execPath, [path.join(root, "bench", "minimal-server.mjs"), bytesFile, String(CEILING_PORT)], {
          stdio: ["ignore", "pipe", "inherit"],
        });
        children.push(ceiling);
        await new Promise((resolve) => ceiling.stdout!.once("data", resolve));
        const raw = await runLoad({ url: `http://127.0.0.1:${CEILING_PORT}`, paths: ["/"], connections: 50, durationSeconds: PAGE_SECONDS });
        await stopChild(ceiling);
        if (name === "itemPage") pages.nodeCeiling = raw;
        const measured = pages[name] as PageLoad;
        measured.ceilingRequestsPerSecond = raw.requestsPerSecond;
        measured.ratioToCeiling = raw.requestsPerSecond ? measured.requestsPerSecond / raw.requestsPerSecond : 0;
      }

    if (!searchOnly) {
      log("A publication: how long until every web process shows it…");
      publication = await measurePublication(database.url, base, sampleItem, webConcurrency);
      log(`  ${JSON.stringify(publication)}`);
    }

    const nginx = searchOnly ? null : findNginx();
    if (searchOnly) {
      pages.itemPageNginx = { skipped: "skipped (--search)" };
    } else if (nginx) {
      log("nginx with deploy/nginx.conf in front…");
      const running = await startNginx(nginx, root, path.join(BENCH_DIR, "nginx"), NGINX_PORT, SERVER_PORT);
      stopNginx = running.stop;
      const viaNginx = `http://127.0.0.1:${NGINX_PORT}`;
      for (const warm of [itemPath, cataloguePath]) for (let index = 0; index < 5; index++) await fetch(viaNginx + warm);
      const status = (await fetch(viaNginx + itemPath)).headers.get("x-cache-status");
      log(`  X-Cache-Status of the item page: ${status}`);
      pages.itemPageNginx = await runLoad({ url: viaNginx, paths: [itemPath], connections: 50, durationSeconds: PAGE_SECONDS });
      pages.cataloguePageNginx = await runLoad({ url: viaNginx, paths: [cataloguePath], connections: 50, durationSeconds: PAGE_SECONDS });
      await running.stop();
      stopNginx = undefined;
    } else {
      pages.itemPageNginx = { skipped: "nginx not installed (apt-get install nginx)" };
      pages.cataloguePageNginx = { skipped: "nginx not installed" };
    }

    const search: Results["search"] = {};
    const allSearchPaths = Object.values(SEARCH_CLASSES)
      .flat()
      .map((q) => `/api/v1/search?q=${encodeURIComponent(q)}`);
    // JIT warm-up of the search route under load, not measured.
    await runLoad({ url: base, paths: allSearchPaths, connections: 8, durationSeconds: 2 });
    for (const [name, queries] of Object.entries(SEARCH_CLASSES)) {
      log(`Search, ${name}: API (1 and 8 connections), engine and ILIKE in-process…`);
      const paths = queries.map((q) => `/api/v1/search?q=${encodeURIComponent(q)}`);
      const api = await runLoad({ url: base, paths, connections: 1, durationSeconds: SEARCH_SECONDS });
      const apiLoaded = await runLoad({ url: base, paths, connections: 8, durationSeconds: SEARCH_SECONDS });
      const engine = await timeEngine(queries, quick ? 1 : 3);
      const ilike = await timeIlike(database.url, quick ? queries.slice(0, 2) : queries.slice(0, 4));
      search[name] = { api, apiLoaded, engine, ilike, speedup: Math.round(ilike.p50 / Math.max(0.01, engine.p50)) };
    }

    clearInterval(sampler);
    sampleMemory();
    const atEnd: Record<string, number> = {};
    const peak: Record<string, number> = {};
    webProcessesOf(server.pid!).forEach((pid, index) => {
      atEnd[String(index + 1)] = Math.round(processRssKilobytes(pid) / 1024);
      peak[String(index + 1)] = webPeaks.get(pid) ?? atEnd[String(index + 1)];
    });
    log(
      `Processes now: npm start ${server.pid} ${Math.round(processRssKilobytes(server.pid!) / 1024)} MB; web processes ${webProcessesOf(server.pid!)
        .map((pid) => `${pid} ${Math.round(processRssKilobytes(pid) / 1024)} MB`)
        .join(", ")} (peak total ${peakRss} MB)`,
    );
    log(
      `  load average now ${os
        .loadavg()
        .map((value) => value.toFixed(2))
        .join(" ")}`,
    );
    const searchLoadAverage = os.loadavg().map((value) => Math.round(value * 100) / 100);

    // The search API on the demo data (a small site), 50 connections: every query of every class.
    let searchDemo: Results["searchDemo"];
    await stopChild(server);
    try {
      log("Demo data: seeding its own database (once) and starting the server on it…");
      const demoServer = await startServer(await prepareDemoDatabase(database), { DEMO_MODE: "1" });
      for (const warm of allSearchPaths) for (let index = 0; index < 2; index++) await fetchFresh(base + warm);
      // A freshly started server: its first ~20 s under load run unoptimised code (measured at 250–270
      // req/s against 360–385 once warm), so it is loaded longer before measuring than the others.
      await runLoad({ url: base, paths: allSearchPaths, connections: 50, durationSeconds: quick ? 3 : 15 });
      log(`Search on the demo data, 50 connections, ${SEARCH_SECONDS} s…`);
      searchDemo = {
        ...(await runLoad({ url: base, paths: allSearchPaths, connections: 50, durationSeconds: SEARCH_SECONDS })),
        loadAverage: os.loadavg().map((value) => Math.round(value * 100) / 100),
      };
      await stopChild(demoServer);
    } catch (error) {
      searchDemo = { skipped: `failed: ${error instanceof Error ? error.message : String(error)}` };
    }

    // Two application servers on the bench database behind the nginx example; one dies mid-run.
    let failover: Results["failover"];
    const failoverNginx = searchOnly ? null : findNginx();
    if (!failoverNginx) failover = { skipped: searchOnly ? "skipped (--search)" : "nginx not installed" };
    else {
      log("Failover: two servers behind nginx, one killed mid-run…");
      try {
        failover = await runFailover({
          root,
          nginxBinary: failoverNginx,
          databaseUrl: database.url,
          directory: path.join(BENCH_DIR, "failover"),
          listenPort: NGINX_PORT + 10,
          serverPorts: [NGINX_PORT + 11, NGINX_PORT + 12],
          paths: [itemPath, cataloguePath, "/api/v1/search?q=%E5%9F%8E%E7%AE%A1", "/api/health"],
          log,
        });
        for (const line of failoverLines(failover)) log(line);
      } catch (error) {
        failover = { skipped: `failed: ${error instanceof Error ? error.message : String(error)}` };
      }
    }

    const results: Results = {
      machine: machineInfo(version),
      dataset: {
        items: sizes.items,
        searchDocuments: sizes.documents,
        searchTable: sizes.table,
        termsIndex: sizes.terms,
        titleTermsIndex: sizes.titles,
        insertSeconds: Math.round(database.marker.insertSeconds),
        indexSeconds: Math.round(database.marker.indexSeconds),
        indexPath: database.marker.indexPath ?? "reconciliation",
        indexLoadAverage: database.marker.indexLoadAverage ?? null,
        seed: BENCH_SEED,
      },
      webConcurrency,
      pages,
      publication,
      webProcessRssMegabytes: { atEnd, peak },
      search,
      searchLoadAverage,
      searchDemo,
      registers,
      failover,
      peakServerRssMegabytes: peakRss,
      targets: TARGETS,
      durationSeconds: Math.round((Date.now() - started) / 1000),
    };
    printTable(results);
    // Each size its own file, as its own dataset directory: a province-scale run keeps the 100,000-item results.
    const resultsFile = path.join(root, "bench", ITEMS === 100_000 ? "results.json" : `results-${ITEMS}.json`);
    writeFileSync(resultsFile, JSON.stringify(results, null, 2) + "\n");
    log(`Wrote ${path.relative(root, resultsFile)}.`);
  } finally {
    if (sampler) clearInterval(sampler);
    if (stopNginx) await stopNginx();
    for (const child of children) await stopChild(child);
    const { db } = await import("@/lib/db");
    await db.$disconnect().catch(() => {});
    await database.stop();
  }
}

main().catch((error) => {
  console.error(`[bench] ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
