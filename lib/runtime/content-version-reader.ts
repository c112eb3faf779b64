import pg from "pg";
import { boundedPoolOptions } from "@/lib/database/database-client";
import { currentReadSource, publicReadSource, readPublicContentFrom } from "@/lib/database/read-routing";

/**
 * The public content version as the web server's page cache sees it (lib/runtime/page-cache.ts).
 * Every publication, withdrawal or catalogue change replaces the token in PostgreSQL
 * (lib/public-content/content-version.ts), so each process asks the database itself, at most once
 * per `intervalMs`: several processes, on one machine or several, each see a publication within
 * that interval (plus one query) with nothing shared in memory and no purge to send.
 *
 * A read older than `intervalMs` is not used: the request that finds it stale waits for the next
 * read (concurrent requests share it), so no answer is ever based on a version read longer ago
 * than the interval plus one query. Null when the database cannot be asked: then nothing is
 * served from the cache.
 */
export type ContentVersionReader = () => Promise<string | null>;

export function createContentVersionReader(options: { query: () => Promise<string | null>; intervalMs: number; now?: () => number }): ContentVersionReader {
  const now = options.now ?? (() => performance.now());
  let value: string | null = null;
  let readAt = -Infinity;
  let pending: Promise<string | null> | undefined;
  return () => {
    if (now() - readAt < options.intervalMs) return Promise.resolve(value);
    if (pending) return pending;
    // Measured from when the read started: the answer is at least that fresh.
    const startedAt = now();
    pending = options.query().then(
      (token) => {
        value = token;
        readAt = token === null ? -Infinity : startedAt;
        pending = undefined;
        return token;
      },
      () => {
        value = null;
        readAt = -Infinity;
        pending = undefined;
        return null;
      },
    );
    return pending;
  };
}

/** Reads the token with one small pool of its own (Prisma is not loaded in the web server's own code). */
export function queryContentVersionFrom(databaseUrl: string): () => Promise<string | null> {
  // A database that does not answer a primary-key read within 2 s: the page is rendered by Next
  // (whose reads have the usual bounds) rather than the request waiting longer here.
  const bounds = boundedPoolOptions({ connectMs: 2_000, statementMs: 1_500, answerMs: 2_000 });
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1, idleTimeoutMillis: 30_000, allowExitOnIdle: true, ...bounds });
  // An idle connection closed by the server is replaced on the next query.
  pool.on("error", () => {});
  return async () => {
    const result = await pool.query<{ token: string }>(`SELECT "token" FROM "PublicContentVersion" WHERE "id" = 1`);
    return result.rows[0]?.token ?? "none";
  };
}

/**
 * The version for the page cache when DATABASE_REPLICA_URL is set: read from the server the page's
 * own reads go to (lib/database/read-routing.ts), so that a page is never kept under a version its
 * server has not replayed yet, and prefixed with the generation of that routing decision
 * ("3:token"): a page rendered while public reads moved between the servers is not kept
 * (page-cache-handler.ts compares the generation when the render ends). Without a replica, the
 * token from the primary as before.
 */
export function queryPublicContentVersion(primaryUrl: string, replicaUrl: string | undefined): () => Promise<string | null> {
  const primary = queryContentVersionFrom(primaryUrl);
  if (!replicaUrl) return primary;
  const replica = queryContentVersionFrom(replicaUrl);
  return async () => {
    const { source, generation } = publicReadSource();
    const token = await readPublicContentFrom(source, () => (currentReadSource() === "replica" ? replica() : primary()));
    return token === null ? null : `${generation}:${token}`;
  };
}

/** The routing generation a page cache version was read under (0: no replica). */
export function generationOfVersion(version: string): number {
  const match = /^(\d+):/.exec(version);
  return match ? Number(match[1]) : 0;
}
