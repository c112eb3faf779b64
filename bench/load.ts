/**
 * HTTP load against 127.0.0.1 only, with wrk when it is installed (`apt-get install wrk`: the
 * generator issue 16 measured with, `wrk -t1`, written in C, so that it takes little of the two
 * cores it shares with the server) and with autocannon from npm otherwise (JavaScript: under it a
 * raw Node server reaches about a fifth of what it reaches under wrk). BENCH_LOAD=autocannon or
 * BENCH_LOAD=wrk chooses. Latency percentiles are computed from every response time.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";

export type LoadResult = {
  connections: number;
  durationSeconds: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** The load generator: "wrk" or "autocannon". */
  generator?: LoadGenerator;
};

export type LoadGenerator = "wrk" | "autocannon";

type LoadOptions = {
  url: string;
  paths: string[];
  connections: number;
  durationSeconds: number;
  headers?: Record<string, string>;
};

function percentile(sorted: number[], fraction: number): number {
  if (!sorted.length) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return Math.round(sorted[index] * 100) / 100;
}

let chosen: LoadGenerator | undefined;

/** wrk when it runs here (or BENCH_LOAD says so), autocannon otherwise. */
export function loadGenerator(): LoadGenerator {
  if (chosen) return chosen;
  const wanted = process.env.BENCH_LOAD;
  if (wanted === "autocannon") return (chosen = "autocannon");
  const wrkRuns = spawnSync("wrk", ["--version"], { encoding: "utf8" }).error === undefined;
  if (wanted === "wrk" && !wrkRuns) throw new Error("BENCH_LOAD=wrk, but wrk is not installed (apt-get install wrk).");
  return (chosen = wrkRuns ? "wrk" : "autocannon");
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const origin = new URL(options.url);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(origin.hostname)) throw new Error("The bench only loads servers on this machine.");
  return loadGenerator() === "wrk" ? runWrk(options) : runAutocannon(options);
}

async function runAutocannon(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    headers: options.headers,
    requests: options.paths.map((path) => ({ method: "GET", path })),
  });
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  const result = await instance;
  latencies.sort((a, b) => a - b);
  const seconds = options.durationSeconds;
  return {
    connections: options.connections,
    durationSeconds: seconds,
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.total / seconds),
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    generator: "autocannon",
  };
}

/**
 * wrk, one thread: the paths in turn (each connection takes the next one), the extra headers,
 * and a `done` hook that prints the figures as one JSON line (wrk's latencies are in µs).
 * No `response` hook: wrk counts statuses ≥ 400 itself (errors.status), and a Lua hook on every
 * response would halve its speed.
 */
function wrkScript(paths: string[], headers: Record<string, string>): string {
  const list = paths.map((value) => JSON.stringify(value)).join(", ");
  const headerLines = Object.entries(headers)
    .map(([name, value]) => `wrk.headers[${JSON.stringify(name)}] = ${JSON.stringify(value)}`)
    .join("\n");
  return `${headerLines}
local paths = { ${list} }
local next_path = 0
request = function()
  next_path = next_path % #paths + 1
  return wrk.format("GET", paths[next_path])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('GONGKAI_LOAD {"requests":%d,"durationUs":%d,"p50":%d,"p95":%d,"p99":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    e.connect, e.read, e.write, e.status, e.timeout))
end
`;
}

async function runWrk(options: LoadOptions): Promise<LoadResult> {
  const directory = mkdtempSync(path.join(os.tmpdir(), "gongkai-wrk-"));
  try {
    const script = path.join(directory, "load.lua");
    writeFileSync(script, wrkScript(options.paths, options.headers ?? {}));
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(
        "wrk",
        ["-t1", `-c${options.connections}`, `-d${options.durationSeconds}s`, "--timeout", "10s", "-s", script, options.url.replace(/\/$/, "")],
        { stdio: ["ignore", "pipe", "inherit"] },
      );
      let text = "";
      child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
      child.on("error", reject);
      child.on("exit", (code) => (code === 0 ? resolve(text) : reject(new Error(`wrk exited with code ${code}: ${text}`))));
    });
    const line = output.split("\n").find((candidate) => candidate.startsWith("GONGKAI_LOAD "));
    if (!line) throw new Error(`wrk printed no figures: ${output}`);
    const figures = JSON.parse(line.slice("GONGKAI_LOAD ".length)) as Record<string, number>;
    const ms = (microseconds: number) => Math.round(microseconds / 10) / 100;
    const seconds = figures.durationUs / 1e6;
    return {
      connections: options.connections,
      durationSeconds: options.durationSeconds,
      requests: figures.requests,
      requestsPerSecond: Math.round(figures.requests / seconds),
      p50: ms(figures.p50),
      p95: ms(figures.p95),
      p99: ms(figures.p99),
      errors: figures.connect + figures.read + figures.write + figures.timeout,
      non2xx: figures.status,
      generator: "wrk",
    };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
