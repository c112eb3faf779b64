import yauzl from "yauzl";
import { messages } from "@/lib/i18n";

/**
 * .xlsx and .docx files are zip archives; exceljs, mammoth and the other readers inflate their
 * parts in memory. A "zip bomb" (a few kilobytes that inflate to gigabytes) would take the web
 * process down with it, so before any reader sees an uploaded office file we read its central
 * directory and refuse it when it holds too many parts or inflates to too much; then we inflate
 * every part once as a stream, counting and discarding the bytes, and stop at the first part that
 * inflates to more than its directory entry declared (a lying directory is refused as well).
 *
 * Limits: a real workbook of 50,000 rows or a long report with pictures is tens of megabytes
 * inflated and has a few dozen to a few hundred parts.
 */
export const zipLimits = {
  maxEntries: 2_000,
  maxUncompressedBytes: 100 * 1024 * 1024,
};

export type ZipLimits = typeof zipLimits;

export class ZipLimitError extends Error {
  constructor(
    readonly reason: "entries" | "size" | "unreadable",
    message: string,
  ) {
    super(message);
    this.name = "ZipLimitError";
  }
}

function openZip(buffer: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (error, zipFile) => {
      if (error || !zipFile) reject(error ?? new Error("no zip file"));
      else resolve(zipFile);
    });
  });
}

/** The directory's entries, stopping as soon as there are more than `maxEntries`. */
function readEntries(zipFile: yauzl.ZipFile, maxEntries: number): Promise<yauzl.Entry[] | "too-many"> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zipFile.on("entry", (entry: yauzl.Entry) => {
      entries.push(entry);
      if (entries.length > maxEntries) resolve("too-many");
      else zipFile.readEntry();
    });
    zipFile.on("end", () => resolve(entries));
    zipFile.on("error", reject);
    zipFile.readEntry();
  });
}

/** Inflates one entry without keeping it; rejects when it inflates to more than it declared. */
function drainEntry(zipFile: yauzl.ZipFile, entry: yauzl.Entry): Promise<void> {
  return new Promise((resolve, reject) => {
    zipFile.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(error ?? new Error("no stream"));
      stream.on("error", reject);
      stream.on("end", () => resolve());
      stream.resume();
    });
  });
}

/**
 * Throws ZipLimitError (its message names the file) unless `bytes` is a readable zip archive within
 * `limits`. Memory stays at one inflate window whatever the archive holds.
 */
export async function assertZipWithinLimits(bytes: Uint8Array, fileName: string | undefined, limits: ZipLimits = zipLimits): Promise<void> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const zipMessages = messages.security.zip;
  let zipFile: yauzl.ZipFile;
  try {
    zipFile = await openZip(buffer);
  } catch {
    throw new ZipLimitError("unreadable", zipMessages.unreadable(fileName));
  }
  try {
    if (zipFile.entryCount > limits.maxEntries) throw new ZipLimitError("entries", zipMessages.tooManyEntries(fileName, limits.maxEntries));
    let entries: yauzl.Entry[] | "too-many";
    try {
      entries = await readEntries(zipFile, limits.maxEntries);
    } catch {
      throw new ZipLimitError("unreadable", zipMessages.unreadable(fileName));
    }
    if (entries === "too-many") throw new ZipLimitError("entries", zipMessages.tooManyEntries(fileName, limits.maxEntries));
    const declared = entries.reduce((total, entry) => total + entry.uncompressedSize, 0);
    if (declared > limits.maxUncompressedBytes) throw new ZipLimitError("size", zipMessages.tooLarge(fileName, limits.maxUncompressedBytes));
    for (const entry of entries) {
      if (entry.fileName.endsWith("/")) continue;
      try {
        await drainEntry(zipFile, entry);
      } catch (error) {
        // yauzl's size check: the entry inflates to more than the directory said.
        const lied = error instanceof Error && /too many bytes/i.test(error.message);
        throw new ZipLimitError(
          lied ? "size" : "unreadable",
          lied ? zipMessages.tooLarge(fileName, limits.maxUncompressedBytes) : zipMessages.unreadable(fileName),
        );
      }
    }
  } finally {
    zipFile.close();
  }
}
