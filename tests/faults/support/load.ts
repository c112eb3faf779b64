import { performance } from "node:perf_hooks";
import type { AskOptions, Product } from "./product";

/** One request of the load and what became of it (status 0: no answer). */
export type Sent = { kind: string; path: string; marker?: string; startedAt: number; endedAt: number; status: number; body: string };

export type LoadRequest = { kind: string; path: string; options?: AskOptions; marker?: string };

/**
 * A steady closed-loop load: each worker sends its next request as soon as the previous one is
 * answered. `next(worker, n)` says what worker `worker` sends as its n-th request. Times are
 * performance.now() milliseconds.
 */
export function startLoad(product: Product, workers: number, next: (worker: number, n: number) => LoadRequest, timeoutMs: number) {
  const sent: Sent[] = [];
  let running = true;
  const loops = Array.from({ length: workers }, async (_, worker) => {
    for (let n = 0; running; n++) {
      const request = next(worker, n);
      const startedAt = performance.now();
      const answer = await product.ask(request.path, { ...request.options, timeoutMs });
      sent.push({
        kind: request.kind,
        path: request.path,
        marker: request.marker,
        startedAt,
        endedAt: startedAt + answer.ms,
        status: answer.status,
        body: answer.body.slice(0, 160),
      });
      // A refused connection answers at once: do not spin.
      if (answer.status === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  return {
    sent,
    /** Stops sending and waits for the requests in flight. */
    async stop(): Promise<Sent[]> {
      running = false;
      await Promise.all(loops);
      return sent;
    },
  };
}

/** Samples `probe` every `everyMs` until stopped, keeping each answer and when it was asked. */
export function startSampling(product: Product, pathname: string, everyMs: number, timeoutMs: number) {
  const samples: Sent[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const startedAt = performance.now();
      const answer = await product.ask(pathname, { timeoutMs });
      samples.push({ kind: "health", path: pathname, startedAt, endedAt: startedAt + answer.ms, status: answer.status, body: answer.body.slice(0, 160) });
      const wait = everyMs - answer.ms;
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  })();
  return {
    samples,
    async stop(): Promise<Sent[]> {
      running = false;
      await loop;
      return samples;
    },
  };
}
