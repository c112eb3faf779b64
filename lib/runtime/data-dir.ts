import { mkdirSync } from "node:fs";
import path from "node:path";
import { readConfig } from "@/lib/config";

/** Where the embedded database, uploads and generated secrets live (DATA_DIR, default `.data/`). */
export function resolveDataDir(): string {
  // The comment keeps Next's file tracing from pulling the whole project into the server bundle.
  const dataDir = path.resolve(/* turbopackIgnore: true */ process.cwd(), readConfig().DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  return dataDir;
}
