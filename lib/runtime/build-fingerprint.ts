import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { once } from "node:events";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

// Everything that changes what `next build` produces. Content, not mtimes: a fresh clone has new mtimes.
const INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
  "prisma/schema",
];

function listFiles(entry: string): string[] {
  if (!existsSync(entry)) return [];
  if (statSync(entry).isFile()) return [entry];
  return readdirSync(entry, { withFileTypes: true })
    .flatMap((child) => listFiles(path.join(entry, child.name)))
    .sort();
}

export function computeBuildFingerprint(root: string): string {
  const hash = createHash("sha256");
  for (const input of INPUTS) {
    for (const file of listFiles(path.join(root, input))) {
      hash.update(path.relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
    }
  }
  return hash.digest("hex");
}

const fingerprintFile = (root: string) => path.join(root, ".next", "gongkai-build-fingerprint");

export function isBuildCurrent(root: string): boolean {
  const file = fingerprintFile(root);
  return existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(file) && readFileSync(file, "utf8") === computeBuildFingerprint(root);
}

export function fingerprintPath(root: string): string {
  return fingerprintFile(root);
}

/**
 * `next build` when the build is missing or its sources changed; true when a current build is
 * there afterwards. Asynchronous on purpose: a caller that also reads the embedded server's log
 * pipe must keep its event loop free while the build runs. Two builds in one directory at once
 * break each other, so the integration runner builds before it starts the files that serve the app.
 */
export async function buildIfStale(root: string, log: (message: string) => void): Promise<boolean> {
  if (isBuildCurrent(root)) return true;
  log("Building the app (first start or changed sources)…");
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  const build = spawn(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit", env: process.env });
  const [status] = (await once(build, "exit")) as [number | null];
  if (status !== 0) return false;
  writeFileSync(fingerprintFile(root), computeBuildFingerprint(root));
  return true;
}
