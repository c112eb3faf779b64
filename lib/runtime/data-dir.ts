import { mkdirSync } from "node:fs";
import path from "node:path";

/** Where the embedded database, uploads and generated secrets live (DATA_DIR, default `.data/`). */
export function resolveDataDir(): string {
  const dataDir = path.resolve(process.env.DATA_DIR || ".data");
  mkdirSync(dataDir, { recursive: true });
  return dataDir;
}
