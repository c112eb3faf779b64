import type { Readable } from "node:stream";

/**
 * Where uploaded files live: one interface, two drivers (the local data directory, the default, and
 * an S3-compatible bucket). Keys are the `storagePath` strings the database already holds
 * (`uploads/2026/11/<uuid>.pdf`), whichever driver stores them, so switching drivers needs no
 * change to any row.
 */
export interface ObjectStore {
  /** For messages: `the local directory /srv/gongkai/.data/uploads`, `s3://bucket/prefix`. */
  readonly description: string;
  /**
   * Stores `body` under `key`, replacing what was there. A reader never sees a partly written
   * object: either the old one, the whole new one, or (when the write fails) the old one still.
   * A stream that ends before `size` bytes, or goes on past it, fails the write.
   */
  put(key: string, body: ObjectBody): Promise<void>;
  /** The whole object; NotFoundError when there is none. */
  read(key: string): Promise<Buffer>;
  /** The object as a stream with its size, for downloads and backups; NotFoundError when there is none. */
  openRead(key: string): Promise<{ stream: Readable; size: number }>;
  /** The object's size, or null when there is none. */
  stat(key: string): Promise<{ size: number } | null>;
  /** Deletes the object; one that is already gone is not an error. */
  remove(key: string): Promise<void>;
  /** Every object whose key is under `uploads/` (in no particular order). */
  list(): AsyncIterable<StoredObject>;
}

export type ObjectBody = Uint8Array | { stream: Readable; size: number };

export type StoredObject = { key: string; size: number };

export const UPLOADS_FOLDER = "uploads";

/**
 * A storage key is `uploads/` and plain segments: no empty, `.`/`..` or hidden segments (the local
 * driver's half-written files are hidden), no backslashes or control characters, at most 1000
 * bytes (S3's limit is 1024). Keys come from the database, but a tampered row or a bug must not
 * reach outside the uploads folder (local) or the installation's prefix (S3).
 */
export function isStorageKey(key: string): boolean {
  if (!key.startsWith(`${UPLOADS_FOLDER}/`) || Buffer.byteLength(key) > 1000) return false;
  return key
    .split("/")
    .slice(1)
    .every((segment) => segment.length > 0 && !segment.startsWith(".") && !/[\\\u0000-\u001f\u007f]/.test(segment));
}

export function assertStorageKey(key: string): void {
  if (!isStorageKey(key)) throw new Error(`Refusing attachment path outside ${UPLOADS_FOLDER}/: ${JSON.stringify(key)}`);
}

export function bodySize(body: ObjectBody): number {
  return body instanceof Uint8Array ? body.byteLength : body.size;
}
