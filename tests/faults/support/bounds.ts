/**
 * What the fault tests promise, in one place: the tests assert these bounds, and docs/security.md
 * shows them as a table (between `<!-- faults:start -->` and `<!-- faults:end -->`), which a unit
 * test (tests/unit/fault-bounds-doc.test.ts) keeps equal to `renderFaultBoundsTable()`.
 */
import { databaseTimeouts } from "@/lib/database/database-client";

export const outageBounds = {
  /** How long the database is stopped, each way. */
  outageSeconds: 30,
  /**
   * /api/health answers 503 within this while the database is down: its own check gives up at 2 s,
   * and the web process, busy with the load on a 2-core machine, takes up to about 1 s more.
   */
  healthAnswerSeconds: 4,
  /** /api/health has answered 503 within this after the database stopped (the first 503 a monitor sees). */
  healthTurns503Seconds: 5,
  /**
   * Every request of the load is answered (any status) within this, during the outage too: an
   * authenticated API request may wait for an answer twice (its token's lastUsedAt is recorded
   * best-effort, then its own statements), 12 s each (lib/database/database-client.ts), + 1 s.
   */
  longestAnswerSeconds: (2 * databaseTimeouts({}).answerMs) / 1000 + 1,
  /** /api/health answers 200 again within this after the database is back. */
  recoverySeconds: 10,
};

export const importKillBounds = {
  rows: 10_000,
  /** The supervisor has the web process serving again within this after the SIGKILL. */
  restartSeconds: 60,
};

/** The table of docs/security.md's fault section, from the bounds above. */
export function renderFaultBoundsTable(): string {
  const o = outageBounds;
  const k = importKillBounds;
  const n = k.rows.toLocaleString("en-US");
  const outage = [
    `\`/api/health\` has turned 503 within ${o.healthTurns503Seconds} s of the stop, and answers 503 within ${o.healthAnswerSeconds} s every time it is asked`,
    `no request hangs: each is answered (with some status) within ${o.longestAnswerSeconds} s`,
    `\`/api/health\` answers 200 within ${o.recoverySeconds} s of the database's return; every request sent after that, read or write, succeeds`,
    "0 half-stored writes: every decision written has its audit row and every audit row its decision; every write answered 201 is stored",
    "0 transactions left open",
  ].join("<br>");
  return [
    "| fault | bounds the tests assert |",
    "|---|---|",
    `| the database **frozen** for ${o.outageSeconds} s under load: every PostgreSQL process SIGSTOPped (connections stay open, nothing answers: a hung host, a lost network) | ${outage} |`,
    `| the database **shut down** for ${o.outageSeconds} s under load: \`pg_ctl stop -m fast\`, then started again (connections closed, new ones refused) | the same |`,
    `| the web process SIGKILLed during a ${n}-row import, when its transaction has written the batch row and every decision but not committed | 0 rows of that import, no batch row, no audit row<br>the same database server keeps running<br>\`npm start\` serves again within ${k.restartSeconds} s (\`web.pid\` names the new process); the import sent again is stored whole: ${n} rows, 1 batch, 1 audit row |`,
    `| the web process SIGKILLed during a ${n}-row import, at a moment chosen by timing while its transaction runs | all of it (${n} rows, its batch and audit row) or none of it<br>served again within ${k.restartSeconds} s; when none of it was stored, the import sent again is stored whole |`,
  ].join("\n");
}
