/**
 * When to restart a crashed web process: at once-ish the first time, then twice as long after
 * each crash that follows quickly (1 s, 2 s, 4 s … at most 30 s), so a process that cannot stay
 * up does not spin. A process that stayed up for `resetAfterMs` earned a fresh start: its crash
 * is treated as the first again.
 */
export type RestartBackoffOptions = { initialMs: number; maxMs: number; resetAfterMs: number };

export const defaultRestartBackoff: RestartBackoffOptions = { initialMs: 1_000, maxMs: 30_000, resetAfterMs: 60_000 };

export class RestartBackoff {
  private crashesInARow = 0;

  constructor(private readonly options: RestartBackoffOptions = defaultRestartBackoff) {}

  /** The delay before restarting a process that crashed after running for `upForMs`. */
  delayAfterCrash(upForMs: number): number {
    if (upForMs >= this.options.resetAfterMs) this.crashesInARow = 0;
    const delay = Math.min(this.options.maxMs, this.options.initialMs * 2 ** this.crashesInARow);
    this.crashesInARow++;
    return delay;
  }

  /** How many crashes in a row (without a long enough run between them) so far. */
  get crashes(): number {
    return this.crashesInARow;
  }
}
