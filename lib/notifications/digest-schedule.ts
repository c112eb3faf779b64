/** When a daily digest goes out: pure, Beijing time (UTC+8 all year), no clock of its own. */

const beijingOffsetMs = 8 * 3_600_000;

/** The next instant after `now` at `hour`:00 Beijing time. */
export function nextDigestTime(now: Date, hour: number): Date {
  const beijing = new Date(now.getTime() + beijingOffsetMs);
  const candidate = Date.UTC(beijing.getUTCFullYear(), beijing.getUTCMonth(), beijing.getUTCDate(), hour) - beijingOffsetMs;
  return new Date(candidate > now.getTime() ? candidate : candidate + 86_400_000);
}

/** Seconds to wait before attempt `attempts + 1` after a failure: 1, 2, 4, … minutes, at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
}

/** After this many failed attempts a delivery is given up (status `failed`, the error kept). */
export const maximumAttempts = 8;
