/**
 * The platform mode's measurements (`npm run bench -- --platform`, issue 15) on the platform
 * dataset (bench/platform-dataset.ts), with the production server as the default mode starts it:
 * the platform home, the agency directory and an agency column under 50 connections; the search
 * API with and without `agency=` (p95 at 1 connection, req/s at 8); the cross-agency summary
 * report in-process (computeReportSummary for the supervisor, median of 3) and over HTTP with an
 * API token. Prints the table and writes bench/results-platform.json.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import type http from "node:http";
import path from "node:path";
import pg from "pg";
import { runLoad, type LoadResult } from "./load";
import { agencyCodeOf, PLATFORM_REPORT_YEAR, PLATFORM_SUPERVISOR, type PlatformShape } from "./platform-dataset";

export type PlatformBenchContext = {
  root: string;
  /** The dataset's directory (the raw Node server's bytes are written there). */
  directory: string;
  databaseUrl: string;
  base: string;
  shape: PlatformShape;
  dataset: { insertSeconds: number; indexSeconds: number; indexPath?: string };
  quick: boolean;
  pageSeconds: number;
  searchSeconds: number;
  searchClasses: Record<string, string[]>;
  targets: { pageRequestsPerSecond: number; pageP99: number; searchP95: number };
  log: (line: string) => void;
  /** Starts the production server on the database as `npm start` does (scripts/bench.ts). */
  startServer: (databaseUrl: string) => Promise<ChildProcess>;
  fetchFresh: (url: string) => Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>;
  machineInfo: (postgresVersion: string) => Record<string, unknown>;
  webConcurrency: number;
};

const SUMMARY_SECONDS = 2;

type Timed = { seconds: number | null; note: string; agencies?: number };

type PlatformResults = {
  machine: Record<string, unknown>;
  dataset: Record<string, unknown>;
  webConcurrency: number;
  pages: Record<string, LoadResult & { path: string; servedFromCache: string | null }>;
  search: Record<string, { all: { api: LoadResult; apiLoaded: LoadResult }; agency: { api: LoadResult; apiLoaded: LoadResult } }>;
  summary: { inProcess: Timed; http: Timed };
  agencyCode: string;
  targets: PlatformBenchContext["targets"] & { summarySeconds: number };
  durationSeconds: number;
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round2 = (value: number) => Math.round(value * 100) / 100;

function reasonOf(error: unknown): string {
  return `failed: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300);
}

async function supervisorActor() {
  const { db } = await import("@/lib/db");
  const { loadActingUser } = await import("@/lib/auth/acting-user");
  const user = await db.user.findUniqueOrThrow({ where: { username: PLATFORM_SUPERVISOR }, select: { id: true } });
  return (await loadActingUser(user.id))!;
}

/** computeReportSummary over every agency for the supervisor, in this process: once to warm, then the median of 3. */
async function timeSummaryInProcess(): Promise<Timed> {
  try {
    const { computeReportSummary } = await import("@/lib/reports/summary-report");
    const actor = await supervisorActor();
    const first = await computeReportSummary(actor, PLATFORM_REPORT_YEAR);
    const times: number[] = [];
    for (let round = 0; round < 3; round++) {
      const start = performance.now();
      await computeReportSummary(actor, PLATFORM_REPORT_YEAR);
      times.push(performance.now() - start);
    }
    const published = first.agencies.filter((row) => row.figuresFrom === "published").length;
    return {
      seconds: round2(median(times) / 1000),
      note: `median of 3 (${times.map((ms) => Math.round(ms)).join(", ")} ms); ${published} of the agencies' figures from a published report`,
      agencies: first.agencies.length,
    };
  } catch (error) {
    return { seconds: null, note: reasonOf(error) };
  }
}

/** GET /api/v1/reports/annual/{year}/summary with the supervisor's read token: once to warm, then the median of 3. */
async function timeSummaryOverHttp(base: string): Promise<Timed> {
  try {
    const { createApiToken } = await import("@/lib/auth/api-tokens");
    const { token } = await createApiToken(await supervisorActor(), { name: "bench", scope: "read" });
    const url = `${base}/api/v1/reports/annual/${PLATFORM_REPORT_YEAR}/summary`;
    const get = async () => {
      const start = performance.now();
      const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      const body = (await response.json()) as { agencies?: unknown[] };
      if (!response.ok) throw new Error(`HTTP ${response.status}: ${JSON.stringify(body).slice(0, 200)}`);
      return { ms: performance.now() - start, agencies: body.agencies?.length ?? 0 };
    };
    await get();
    const runs = [await get(), await get(), await get()];
    return {
      seconds: round2(median(runs.map((run) => run.ms)) / 1000),
      note: `median of 3 (${runs.map((run) => Math.round(run.ms)).join(", ")} ms)`,
      agencies: runs[0].agencies,
    };
  } catch (error) {
    return { seconds: null, note: reasonOf(error) };
  }
}

export async function runPlatformBench(context: PlatformBenchContext): Promise<void> {
  const { log, base } = context;
  const started = Date.now();
  const client = new pg.Client({ connectionString: context.databaseUrl });
  await client.connect();
  const version = (await client.query<{ server_version: string }>("SHOW server_version")).rows[0].server_version;
  const counts = (
    await client.query<{ agencies: number; sections: number; items: number; documents: number; applications: number; reports: number }>(`
      SELECT (SELECT count(*) FROM "Agency")::int AS agencies, (SELECT count(*) FROM "Section")::int AS sections,
             (SELECT count(*) FROM "Item")::int AS items, (SELECT count(*) FROM "SearchDocument")::int AS documents,
             (SELECT count(*) FROM "Application")::int AS applications,
             (SELECT count(*) FROM "AnnualReport" WHERE "state" = 'published')::int AS reports`)
  ).rows[0];
  // The agency in the middle of the directory: its column and the search filter.
  const agencyCode = agencyCodeOf(Math.max(3, Math.floor(context.shape.agencies / 2)));
  const agencyItems = (
    await client.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM "Item" i JOIN "Section" s ON s."id" = i."sectionId" JOIN "Agency" a ON a."id" = s."agencyId" WHERE a."code" = $1`,
      [agencyCode],
    )
  ).rows[0].count;
  await client.end();
  log(
    `Platform: ${counts.agencies} agencies, ${counts.sections} sections, ${counts.items.toLocaleString("en")} items, ${counts.applications.toLocaleString("en")} applications, ${counts.reports} published reports; the agency measured: ${agencyCode} (${agencyItems} items).`,
  );

  log(`Summary report of ${PLATFORM_REPORT_YEAR} over every agency, in-process (computeReportSummary, supervisor)…`);
  const inProcess = await timeSummaryInProcess();
  log(`  ${inProcess.seconds === null ? inProcess.note : `${inProcess.seconds} s (${inProcess.note})`}`);

  await context.startServer(context.databaseUrl);
  const pagePaths = { platformHome: "/", directory: "/agencies", agencyColumn: `/agencies/${agencyCode}` };
  for (const warm of [...Object.values(pagePaths), "/api/v1/search?q=%E5%9F%8E%E7%AE%A1", `/api/v1/search?q=%E5%9F%8E%E7%AE%A1&agency=${agencyCode}`])
    for (let index = 0; index < 20; index++) await context.fetchFresh(base + warm);

  const pages: PlatformResults["pages"] = {};
  for (const [name, pagePath] of Object.entries(pagePaths)) {
    await runLoad({ url: base, paths: [pagePath], connections: 50, durationSeconds: 2 });
    const sample = await context.fetchFresh(base + pagePath);
    if (sample.status !== 200) throw new Error(`${pagePath} answered ${sample.status}.`);
    log(`Page ${pagePath} (X-Page-Cache: ${sample.headers["x-page-cache"] ?? "none"}), 50 connections, ${context.pageSeconds} s…`);
    const result = await runLoad({ url: base, paths: [pagePath], connections: 50, durationSeconds: context.pageSeconds });
    pages[name] = { ...result, path: pagePath, servedFromCache: (sample.headers["x-page-cache"] as string | undefined) ?? null };
  }
  // The directory lists every agency (about 400 kB at 500): also as a browser asks for it, gzipped (the page cache keeps it gzipped too).
  log(`Page /agencies with Accept-Encoding: gzip, 50 connections, ${context.pageSeconds} s…`);
  const gzipped = { "accept-encoding": "gzip" };
  await runLoad({ url: base, paths: ["/agencies"], connections: 50, durationSeconds: 2, headers: gzipped });
  pages.directoryGzip = {
    ...(await runLoad({ url: base, paths: ["/agencies"], connections: 50, durationSeconds: context.pageSeconds, headers: gzipped })),
    path: "/agencies",
    servedFromCache: null,
  };

  // The ceiling for any Node server here with this load generator: one raw Node process returning the home page's bytes.
  log("Raw Node server returning the platform home's bytes (the ceiling for any Node server here)…");
  mkdirSync(context.directory, { recursive: true });
  const bytesFile = path.join(context.directory, "platform-home.html");
  writeFileSync(bytesFile, (await context.fetchFresh(base + "/")).body);
  const ceilingPort = Number(new URL(base).port) + 1;
  const ceiling = spawn(process.execPath, [path.join(context.root, "bench", "minimal-server.mjs"), bytesFile, String(ceilingPort)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    await new Promise((resolve) => ceiling.stdout!.once("data", resolve));
    pages.nodeCeiling = {
      ...(await runLoad({ url: `http://127.0.0.1:${ceilingPort}`, paths: ["/"], connections: 50, durationSeconds: context.pageSeconds })),
      path: "/",
      servedFromCache: null,
    };
  } finally {
    ceiling.kill("SIGTERM");
  }

  const search: PlatformResults["search"] = {};
  const searchPath = (q: string, agency?: string) => `/api/v1/search?q=${encodeURIComponent(q)}${agency ? `&agency=${agency}` : ""}`;
  const everyQuery = Object.values(context.searchClasses).flat();
  // JIT warm-up of the search route under load, not measured.
  await runLoad({
    url: base,
    paths: [...everyQuery.map((q) => searchPath(q)), ...everyQuery.map((q) => searchPath(q, agencyCode))],
    connections: 8,
    durationSeconds: 2,
  });
  for (const [name, queries] of Object.entries(context.searchClasses)) {
    const measure = async (agency?: string) => {
      const paths = queries.map((q) => searchPath(q, agency));
      return {
        api: await runLoad({ url: base, paths, connections: 1, durationSeconds: context.searchSeconds }),
        apiLoaded: await runLoad({ url: base, paths, connections: 8, durationSeconds: context.searchSeconds }),
      };
    };
    log(`Search, ${name}: every agency, then agency=${agencyCode} (1 and 8 connections)…`);
    search[name] = { all: await measure(), agency: await measure(agencyCode) };
  }

  log(`Summary report over HTTP (GET /api/v1/reports/annual/${PLATFORM_REPORT_YEAR}/summary, a supervisor's token)…`);
  const overHttp = await timeSummaryOverHttp(base);
  log(`  ${overHttp.seconds === null ? overHttp.note : `${overHttp.seconds} s (${overHttp.note})`}`);

  const results: PlatformResults = {
    machine: context.machineInfo(version),
    dataset: {
      ...counts,
      insertSeconds: Math.round(context.dataset.insertSeconds),
      indexSeconds: Math.round(context.dataset.indexSeconds),
      indexPath: context.dataset.indexPath ?? "reconciliation",
      reportYear: PLATFORM_REPORT_YEAR,
    },
    webConcurrency: context.webConcurrency,
    pages,
    search,
    summary: { inProcess, http: overHttp },
    agencyCode,
    targets: { ...context.targets, summarySeconds: SUMMARY_SECONDS },
    durationSeconds: Math.round((Date.now() - started) / 1000),
  };
  printPlatformTable(results);
  const resultsFile = path.join(context.root, "bench", "results-platform.json");
  writeFileSync(resultsFile, JSON.stringify(results, null, 2) + "\n");
  log(`Wrote ${path.relative(context.root, resultsFile)}.`);
}

const verdict = (ok: boolean) => (ok ? "met" : "MISSED");

function printPlatformTable(results: PlatformResults): void {
  const { targets } = results;
  const rows: [string, string, string, string][] = [];
  const processes = `${results.webConcurrency} web process${results.webConcurrency === 1 ? "" : "es"}`;
  const pageLabels: Record<string, string> = {
    platformHome: "platform home /",
    directory: "agency directory /agencies",
    directoryGzip: "agency directory /agencies, gzip",
    agencyColumn: `agency column /agencies/${results.agencyCode}`,
  };
  for (const [name, result] of Object.entries(results.pages)) {
    if (name === "nodeCeiling") {
      rows.push([
        "raw Node server, 1 process, the platform home's bytes (50 conn.)",
        `${result.requestsPerSecond} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms (${result.generator ?? "?"})`,
        "",
        "",
      ]);
      continue;
    }
    rows.push([
      `${pageLabels[name] ?? name}, npm start, ${processes} (50 conn.)`,
      `${result.requestsPerSecond} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms${result.non2xx ? `, ${result.non2xx} non-2xx` : ""}${result.errors ? `, ${result.errors} errors` : ""}`,
      `≥ ${targets.pageRequestsPerSecond} req/s, p99 ≤ ${targets.pageP99} ms`,
      verdict(result.requestsPerSecond >= targets.pageRequestsPerSecond && result.p99 <= targets.pageP99 && !result.non2xx && !result.errors),
    ]);
  }
  for (const [name, entry] of Object.entries(results.search)) {
    for (const [variant, label] of [
      ["all", "every agency"],
      ["agency", `agency=${results.agencyCode}`],
    ] as const) {
      const { api, apiLoaded } = entry[variant];
      rows.push([
        `search API, ${name}, ${label} (1 conn., uncached)`,
        `p50 ${api.p50} / p95 ${api.p95} / p99 ${api.p99} ms, ${api.requestsPerSecond} req/s${api.non2xx ? `, ${api.non2xx} non-2xx` : ""}`,
        `p95 ≤ ${targets.searchP95} ms`,
        verdict(api.p95 <= targets.searchP95 && !api.non2xx && !api.errors),
      ]);
      rows.push([
        `search API, ${name}, ${label} (8 conn.)`,
        `p50 ${apiLoaded.p50} / p95 ${apiLoaded.p95} ms, ${apiLoaded.requestsPerSecond} req/s${apiLoaded.non2xx ? `, ${apiLoaded.non2xx} non-2xx` : ""}`,
        "",
        "",
      ]);
    }
  }
  const summaryRow = (label: string, step: Timed) =>
    rows.push([
      `${label}${step.agencies ? `, ${step.agencies} agencies` : ""}`,
      step.seconds === null ? step.note : `${step.seconds} s`,
      `≤ ${targets.summarySeconds} s`,
      step.seconds === null ? "" : verdict(step.seconds <= targets.summarySeconds),
    ]);
  summaryRow(`summary report ${PLATFORM_REPORT_YEAR}, computeReportSummary in-process (median of 3)`, results.summary.inProcess);
  summaryRow(`summary report ${PLATFORM_REPORT_YEAR}, GET /api/v1/reports/annual/…/summary (median of 3)`, results.summary.http);
  const dataset = results.dataset;
  rows.push([
    "dataset",
    `${dataset.agencies} agencies, ${Number(dataset.items).toLocaleString("en")} items, ${Number(dataset.applications).toLocaleString("en")} applications; built in ${String(dataset.insertSeconds)} s, indexed in ${String(dataset.indexSeconds)} s (${String(dataset.indexPath)})`,
    "",
    "",
  ]);
  const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((row) => row[column].length), 4));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(" | ")} |`;
  console.log();
  console.log(line(["measurement", "result", "target", ""]));
  console.log(`|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`);
  for (const row of rows) console.log(line(row));
  console.log();
}
