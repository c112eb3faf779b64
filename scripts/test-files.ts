import { spawn } from "node:child_process";
import { once } from "node:events";
import { readdirSync } from "node:fs";
import path from "node:path";

/**
 * The test files of a folder (tests/unit, tests/integration) that the command line names: each
 * argument is part of a file name; one written "!part" leaves the files it names out. No argument
 * naming files: all of them.
 */
export function selectTestFiles(root: string, folder: string, args: string[]): string[] {
  const files = readdirSync(path.join(root, folder))
    .filter((name) => name.endsWith(".test.ts"))
    .sort()
    .map((name) => path.join(folder, name));
  const only = args.filter((arg) => !arg.startsWith("!"));
  const except = args.filter((arg) => arg.startsWith("!")).map((arg) => arg.slice(1));
  return files.filter((file) => !only.length || only.some((part) => file.includes(part))).filter((file) => !except.some((part) => file.includes(part)));
}

/** TEST_CONCURRENCY: how many test files run at once (default 2); a bad value stops the run. */
export function testConcurrency(): number {
  const concurrency = Number.parseInt(process.env.TEST_CONCURRENCY ?? "2", 10);
  if (!(concurrency >= 1)) {
    console.error(`TEST_CONCURRENCY must be a whole number of at least 1 (it is "${process.env.TEST_CONCURRENCY}").`);
    process.exit(1);
  }
  return concurrency;
}

/**
 * Runs the files with Node's test runner (through tsx, with the react-server condition) and
 * resolves with its exit code. Asynchronously, so that the calling process keeps reading any
 * child's output it holds (the integration runner's embedded PostgreSQL: a blocked event loop lets
 * its pipe fill, and then every PostgreSQL process that logs a line waits for ever).
 */
export async function runTestFiles(files: string[], concurrency: number): Promise<number> {
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "--test", `--test-concurrency=${concurrency}`, "--test-reporter=spec", ...files],
    { stdio: "inherit", env: process.env },
  );
  const [code] = (await once(child, "exit")) as [number | null];
  return code ?? 1;
}
