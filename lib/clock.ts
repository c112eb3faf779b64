/**
 * The product's one clock. Everything that asks "what time is it" or "what day is it" asks here,
 * so tests can set the time and nothing depends on the day the suite runs. The server runs on the
 * system clock, unless CLOCK_START_FOR_TESTS names an instant (the end-to-end tests start the
 * server on a fixed working day with it); integration tests call `setClock`.
 */
import { readConfig } from "@/lib/config";

export type Clock = () => Date;

const systemClock: Clock = () => new Date();

// Kept on globalThis so that every copy of this module in one process (e.g. after bundling) shares it.
const state = globalThis as unknown as { gongkaiClock?: Clock };

/** The current instant. */
export function currentTime(): Date {
  state.gongkaiClock ??= clockFromEnvironment();
  return (state.gongkaiClock ?? systemClock)();
}

function clockFromEnvironment(): Clock | undefined {
  const start = readConfig().CLOCK_START_FOR_TESTS;
  if (!start) return undefined;
  console.warn(`[gongkai] CLOCK_START_FOR_TESTS is set: the clock started at ${start}. Never set it in production.`);
  return clockStartingAt(start);
}

/** Replaces the clock (null restores the system clock). For tests. */
export function setClock(clock: Clock | null): void {
  state.gongkaiClock = clock ?? undefined;
}

/**
 * A clock that reads `start` now and then runs at real speed, so that durations (rate-limit
 * windows, lock timeouts) behave as they do in production.
 */
export function clockStartingAt(start: Date | string): Clock {
  const startMs = new Date(start).getTime();
  if (Number.isNaN(startMs)) throw new Error(`Not an instant: ${String(start)}`);
  const realStart = performance.now();
  return () => new Date(startMs + (performance.now() - realStart));
}

/**
 * Runs `work` on `clock` and then puts back the clock that was in force (also when `work` fails):
 * for seeding back-dated history through the real data layer, whose rows and audit trail read the
 * product's clock.
 */
export async function withClock<T>(clock: Clock, work: () => Promise<T>): Promise<T> {
  state.gongkaiClock ??= clockFromEnvironment();
  const previous = state.gongkaiClock;
  state.gongkaiClock = clock;
  try {
    return await work();
  } finally {
    state.gongkaiClock = previous;
  }
}
