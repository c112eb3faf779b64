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
