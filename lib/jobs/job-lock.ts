import "server-only";
import { databasePool } from "@/lib/database/pool";
import { todayInBeijing } from "@/lib/dates";
import type { IsoDate } from "@/lib/deadlines/iso-date";

/**
 * Runs `work` only if no other process (on this machine or another, all on one primary) is running
 * the job of that name now: a PostgreSQL session advisory lock, held on one pooled connection for
 * the run and released after it (or by the server when the process dies and its connection closes).
 * A process that finds the lock taken skips this round instead of waiting: the holder does the work.
 */
export async function runExclusively<T>(job: string, work: () => Promise<T>): Promise<{ ran: true; result: T } | { ran: false }> {
  const key = `gongkai:job:${job}`;
  const client = await databasePool().connect();
  let broken = false;
  try {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock(hashtext($1)) AS locked", [key]);
    if (!rows[0]?.locked) return { ran: false };
    try {
      return { ran: true, result: await work() };
    } finally {
      // A connection that cannot give its lock back is closed instead, which releases it.
      await client.query("SELECT pg_advisory_unlock(hashtext($1))", [key]).catch(() => {
        broken = true;
      });
    }
  } finally {
    client.release(broken || undefined);
  }
}

const globalForDays = globalThis as unknown as { gongkaiJobDays?: Map<string, IsoDate> };

/**
 * A daily job of the scheduler's rounds: runs `work` (under `runExclusively`) at most once a Beijing
 * day in this process. A round that found the lock taken tries again on the next tick; once one
 * has run, the rest of the day skips it.
 */
export async function runOnceADay<T>(job: string, work: (today: IsoDate) => Promise<T>): Promise<{ ran: true; result: T } | { ran: false }> {
  const days = (globalForDays.gongkaiJobDays ??= new Map());
  const today = todayInBeijing();
  if (days.get(job) === today) return { ran: false };
  const outcome = await runExclusively(job, () => work(today));
  if (outcome.ran) days.set(job, today);
  return outcome;
}
