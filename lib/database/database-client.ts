import pg from "pg";
import { configFrom } from "@/lib/config";

export type DatabaseTimeouts = {
  /** Opening a connection, or waiting for a free one of the pool. */
  connectMs: number;
  /** The server cancels a statement that runs longer (PostgreSQL's statement_timeout). */
  statementMs: number;
  /** The client stops waiting for any answer after this: the server is frozen or out of reach. */
  answerMs: number;
};

/**
 * How long the web process waits for the database. Without these bounds a request waits as long as
 * the database is unreachable: a frozen server (a hung host, a lost network) accepts connections
 * and answers nothing. DATABASE_STATEMENT_TIMEOUT_S (default 10) is the longest a statement may
 * run; the client gives the server 2 s more to say so before it gives up on the connection.
 */
export function databaseTimeouts(environment?: Record<string, string | undefined>): DatabaseTimeouts {
  const statementSeconds = configFrom(environment).DATABASE_STATEMENT_TIMEOUT_S;
  // 0: no limit on statements, and so none on waiting for their answers.
  if (statementSeconds === 0) return { connectMs: 5_000, statementMs: 0, answerMs: 0 };
  return { connectMs: 5_000, statementMs: statementSeconds * 1000, answerMs: statementSeconds * 1000 + 2_000 };
}

/**
 * The options that bound every wait of a node-postgres pool (lib/db.ts's, the search engine's, the
 * page cache's version check): opening or borrowing a connection, a statement, an answer. A pool
 * whose queries are optional may wait less (`shorter`).
 */
export function boundedPoolOptions(shorter: Partial<DatabaseTimeouts> = {}) {
  const timeouts = { ...databaseTimeouts(), ...shorter };
  return {
    connectionTimeoutMillis: timeouts.connectMs,
    statement_timeout: timeouts.statementMs || undefined,
    query_timeout: timeouts.answerMs || undefined,
    Client: DatabaseClient,
  } satisfies pg.PoolConfig;
}

const noAnswerMessage = "Query read timeout";

/**
 * node-postgres's client, except that a connection whose query got no answer in time (pg's
 * `query_timeout`) is closed at once instead of going back to the pool. pg only stops waiting: the
 * query stays in flight, the ROLLBACK that follows queues behind it and is dropped when it times
 * out too, and the connection returns to the pool inside the open transaction, so the next
 * request's statements would run, and commit, in it (half of the earlier write included).
 * A closed connection fails its queued statements at once, and the server, when it answers
 * again, finds the client gone and rolls the transaction back (unless its COMMIT had already
 * been sent: then all of it is stored).
 */
export class DatabaseClient extends pg.Client {
  // pg's overloads, passed through unchanged.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one override must accept and return every overload of pg.Client.query
  override query(...args: any[]): any {
    const last = args.length - 1;
    const callback: unknown = args[last];
    if (typeof callback === "function") {
      args[last] = (error: unknown, ...rest: unknown[]) => {
        this.closeIfUnanswered(error);
        return callback(error, ...rest);
      };
      return (super.query as (...parameters: unknown[]) => unknown).apply(this, args);
    }
    const result = (super.query as (...parameters: unknown[]) => unknown).apply(this, args);
    if (!(result instanceof Promise)) return result;
    return result.catch((error: unknown) => {
      this.closeIfUnanswered(error);
      throw error;
    });
  }

  private closeIfUnanswered(error: unknown): void {
    if (error instanceof Error && error.message === noAnswerMessage) this.connection.stream.destroy();
  }
}
