import { constants, crc32, deflateRawSync } from "node:zlib";

/**
 * The web server's cache of rendered public pages (lib/runtime/web-server.ts): a public page is
 * the same for every anonymous visitor until something is published, so it is rendered once per
 * public content version and then answered from memory, which costs about what a static file
 * costs instead of a React render and several queries.
 *
 * Each page carries a Content-Security-Policy nonce that must be fresh on every response. A page
 * is therefore kept as a template: its body cut at every occurrence of the nonce it was rendered
 * with, so that each answer is the same bytes with a new nonce put back in (and the policy header
 * sent with that nonce).
 *
 * Memory is bounded by bytes: least recently used pages are dropped first. Entries also expire
 * after `maxAgeMs`, so a page whose content depends on something other than publications (the
 * date) is rendered again now and then. Pure: no Next, no database; time is monotonic
 * (performance.now), which is about durations, not the date.
 */

export type CachedPage = {
  status: number;
  /** Response headers as rendered, without the policy, Content-Length and per-response headers. */
  headers: [name: string, value: string][];
  /** The body cut at each occurrence of the render's nonce (one more piece than occurrences). */
  segments: Buffer[];
  /** The same pieces, each compressed on its own (see gzipWithNonce). */
  gzipSegments?: Buffer[];
  /** The entity tag the page was rendered with (from the public content version), if any. */
  entityTag: string | undefined;
  storedAt: number;
  bytes: number;
};

export type PageCacheOptions = {
  maxBytes: number;
  maxAgeMs: number;
  /** Monotonic milliseconds; injectable for tests. */
  now?: () => number;
};

/** Pages larger than this share of the whole cache are not kept (one page must not evict all others). */
const LARGEST_SHARE = 8;

export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  private totalBytes = 0;
  private readonly now: () => number;

  constructor(private readonly options: PageCacheOptions) {
    this.now = options.now ?? (() => performance.now());
  }

  get bytes(): number {
    return this.totalBytes;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Whether a page of this many bytes may be kept at all. */
  accepts(bytes: number): boolean {
    return this.options.maxBytes > 0 && bytes <= this.options.maxBytes / LARGEST_SHARE;
  }

  get(key: string): CachedPage | undefined {
    const page = this.entries.get(key);
    if (!page) return undefined;
    if (this.now() - page.storedAt > this.options.maxAgeMs) {
      this.delete(key);
      return undefined;
    }
    // Most recently used last: Map keeps insertion order, so eviction takes from the front.
    this.entries.delete(key);
    this.entries.set(key, page);
    return page;
  }

  set(key: string, page: Omit<CachedPage, "storedAt" | "bytes">): boolean {
    const bytes =
      key.length +
      [...page.segments, ...(page.gzipSegments ?? [])].reduce((sum, segment) => sum + segment.length, 0) +
      page.headers.reduce((sum, [name, value]) => sum + name.length + value.length, 0) +
      200;
    if (!this.accepts(bytes)) return false;
    this.delete(key);
    this.entries.set(key, { ...page, storedAt: this.now(), bytes });
    this.totalBytes += bytes;
    for (const [oldest] of this.entries) {
      if (this.totalBytes <= this.options.maxBytes) break;
      this.delete(oldest);
    }
    return true;
  }

  clear(): void {
    this.entries.clear();
    this.totalBytes = 0;
  }

  private delete(key: string): void {
    const page = this.entries.get(key);
    if (!page) return;
    this.entries.delete(key);
    this.totalBytes -= page.bytes;
  }
}

/** Cuts `body` at every occurrence of `nonce`. */
export function cutAtNonce(body: Buffer, nonce: string): Buffer[] {
  const needle = Buffer.from(nonce);
  const segments: Buffer[] = [];
  let start = 0;
  for (let found = body.indexOf(needle, start); found !== -1; found = body.indexOf(needle, start)) {
    segments.push(body.subarray(start, found));
    start = found + needle.length;
  }
  segments.push(body.subarray(start));
  // Own copies: the rendered chunks may be views of larger buffers that must not stay alive.
  return segments.map((segment) => Buffer.from(segment));
}

/** The body with `nonce` put back at every cut. */
export function bodyWithNonce(segments: Buffer[], nonce: string): Buffer {
  if (segments.length === 1) return segments[0];
  const needle = Buffer.from(nonce);
  const parts: Buffer[] = [];
  segments.forEach((segment, index) => {
    if (index > 0) parts.push(needle);
    parts.push(segment);
  });
  return Buffer.concat(parts);
}

/** The nonce a page was rendered with, read from its Content-Security-Policy. */
export function nonceOfPolicy(policy: string | undefined): string | undefined {
  return policy ? /'nonce-([A-Za-z0-9+/=_-]+)'/.exec(policy)?.[1] : undefined;
}

/**
 * Each piece of a page compressed on its own (raw deflate), so that a gzip answer can be put
 * together per response without compressing the page again: every piece but the last ends with a
 * sync flush (byte-aligned, not final), the nonce goes between them as a stored (uncompressed)
 * block, and the last piece ends the stream. Each piece refers only to its own bytes, which a
 * deflate stream allows.
 */
export function gzipPiecesOf(segments: Buffer[]): Buffer[] {
  return segments.map((segment, index) =>
    deflateRawSync(segment, { level: 6, finishFlush: index === segments.length - 1 ? constants.Z_FINISH : constants.Z_SYNC_FLUSH }),
  );
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff]);

/** A gzip body of `plain` (the page with `nonce` put back), from the pieces of gzipPiecesOf. */
export function gzipWithNonce(pieces: Buffer[], plain: Buffer, nonce: string): Buffer {
  const needle = Buffer.from(nonce);
  const stored = Buffer.alloc(5);
  // A stored block: BFINAL 0, BTYPE 00 (the rest of the byte is padding), LEN, one's complement of LEN.
  stored.writeUInt16LE(needle.length, 1);
  stored.writeUInt16LE(~needle.length & 0xffff, 3);
  const parts: Buffer[] = [GZIP_HEADER];
  pieces.forEach((piece, index) => {
    if (index > 0) parts.push(stored, needle);
    parts.push(piece);
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(plain) >>> 0, 0);
  trailer.writeUInt32LE(plain.length >>> 0, 4);
  parts.push(trailer);
  return Buffer.concat(parts);
}

/** Whether a client takes gzip (Accept-Encoding names it without q=0). */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding) return false;
  return acceptEncoding.split(",").some((part) => {
    const [coding, ...parameters] = part.trim().toLowerCase().split(";");
    if (coding.trim() !== "gzip") return false;
    const quality = parameters.map((parameter) => /^\s*q=([\d.]+)\s*$/.exec(parameter)?.[1]).find(Boolean);
    return quality === undefined || Number(quality) > 0;
  });
}
