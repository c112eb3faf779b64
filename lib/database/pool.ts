import pg from "pg";
import { readConfig } from "@/lib/config";
import { boundedPoolOptions } from "@/lib/database/database-client";
import { currentReadSource } from "@/lib/database/read-routing";

/**
 * The one PostgreSQL connection pool of a process (DATABASE_POOL_SIZE connections), shared by
 * Prisma (lib/db.ts hands it to its adapter), the search engine (lib/search/postgres-engine.ts,
 * which sets its planner settings per transaction) and the public pages' content-version read
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

/** Closes the pool (tests, before dropping their database); the next use opens a new one. */
export async function closeDatabasePool(): Promise<void> {
  const current = state.gongkaiDatabasePool;
  const replica = replicaState.gongkaiReplicaPool;
  state.gongkaiDatabasePool = undefined;
  replicaState.gongkaiReplicaPool = undefined;
  await Promise.all([current?.pool.end(), replica?.pool.end()]);
}
