/**
 * How many web processes `npm start` runs behind its one port: WEB_CONCURRENCY, or one per core
 * (each process renders on one core; the page cache answers from memory in each).
 */
export function webConcurrencyFrom(environment: Record<string, string | undefined>, cores: number): number {
  const raw = environment.WEB_CONCURRENCY?.trim();
  if (raw === undefined || raw === "") return Math.max(1, cores);
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 64) throw new Error(`WEB_CONCURRENCY must be a whole number from 1 to 64 (it is "${raw}").`);
  return value;
}
