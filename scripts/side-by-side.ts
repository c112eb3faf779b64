/**
 * `node --import tsx scripts/side-by-side.ts lint typecheck`: runs the named npm scripts at the
 * same time and fails when any of them fails. Each one's output is held and printed whole when it
 * ends, so the logs do not interleave. `npm test` runs its checks this way: ESLint, Prettier and
 * the type check each use little more than one core, and one after the other they left the second
 * core of a two-core CI machine idle for about half a minute.
 */
import { spawn } from "node:child_process";

const scripts = process.argv.slice(2);
if (!scripts.length) {
  console.error("Name the npm scripts to run, e.g. lint typecheck.");
  process.exit(2);
}

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function run(script: string): Promise<number> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(npm, ["run", "--silent", script], { stdio: ["ignore", "pipe", "pipe"], env: process.env });
    const output: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk));
    child.on("error", (error) => {
      output.push(Buffer.from(`${error.message}\n`));
      resolve(1);
    });
    child.on("close", (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(`\n> npm run ${script} (${code === 0 ? "passed" : `failed, exit code ${code}`}, ${seconds} s)\n`);
      process.stdout.write(Buffer.concat(output));
      resolve(code ?? 1);
    });
  });
}

const codes = await Promise.all(scripts.map(run));
process.exit(codes.find((code) => code !== 0) ?? 0);
