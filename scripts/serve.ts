/**
 * `npm start` / `npm run dev`: one command from a fresh clone to a running site.
 * Starts the embedded PostgreSQL when DATABASE_URL is unset, applies migrations, seeds the demo
 * data into a new embedded database, builds the app when the build is missing or stale, then
 * serves on PORT. SIGINT/SIGTERM stop the web server, then the database.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { applyMigrations } from "@/lib/database/migrate";
import { openDatabase } from "@/lib/database/open-database";
import { computeBuildFingerprint, fingerprintPath, isBuildCurrent } from "@/lib/runtime/build-fingerprint";
import { resolveDataDir } from "@/lib/runtime/data-dir";
import { readOrCreateSecrets } from "@/lib/runtime/secrets";
import { forgetWebProcess, recordWebProcess, stopOrphanedWebProcess } from "@/lib/runtime/web-process-file";

const root = process.cwd();
const developing = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const log = (line: string) => console.log(`[gongkai] ${line}`);
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

async function main(): Promise<void> {
  const dataDir = resolveDataDir();
  process.env.DATA_DIR = dataDir;
  process.env.AUTH_SECRET ||= readOrCreateSecrets(dataDir).authSecret;
  process.env.AUTH_TRUST_HOST ??= "true";
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";

  await stopOrphanedWebProcess(dataDir, log);
  const database = await openDatabase({
    dataDir,
    role: "server",
    log: process.env.DEBUG_DATABASE ? (line) => console.log(`[postgres] ${line}`) : undefined,
  });
  process.env.DATABASE_URL = database.url;
  log(database.embedded ? `Embedded PostgreSQL running (data in ${path.join(dataDir, "postgres")}).` : "Using DATABASE_URL.");

  let web: ChildProcess | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (web && web.exitCode === null) {
      web.kill("SIGTERM");
      await new Promise((resolve) => web!.once("exit", resolve));
    }
    forgetWebProcess(dataDir);
    await database.close();
    log("Stopped.");
    process.exit(code);
  };
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
    const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: process.env });
    if (build.status !== 0) {
      log("Build failed.");
      await stop(1);
      return;
    }
    writeFileSync(fingerprintPath(root), computeBuildFingerprint(root));
  }

  // A bounded heap keeps a server process near 400 MB under load (measured by `npm run bench`);
  // NODE_OPTIONS in the environment wins.
  const webEnvironment = { ...process.env, NODE_OPTIONS: process.env.NODE_OPTIONS ?? (developing ? "" : `--max-old-space-size=${process.env.WEB_HEAP_MB ?? 320}`) };
  web = spawn(process.execPath, [nextBin, developing ? "dev" : "start", "--port", String(port)], {
    stdio: "inherit",
    env: webEnvironment,
  });
  if (web.pid) recordWebProcess(dataDir, web.pid);
  web.once("exit", (code) => {
    if (!stopping) void stop(code ?? 1);
  });
  log(`Gongkai is served at http://localhost:${port}/ (console: http://localhost:${port}/admin)`);
}

main().catch(async (error) => {
  console.error(`[gongkai] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
