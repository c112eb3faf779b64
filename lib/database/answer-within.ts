/**
 * `read`'s answer, or `fallback` when it has not come within `ms`: for optional or diagnostic reads
 * (health, the pages' content version) that must not wait the pool's full statement limit. The
 * read itself goes on; its late answer is dropped.
 */
export function answerWithin<T, F>(read: Promise<T>, ms: number, fallback: F): Promise<T | F> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<F>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  return Promise.race([read, limit]).finally(() => clearTimeout(timer));
}
