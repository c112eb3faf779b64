import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";

/**
 * `npm start` with a wrong configuration value stops before anything else: no database started,
 * no build, a non-zero exit and a message naming the variable (lib/config.ts, scripts/serve.ts).
 */
function npmStart(environment: Record<string, string>): Promise<{ code: number | null; output: string; seconds: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["start", "--silent"], {
      cwd: process.cwd(),
      env: { ...process.env, DATABASE_URL: "", ...environment },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`npm start did not stop within 60 s:\n${output}`));
    }, 60_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output, seconds: (performance.now() - started) / 1000 });
    });
  });
}

for (const [variable, value, expected] of [
  ["PORT", "abc", /PORT="abc": expected a whole number from 0 to 65535/],
  ["DATABASE_POOL_SIZE", "0", /DATABASE_POOL_SIZE="0": expected a whole number of connections from 1 to 1000/],
  ["TRUST_PROXY", "2", /TRUST_PROXY="2": give the proxies' addresses or CIDR ranges/],
] as const) {
  test(`npm start with ${variable}=${value} exits non-zero, naming the variable, before starting the database`, async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "gongkai-config-"));
    try {
      const { code, output, seconds } = await npmStart({ [variable]: value, DATA_DIR: dataDir, EMBEDDED_DATABASE_PORT: "54998" });
      assert.notEqual(code, 0, output);
      assert.match(output, expected);
      assert.match(output, /Not started/);
      assert.doesNotMatch(output, /PostgreSQL|Applied migrations|Building/, "nothing was started");
      assert.equal(existsSync(path.join(dataDir, "postgres")), false, "no embedded database was created");
      assert.deepEqual(readdirSync(dataDir), [], "DATA_DIR untouched");
      assert.ok(seconds < 30, `stopped in ${seconds.toFixed(1)} s`);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
}
