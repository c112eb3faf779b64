import { z } from "zod";

const defaultMaximumMegabytes = 20;

// Any string map, so tests can pass a plain object instead of mutating process.env.
type UploadLimitsEnvironment = Record<string, string | undefined>;

// Uploads are held in memory whole (a request body, then a Buffer), so the ceiling stays well
// below what one Node process can buffer comfortably.
const attachmentMaximumMegabytesSchema = z.coerce
  .number()
  .int("ATTACHMENT_MAX_MB must be a whole number of megabytes")
  .min(1, "ATTACHMENT_MAX_MB must be at least 1")
  .max(1024, "ATTACHMENT_MAX_MB must be at most 1024");

/** The largest attachment accepted, in megabytes (ATTACHMENT_MAX_MB, default 20). */
export function maxAttachmentMegabytes(environment: UploadLimitsEnvironment = process.env): number {
  const configured = environment.ATTACHMENT_MAX_MB?.trim();
  if (!configured) return defaultMaximumMegabytes;
  const parsed = attachmentMaximumMegabytesSchema.safeParse(configured);
  if (!parsed.success) {
    // A misconfigured limit is an operator's mistake: fail loudly rather than fall back silently.
    throw new Error(`Invalid ATTACHMENT_MAX_MB "${configured}": ${parsed.error.issues[0]?.message}`);
  }
  return parsed.data;
}

/** The largest attachment accepted, in bytes (1 MB = 1024 × 1024 bytes). */
export function maxAttachmentBytes(environment: UploadLimitsEnvironment = process.env): number {
  return maxAttachmentMegabytes(environment) * 1024 * 1024;
}
