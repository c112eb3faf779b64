/**
 * How many web processes `npm start` runs behind its one port: WEB_CONCURRENCY (lib/config.ts,
 * 1–64), or one per core (each process renders on one core; the page cache answers from memory
 * in each).
 */
export function webConcurrencyFrom(configured: number | undefined, cores: number): number {
  return configured ?? Math.max(1, cores);
}
