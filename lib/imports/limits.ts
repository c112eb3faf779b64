import { z } from "zod";

// The largest of the limits the imports had before they shared one (ledger 20 MB, decisions
// ATTACHMENT_MAX_MB = 20 MB, inspection lists 10 MB, proposals 5 MB): nothing that imported then is refused now.
const defaultMaximumMegabytes = 20;

// Any string map, so tests can pass a plain object instead of mutating process.env.
type ImportLimitsEnvironment = Record<string, string | undefined>;

const importMaximumMegabytesSchema = z.coerce
  .number()
  .int("IMPORT_MAX_MB must be a whole number of megabytes")
  .min(1, "IMPORT_MAX_MB must be at least 1")
  .max(1024, "IMPORT_MAX_MB must be at most 1024");

/** The largest spreadsheet any import accepts, in megabytes (IMPORT_MAX_MB, default 20). */
export function maxImportMegabytes(environment: ImportLimitsEnvironment = process.env): number {
  const configured = environment.IMPORT_MAX_MB?.trim();
  if (!configured) return defaultMaximumMegabytes;
  const parsed = importMaximumMegabytesSchema.safeParse(configured);
  if (!parsed.success) {
    // A misconfigured limit is an operator's mistake: fail loudly rather than fall back silently.
    throw new Error(`Invalid IMPORT_MAX_MB "${configured}": ${parsed.error.issues[0]?.message}`);
  }
  return parsed.data;
}

/** The largest spreadsheet any import accepts, in bytes (1 MB = 1024 × 1024 bytes). */
export function maxImportBytes(environment: ImportLimitsEnvironment = process.env): number {
  return maxImportMegabytes(environment) * 1024 * 1024;
}
