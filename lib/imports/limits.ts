import { configFrom } from "@/lib/config";

// Any string map, so tests can pass a plain object instead of mutating process.env.
type ImportLimitsEnvironment = Record<string, string | undefined>;

/**
 * The largest spreadsheet any import accepts, in megabytes (IMPORT_MAX_MB, default 20: the largest
 * of the limits the imports had before they shared one). A bad value is refused when the
 * configuration is parsed (lib/config.ts).
 */
export function maxImportMegabytes(environment?: ImportLimitsEnvironment): number {
  return configFrom(environment).IMPORT_MAX_MB;
}

/** The largest spreadsheet any import accepts, in bytes (1 MB = 1024 × 1024 bytes). */
export function maxImportBytes(environment?: ImportLimitsEnvironment): number {
  return maxImportMegabytes(environment) * 1024 * 1024;
}
