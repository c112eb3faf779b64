import { configFrom } from "@/lib/config";

// Any string map, so tests can pass a plain object instead of mutating process.env.
type UploadLimitsEnvironment = Record<string, string | undefined>;

/**
 * The largest attachment accepted, in megabytes (ATTACHMENT_MAX_MB, default 20, at most 1024:
 * uploads are held in memory whole, a request body and then a Buffer). A bad value is refused
 * when the configuration is parsed (lib/config.ts).
 */
export function maxAttachmentMegabytes(environment?: UploadLimitsEnvironment): number {
  return configFrom(environment).ATTACHMENT_MAX_MB;
}

/** The largest attachment accepted, in bytes (1 MB = 1024 × 1024 bytes). */
export function maxAttachmentBytes(environment?: UploadLimitsEnvironment): number {
  return maxAttachmentMegabytes(environment) * 1024 * 1024;
}
