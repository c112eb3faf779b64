/**
 * The failover load test: two application servers (`npm start`, one web process each, as on the two
 * app machines of deploy/README.md) behind the nginx example, under load; one is killed (SIGKILL to
 * its whole process group, as when a machine dies) halfway through. Every request carries an
 * Authorization header, so neither nginx's cache nor the page cache answers it: each one reaches an
 * application server. nginx passes a GET that fails on a dead server to the other one
 * (proxy_next_upstream, on by default for errors and time-outs), so no request should be lost;
 * what was lost, and when, is reported.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { startNginx } from "./nginx";

export type FailoverResult = {
  servers: number;
  connections: number;
  durationSeconds: number;
  killedAtSecond: number;
  requests: number;
  requestsPerSecond: number;
  /** Requests that got no answer (connection errors and time-outs) or an answer other than 2xx. */
  lost: number;
  errors: number;
  timeouts: number;
  statusCounts: Record<string, number>;
  /** Lost requests by second of the run. */
  lostBySecond: Record<string, number>;
  p99: number;
  /** Requests nginx found the killed server gone for and passed to the other one (its error log). */
  passedOn: number;
};

type Options = {
  root: string;
  nginxBinary: string;
  databaseUrl: string;
  /** A scratch directory: the servers' data directories and nginx's files. */
  directory: string;
  listenPort: number;
  serverPorts: [number, number];
  paths: string[];
  connections?: number;
  durationSeconds?: number;
  environment?: NodeJS.ProcessEnv;
  log: (line: string) => void;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForHealth(url: string, child: ChildProcess, seconds = 180): Promise<void> {
  for (let attempt = 0; attempt < seconds * 4; attempt++) {
    if (child.exitCode !== null) throw new Error(`An application server exited with code ${child.exitCode}.`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  throw new Error(`No answer from ${url}.`);
}

function startServer(options: Options, port: number, index: number): ChildProcess {
  return spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(options.root, "scripts", "serve.ts")], {
    cwd: options.root,
    // Its own process group: the kill takes the supervisor and its web process at once, like a machine going down.
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      ...options.environment,
      NODE_ENV: "production",
      DATABASE_URL: options.databaseUrl,
      DATA_DIR: path.join(options.directory, `app-${index}`),
      HOST: "127.0.0.1",
      PORT: String(port),
      WEB_CONCURRENCY: "1",
      OPEN_DATA_RATE_LIMIT: "0",
    },
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // Already gone.
  }
}

export async function runFailover(options: Options): Promise<FailoverResult> {
  const connections = options.connections ?? 20;
  const durationSeconds = options.durationSeconds ?? 20;
  const killedAtSecond = Math.round(durationSeconds / 2);
  const servers = options.serverPorts.map((port, index) => startServer(options, port, index + 1));
  let nginx: Awaited<ReturnType<typeof startNginx>> | null = null;
  try {
    await Promise.all(servers.map((server, index) => waitForHealth(`http://127.0.0.1:${options.serverPorts[index]}/api/health`, server)));
    nginx = await startNginx(options.nginxBinary, options.root, path.join(options.directory, "nginx"), options.listenPort, options.serverPorts);
    options.log(
      `  two servers (ports ${options.serverPorts.join(", ")}) behind nginx (${options.listenPort}); ${connections} connections for ${durationSeconds} s; the second server is killed at ${killedAtSecond} s`,
    );

    const started = Date.now();
    const statusCounts: Record<string, number> = {};
    const lostBySecond: Record<string, number> = {};
    const latencies: number[] = [];
    const second = () => String(Math.floor((Date.now() - started) / 1000));
    const instance = autocannon({
      url: `http://127.0.0.1:${options.listenPort}`,
      connections,
      duration: durationSeconds,
      timeout: 10,
      headers: { Authorization: "Bearer failover-bench" },
      requests: options.paths.map((requestPath) => ({ method: "GET", path: requestPath })),
    });
    instance.on("response", (_client: unknown, status: number, _bytes: number, responseTime: number) => {
      statusCounts[status] = (statusCounts[status] ?? 0) + 1;
      latencies.push(responseTime);
      if (status < 200 || status >= 300) lostBySecond[second()] = (lostBySecond[second()] ?? 0) + 1;
    });
    instance.on("reqError", () => {
      lostBySecond[second()] = (lostBySecond[second()] ?? 0) + 1;
    });
    const kill = setTimeout(() => {
      options.log(`  killing the second server (process group ${servers[1].pid}) at ${second()} s`);
      killGroup(servers[1], "SIGKILL");
    }, killedAtSecond * 1000);
    const result = await instance;
    clearTimeout(kill);
    latencies.sort((a, b) => a - b);
    const errorLog = path.join(options.directory, "nginx", "error.log");
    const passedOn = existsSync(errorLog)
      ? readFileSync(errorLog, "utf8")
          .split("\n")
          .filter((line) => /while (connecting to|reading response header from) upstream/.test(line)).length
      : 0;
    const non2xx = Object.entries(statusCounts)
      .filter(([status]) => !status.startsWith("2"))
      .reduce((sum, [, count]) => sum + count, 0);
    return {
      servers: 2,
      connections,
      durationSeconds,
      killedAtSecond,
      requests: result.requests.total,
      requestsPerSecond: Math.round(result.requests.total / durationSeconds),
      lost: result.errors + result.timeouts + non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      statusCounts,
      lostBySecond,
      passedOn,
      p99: latencies.length ? latencies[Math.min(latencies.length - 1, Math.ceil(0.99 * latencies.length) - 1)] : 0,
    };
  } finally {
    await nginx?.stop();
    for (const server of servers) killGroup(server, "SIGTERM");
    await sleep(2_000);
    for (const server of servers) killGroup(server, "SIGKILL");
  }
}

/** The failover lines of the bench table. */
export function failoverLines(result: FailoverResult): string[] {
  const statuses = Object.entries(result.statusCounts)
    .map(([status, count]) => `${status}: ${count}`)
    .join(", ");
  const when = Object.entries(result.lostBySecond)
    .map(([at, count]) => `${count} at ${at} s`)
    .join(", ");
  return [
    `Failover: 2 servers behind nginx, ${result.connections} conn., ${result.durationSeconds} s, one killed at ${result.killedAtSecond} s`,
    `  ${result.requests} requests (${result.requestsPerSecond}/s, p99 ${result.p99} ms); answers ${statuses}`,
    `  passed on to the other server by nginx after the kill: ${result.passedOn}`,
    `  lost: ${result.lost} (errors ${result.errors}, time-outs ${result.timeouts}, non-2xx ${result.lost - result.errors - result.timeouts})${when ? ` — ${when}` : ""}`,
  ];
}
