import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";
import { readConfig } from "@/lib/config";
import { boundedPoolOptions } from "@/lib/database/database-client";

/**
 * Which PostgreSQL server a read goes to when DATABASE_REPLICA_URL names a streaming replica.
 *
 * The rule has two keys, and a read goes to the replica only when both say so:
 * 1. the request is an anonymous public read: `servePublicRequest` marks it (the web server does,
 *    for GET/HEAD without a session or Authorization header outside the console: see
 *    `isPublicReadRequest`);
 * 2. the read is a read of published content: `readPublicContent` wraps it (readThroughPublicCache,
 *    the search engine's queries, the pages' content version, feeds and the sitemap).
 * Everything else (every write, the console and its API, sign-in, rate limits, jobs, audit, scripts)
 * runs outside one of the two and reads the primary (DATABASE_URL), whatever function it calls: the
 * console shows the category tree through the same function as the public catalogue, and reads it
 * from the primary. `readOnPrimary` forces the primary for everything inside it. A write inside a
 * replica scope fails loudly (the replica is read-only) instead of being sent anywhere quietly.
 *
 * One scope reads from one server: `readPublicContent` picks the source once, and nested scopes keep
 * it, so the content version read at the start of readThroughPublicCache and the rows read after it
 * come from the same server. A replica replays the primary's transactions in order (a publication
 * and its new content version are one transaction), so rows read after the version are at least as
 * new as it: nothing is kept in a cache under a version newer than its data.
 *
 * Lag: a monitor per process (one query on each server every `checkIntervalMs`) samples the
 * primary's WAL position and compares what the replica has replayed. The replica's lag is how long
 * ago the primary was at the position the replica has reached. Beyond DATABASE_REPLICA_MAX_LAG_MS,
 * or when the replica does not answer (or is not in recovery: promoted, or another server), public
 * reads go to the primary (logged once); they return when the lag is within half the limit and the
 * replica has the primary's latest content version. Each switch adds one to `generation`, which the
 * page cache keeps with the version it read, so that a page rendered across a switch is not kept.
 */

export type ReadSource = "primary" | "replica";

type RequestMark = { kind: "public" | "console" };
type ReadScope = { source: ReadSource };

export type ReplicaStatus = {
  source: ReadSource;
  generation: number;
  /** Milliseconds the replica is behind, as last measured; null: not known (unreachable, no check yet). */
  lagMs: number | null;
  /** Why public reads are on the primary, when they are. */
  reason: string | null;
  checks: number;
};

type Sample = { lsn: bigint; at: number };

type MonitorOptions = {
  primaryUrl: string;
  replicaUrl: string;
  maxLagMs: number;
  checkIntervalMs?: number;
  log?: (line: string) => void;
  now?: () => number;
};

const STATE_KEY = "gongkaiReadRouting";
type RoutingState = { requests: AsyncLocalStorage<RequestMark>; reads: AsyncLocalStorage<ReadScope>; monitor?: ReplicaMonitor };

// On globalThis: the web server's code and every bundle of Next in one process share the scopes and the monitor.
function routing(): RoutingState {
  const holder = globalThis as unknown as Record<typeof STATE_KEY, RoutingState | undefined>;
  holder[STATE_KEY] ??= { requests: new AsyncLocalStorage(), reads: new AsyncLocalStorage() };
  return holder[STATE_KEY];
}

/** "0/16B3F28" → a comparable number. */
export function parseLsn(text: string): bigint {
  const [high, low] = text.split("/");
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

const CONSOLE_PATHS = [/^\/admin(\/|$)/, /^\/api\/v1\/admin(\/|$)/, /^\/api\/v1\/me(\/|$)/, /^\/api\/auth(\/|$)/, /^\/login(\/|$)/];
const SESSION_COOKIE = /(?:^|;)\s*(?:__Secure-|__Host-)?authjs\.session-token(?:\.\d+)?=/;

/**
 * Whether a request may read published content from the replica: an anonymous GET or HEAD outside
 * the console. A signed-in member of staff reads everything from the primary, so a publication
 * shows to them at once on the public pages too.
 */
export function isPublicReadRequest(request: { method?: string; pathname: string; cookie?: string; authorization?: string }): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  if (request.authorization) return false;
  if (request.cookie && SESSION_COOKIE.test(request.cookie)) return false;
  return !CONSOLE_PATHS.some((pattern) => pattern.test(request.pathname));
}

/** Runs the handling of one anonymous public request (see isPublicReadRequest). */
export function servePublicRequest<T>(run: () => T): T {
  return routing().requests.run({ kind: "public" }, run);
}

/** Runs `run` with every read on the primary, public content reads included. */
export function readOnPrimary<T>(run: () => T): T {
  const state = routing();
  return state.requests.run({ kind: "console" }, () => state.reads.run({ source: "primary" }, run));
}

function isReadOnlyRefusal(error: unknown): boolean {
  return error instanceof Error && /read-only transaction|recovery is in progress/i.test(error.message);
}

/**
 * Runs a read of published content: on the replica in a public request while the replica is
 * usable, on the primary otherwise (see choosePublicContentSource).
 */
export async function readPublicContent<T>(read: () => Promise<T>): Promise<T> {
  if (routing().reads.getStore()) return read();
  return readPublicContentFrom(choosePublicContentSource().source, read);
}

/**
 * Where a public content read starting now would go, and the generation of that decision: the
 * source of the enclosing read when there is one; the primary outside a public request; otherwise
 * the monitor's choice.
 */
export function choosePublicContentSource(): { source: ReadSource; generation: number } {
  const state = routing();
  const enclosing = state.reads.getStore();
  if (enclosing) return { source: enclosing.source, generation: publicReadGeneration() };
  if (state.requests.getStore()?.kind !== "public") return { source: "primary", generation: publicReadGeneration() };
  return publicReadSource();
}

/**
 * Runs a public content read on `source` (from choosePublicContentSource). A replica that fails
 * during the read (down, restarting) is reported to the monitor, and the read runs again on the
 * primary; a write attempted on the replica is not retried: it is a bug to see.
 */
export async function readPublicContentFrom<T>(source: ReadSource, read: () => Promise<T>): Promise<T> {
  const state = routing();
  if (source === "primary") return state.reads.run({ source }, read);
  try {
    return await state.reads.run({ source }, read);
  } catch (error) {
    if (isReadOnlyRefusal(error)) throw error;
    state.monitor?.reportFailure(error);
    return state.reads.run({ source: "primary" }, read);
  }
}

/** The server the current read goes to (primary outside any public content read). */
export function currentReadSource(): ReadSource {
  return routing().reads.getStore()?.source ?? "primary";
}

/** Whether DATABASE_REPLICA_URL is set. */
export function hasReplica(): boolean {
  return Boolean(readConfig().DATABASE_REPLICA_URL);
}

/**
 * Where a public content read starting now goes, and the generation of that decision (see the
 * module comment). Starts the process's monitor on first use.
 */
export function publicReadSource(): { source: ReadSource; generation: number } {
  const monitor = ensureMonitor();
  if (!monitor) return { source: "primary", generation: 0 };
  return monitor.decide();
}

/** The generation of the routing decision now (0 without a replica). */
export function publicReadGeneration(): number {
  return routing().monitor?.status().generation ?? 0;
}

/** The monitor's view (diagnostics, tests); null without a replica. */
export function replicaStatus(): ReplicaStatus | null {
  return ensureMonitor()?.status() ?? null;
}

function ensureMonitor(): ReplicaMonitor | null {
  const state = routing();
  if (state.monitor) return state.monitor;
  const config = readConfig();
  if (!config.DATABASE_REPLICA_URL || !config.DATABASE_URL) return null;
  state.monitor = new ReplicaMonitor({
    primaryUrl: config.DATABASE_URL,
    replicaUrl: config.DATABASE_REPLICA_URL,
    maxLagMs: config.DATABASE_REPLICA_MAX_LAG_MS,
  });
  state.monitor.start();
  return state.monitor;
}

/** Stops the monitor and closes its connections (tests; a process that exits needs nothing). */
export async function stopReadRouting(): Promise<void> {
  const state = routing();
  const monitor = state.monitor;
  state.monitor = undefined;
  await monitor?.stop();
}

/** Checks the replica now and waits for the answer (tests; the monitor checks on its own). */
export async function checkReplicaNow(): Promise<ReplicaStatus | null> {
  const monitor = ensureMonitor();
  if (!monitor) return null;
  await monitor.check();
  return monitor.status();
}

function checkPool(connectionString: string): pg.Pool {
  // A check must not wait long: a replica that has not answered within 2 s is taken as down (as the
  // page cache's version read: lib/runtime/content-version-reader.ts).
  const bounds = boundedPoolOptions({ connectMs: 2_000, statementMs: 1_500, answerMs: 2_000 });
  const pool = new pg.Pool({
    connectionString,
    max: 1,
    idleTimeoutMillis: 30_000,
    allowExitOnIdle: true,
    application_name: "gongkai-replica-check",
    ...bounds,
  });
  pool.on("error", () => {});
  return pool;
}

const VERSION = `(SELECT "token" FROM "PublicContentVersion" WHERE "id" = 1)`;

export class ReplicaMonitor {
  private mode: ReadSource = "primary";
  private generation = 0;
  private lagMs: number | null = null;
  private reason: string | null = "the replica has not been checked yet";
  private lastGoodCheckAt = -Infinity;
  private checks = 0;
  private saidWhyPrimary = false;
  private samples: Sample[] = [];
  private timer: ReturnType<typeof setInterval> | undefined;
  private pending: Promise<void> | undefined;
  private readonly primary: pg.Pool;
  private readonly replica: pg.Pool;
  private readonly now: () => number;
  private readonly log: (line: string) => void;
  readonly maxLagMs: number;
  readonly checkIntervalMs: number;

  constructor(options: MonitorOptions) {
    this.primary = checkPool(options.primaryUrl);
    this.replica = checkPool(options.replicaUrl);
    this.maxLagMs = options.maxLagMs;
    // Several checks within the limit, so that crossing it is seen in time; at most one a second otherwise.
    this.checkIntervalMs = options.checkIntervalMs ?? Math.min(1_000, Math.max(50, Math.floor(options.maxLagMs / 4)));
    this.now = options.now ?? (() => performance.now());
    this.log = options.log ?? ((line) => console.warn(line));
  }

  start(): void {
    if (this.timer) return;
    void this.check();
    this.timer = setInterval(() => void this.check(), this.checkIntervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.pending?.catch(() => {});
    await Promise.all([this.primary.end(), this.replica.end()]);
  }

  status(): ReplicaStatus {
    return { source: this.mode, generation: this.generation, lagMs: this.lagMs, reason: this.reason, checks: this.checks };
  }

  /** The source for a read starting now. A monitor whose checks stopped succeeding no longer vouches for the replica. */
  decide(): { source: ReadSource; generation: number } {
    if (this.mode === "replica" && this.now() - this.lastGoodCheckAt > this.maxLagMs) {
      this.toPrimary(`the replica has not answered a check for more than ${this.maxLagMs} ms`);
    }
    return { source: this.mode, generation: this.generation };
  }

  /** A read on the replica failed: public reads go to the primary until a check finds it usable again. */
  reportFailure(error: unknown): void {
    this.lagMs = null;
    this.lastGoodCheckAt = -Infinity;
    if (this.mode === "replica") this.toPrimary(`a read on the replica failed (${error instanceof Error ? error.message : String(error)})`);
  }

  check(): Promise<void> {
    this.pending ??= this.runCheck().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async runCheck(): Promise<void> {
    this.checks++;
    const startedAt = this.now();
    let primaryToken: string | null;
    try {
      const { rows } = await this.primary.query<{ lsn: string; token: string | null }>(`SELECT pg_current_wal_lsn()::text AS lsn, ${VERSION} AS token`);
      this.samples.push({ lsn: parseLsn(rows[0].lsn), at: startedAt });
      primaryToken = rows[0].token;
    } catch {
      // The primary is out of reach: nothing to compare with. Public reads stay on a replica that
      // answers (it keeps the public site up, at most the limit behind when last measured).
      if (this.mode === "replica") {
        const answers = await this.replica.query("SELECT 1").then(
          () => true,
          () => false,
        );
        if (answers) this.lastGoodCheckAt = this.now();
      }
      return;
    }
    // Samples older than the limit (and one more, the last the replica may have reached) are enough.
    const oldestNeeded = startedAt - this.maxLagMs * 2 - this.checkIntervalMs;
    while (this.samples.length > 2 && this.samples[1].at < oldestNeeded) this.samples.shift();

    let replay: { recovering: boolean; lsn: string | null; token: string | null };
    try {
      const { rows } = await this.replica.query<{ recovering: boolean; lsn: string | null; token: string | null }>(
        `SELECT pg_is_in_recovery() AS recovering, pg_last_wal_replay_lsn()::text AS lsn, ${VERSION} AS token`,
      );
      replay = rows[0];
    } catch (error) {
      this.lagMs = null;
      this.unusable(`the replica does not answer (${error instanceof Error ? error.message : String(error)})`);
      return;
    }
    if (!replay.recovering || !replay.lsn) {
      this.lagMs = null;
      this.unusable("DATABASE_REPLICA_URL is not a server in recovery (a promoted replica, or another server)");
      return;
    }
    const replayed = parseLsn(replay.lsn);
    // The latest moment the primary had nothing the replica lacks.
    let reached: Sample | undefined;
    for (const sample of this.samples) if (sample.lsn <= replayed) reached = sample;
    const checkedAt = this.now();
    this.lastGoodCheckAt = checkedAt;
    if (!reached) {
      this.lagMs = null;
      this.unusable("the replica is behind every position seen on the primary");
      return;
    }
    this.lagMs = Math.max(0, Math.round(checkedAt - reached.at));
    if (this.mode === "replica") {
      if (this.lagMs > this.maxLagMs) this.toPrimary(`the replica is ${this.lagMs} ms behind (DATABASE_REPLICA_MAX_LAG_MS=${this.maxLagMs})`);
      return;
    }
    // Back only with a margin, and only once the replica has the primary's latest publication.
    if (this.lagMs <= this.maxLagMs / 2 && replay.token === primaryToken) {
      const episode = this.reason;
      const saidWhy = this.saidWhyPrimary;
      this.mode = "replica";
      this.reason = null;
      this.generation++;
      this.saidWhyPrimary = false;
      if (saidWhy) this.log(`[database] Public reads are back on the replica (${this.lagMs} ms behind), after: ${episode}.`);
    }
  }

  private unusable(reason: string): void {
    if (this.mode === "replica") return this.toPrimary(reason);
    this.reason = reason;
    // Not usable from the start (or since the last switch): said once as well.
    if (!this.saidWhyPrimary) this.log(`[database] Public reads go to the primary (DATABASE_URL): ${reason}.`);
    this.saidWhyPrimary = true;
  }

  private toPrimary(reason: string): void {
    this.mode = "primary";
    this.reason = reason;
    this.generation++;
    this.saidWhyPrimary = true;
    // Once per episode: the next line is the one that says they are back.
    this.log(`[database] Public reads go to the primary (DATABASE_URL): ${reason}.`);
  }
}
