/**
 * `npm run test:checks`: the lint, the type check and the unit tests at once (none needs a
 * database or a server, and each alone leaves a core idle part of the time). Each one's output is
 * printed whole when it ends, so that the three never interleave; the run fails if any of them does.
 */
import { spawn } from "node:child_process";

const scripts = ["lint", "typecheck", "test:unit"];

const results = await Promise.all(
  scripts.map(
    (script) =>
      new Promise<{ script: string; code: number; output: string; seconds: number }>((resolve) => {
        const started = Date.now();
        const child = spawn("npm", ["run", script], { env: process.env, stdio: ["ignore", "pipe", "pipe"] });
        const chunks: Buffer[] = [];
        child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
        child.stderr.on("data", (chunk: Buffer) => chunks.push(chunk));
        child.on("close", (code) => {
          const result = { script, code: code ?? 1, output: Buffer.concat(chunks).toString("utf8"), seconds: (Date.now() - started) / 1000 };
          process.stdout.write(
            `${result.output}\n[test:checks] ${script}: ${result.code === 0 ? "passed" : `failed (exit ${result.code})`} in ${result.seconds.toFixed(0)} s\n`,
          );
          resolve(result);
        });
      }),
  ),
);

const failed = results.filter((result) => result.code !== 0).map((result) => result.script);
if (failed.length) console.error(`[test:checks] failed: ${failed.join(", ")}`);
process.exit(failed.length ? 1 : 0);
