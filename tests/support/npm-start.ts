/**
 * `npm start` (scripts/serve.ts) as a child process for the integration tests that drive the whole
 * product: started with the caller's environment, its output collected, and a wait that fails at
 * once, with the output, when the server exits instead of answering.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { performance } from "node:perf_hooks";

/** A probe's way to stop the wait at once (the server exited); any other failure of a probe is "not yet". */
export class StopWaiting extends Error {}

export type NpmStart = {
  server: ChildProcess;
  /** Everything npm start printed so far. */
  output(): string;
  /** Polls `probe` until it gives a value; a StopWaiting from it, or the time-out, fails with the server's output. */
  waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T>;
};

export async function startNpmStart(environment: NodeJS.ProcessEnv, pollMs = 100): Promise<NpmStart> {
  let output = "";
  const server = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/serve.ts"], {
    env: environment,
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const waitFor = async <T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> => {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const value = await probe().catch((error: unknown) => {
        if (error instanceof StopWaiting) throw new Error(`${error.message} while waiting for ${what}. Server output:\n${output.slice(-4000)}`);
        return undefined;
      });
      if (value !== undefined) return value;
      if (performance.now() > deadline) throw new Error(`Timed out waiting for ${what}. Server output:\n${output.slice(-4000)}`);
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  };
  // A build, when needed, takes minutes on a busy 2-core machine.
  await waitFor(
    "the site to be served",
    async () =>
      output.includes("Gongkai is served at")
        ? true
        : server.exitCode !== null
          ? Promise.reject(new StopWaiting(`npm start exited (${server.exitCode})`))
          : undefined,
    20 * 60_000,
  );
  return { server, output: () => output, waitFor };
}
