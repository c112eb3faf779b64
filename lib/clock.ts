/**
 * The product's one clock. Everything that asks "what time is it" or "what day is it" asks here,
 * so tests can set the time and nothing depends on the day the suite runs. The server always runs
 * on the system clock; only tests call `setClock`.
 */
export type Clock = () => Date;

const systemClock: Clock = () => new Date();

// Kept on globalThis so that every copy of this module in one process (e.g. after bundling) shares it.
const state = globalThis as unknown as { gongkaiClock?: Clock };

/** The current instant. */
export function currentTime(): Date {
  return (state.gongkaiClock ?? systemClock)();
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
