import pg from "pg";
import { readConfig } from "@/lib/config";
import { boundedPoolOptions } from "@/lib/database/database-client";
import { currentReadSource } from "@/lib/database/read-routing";

/**
 * The one PostgreSQL connection pool of a process (DATABASE_POOL_SIZE connections), shared by
 * Prisma (lib/db.ts hands it to its adapter), the search engine's walks of the date index
 * (lib/search/postgres-engine.ts; its GIN reads use searchPoolForCurrentRead) and the public pages' content-version read
 * (lib/http-cache/public-pages.ts, from proxy.ts). Public content reads may go to the replica's pool
 * instead (replicaPool, lib/database/read-routing.ts). Kept on globalThis so that every bundle of one
 * process (the proxy's, the routes') uses the same pool.
 *
 * Not server-only: proxy.ts and the scripts import it too.
 */
const state = globalThis as unknown as { gongkaiDatabasePool?: { url: string; pool: pg.Pool } };

export function databasePool(): pg.Pool {
  const { DATABASE_URL: url, DATABASE_POOL_SIZE: size } = readConfig();
  if (!url) throw new Error("DATABASE_URL is not set: start the product with `npm start`.");
  if (state.gongkaiDatabasePool && state.gongkaiDatabasePool.url !== url) {
    throw new Error("DATABASE_URL changed after the database pool was opened: close it first (closeDatabasePool).");
  }
  if (!state.gongkaiDatabasePool) {
    const pool = new pg.Pool({
      connectionString: url,
      max: size,
      idleTimeoutMillis: 30_000,
      // Bounds on every wait for the database (connecting, a statement, an answer), so that no
      // request hangs while it is down or frozen (tests/faults, docs/security.md).
      ...boundedPoolOptions(),
      // A tool (seed, backup) exits when its work is done, without closing the pool first.
      allowExitOnIdle: true,
    });
    // An idle connection closed by the server (a restart, a dropped test database) is replaced on the next query.
    pool.on("error", () => {});
    state.gongkaiDatabasePool = { url, pool };
  }
  return state.gongkaiDatabasePool.pool;
}

const replicaState = globalThis as unknown as { gongkaiReplicaPool?: { url: string; pool: pg.Pool } };

/**
 * The pool on DATABASE_REPLICA_URL (the same size and bounds), for public content reads only
 * (lib/database/read-routing.ts decides when). The primary's pool when no replica is configured.
 */
export function replicaPool(): pg.Pool {
  const url = readConfig().DATABASE_REPLICA_URL;
  if (!url) return databasePool();
  if (replicaState.gongkaiReplicaPool && replicaState.gongkaiReplicaPool.url !== url) {
    throw new Error("DATABASE_REPLICA_URL changed after the replica pool was opened: close it first (closeDatabasePool).");
  }
  if (!replicaState.gongkaiReplicaPool) {
    const pool = new pg.Pool({
      connectionString: url,
      max: readConfig().DATABASE_POOL_SIZE,
      idleTimeoutMillis: 30_000,
      // Named, so that pg_stat_activity on the replica shows the public reads for what they are.
      application_name: "gongkai-public-reads",
      ...boundedPoolOptions(),
      allowExitOnIdle: true,
    });
    pool.on("error", () => {});
    replicaState.gongkaiReplicaPool = { url, pool };
  }
  return replicaState.gongkaiReplicaPool.pool;
}

/** The pool of the current read: the replica's inside a public content read routed there, the primary's otherwise. */
export function poolForCurrentRead(): pg.Pool {
  return currentReadSource() === "replica" ? replicaPool() : databasePool();
}

/** Whether the pool can be asked for a connection (DATABASE_URL is set). */
export function hasDatabase(): boolean {
  return Boolean(readConfig().DATABASE_URL);
}

/**
 * The planner settings of the search engine's GIN reads (lib/search/postgres-engine.ts): bitmap
 * scans only (a sequential or plain index scan with a terms filter would read every row's TOASTed
 * term array), no JIT, read only. Set once per connection, at its start, so that a search sends no
 * BEGIN, SET or COMMIT of its own.
 */
const SEARCH_CONNECTION_OPTIONS = "-c enable_seqscan=off -c enable_indexscan=off -c jit=off -c default_transaction_read_only=on";

const searchState = globalThis as unknown as { gongkaiSearchPools?: Map<string, pg.Pool> };

/**
 * A pool of connections with the search engine's planner settings (SEARCH_CONNECTION_OPTIONS), on
 * the server the current read goes to (the replica's inside a public content read routed there):
 * for the engine's bitmap reads only. Its connections are opened when first needed and close
 * after 30 s idle, like the others.
 */
export function searchPoolForCurrentRead(): pg.Pool {
  const { DATABASE_URL: primary, DATABASE_REPLICA_URL: replica, DATABASE_POOL_SIZE: size } = readConfig();
  const onReplica = currentReadSource() === "replica" && Boolean(replica);
  const url = onReplica ? replica : primary;
  if (!url) throw new Error("DATABASE_URL is not set: start the product with `npm start`.");
  searchState.gongkaiSearchPools ??= new Map();
  let pool = searchState.gongkaiSearchPools.get(url);
  if (!pool) {
    pool = new pg.Pool({
      connectionString: url,
      max: size,
      idleTimeoutMillis: 30_000,
      application_name: onReplica ? "gongkai-public-reads" : "gongkai-search",
      options: SEARCH_CONNECTION_OPTIONS,
      ...boundedPoolOptions(),
      allowExitOnIdle: true,
    });
    pool.on("error", () => {});
    searchState.gongkaiSearchPools.set(url, pool);
  }
  return pool;
}

/** Closes the pools (tests, before dropping their database); the next use opens new ones. */
export async function closeDatabasePool(): Promise<void> {
  const current = state.gongkaiDatabasePool;
  const replica = replicaState.gongkaiReplicaPool;
  const search = [...(searchState.gongkaiSearchPools?.values() ?? [])];
  state.gongkaiDatabasePool = undefined;
  replicaState.gongkaiReplicaPool = undefined;
  searchState.gongkaiSearchPools = undefined;
  await Promise.all([current?.pool.end(), replica?.pool.end(), ...search.map((pool) => pool.end())]);
}
