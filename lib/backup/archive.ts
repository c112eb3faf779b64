import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, open, rename, unlink } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import tar from "tar-stream";
import { BackupError } from "./backup-error";
import { isSafeUploadName, MANIFEST_ENTRY, PG_DUMP_ENTRY } from "./manifest";

/**
 * A backup is one gzip-compressed tar file (readable with `tar tzf`). Entries are written from
 * streams with their sha256 computed on the way; the archive appears under its final name only
 * once complete, so an interrupted backup never leaves a file that looks like a good one.
 */

export type EntryDigest = { bytes: number; sha256: string };

export type ArchiveWriter = {
  /** Adds a file from disk under `name`; `size` must be its current size. */
  addFile(name: string, sourcePath: string, size: number): Promise<EntryDigest>;
  addBuffer(name: string, content: Buffer): Promise<EntryDigest>;
  /** Adds an entry from a stream of exactly `size` bytes (a stored object). */
  addStream(name: string, content: AsyncIterable<Buffer>, size: number): Promise<EntryDigest>;
  /** Completes the archive and moves it to its final name. */
  finish(): Promise<void>;
  /** Stops and removes the partial file. */
  abort(): Promise<void>;
};

export function openArchiveWriter(outFile: string, modifiedAt: Date): ArchiveWriter {
  const partialFile = path.join(path.dirname(outFile), `.${path.basename(outFile)}.${randomBytes(4).toString("hex")}.partial`);
  const pack = tar.pack();
  const written = pipeline(
    async function* () {
      for await (const chunk of pack) yield chunk;
    },
    createGzip(),
    createWriteStream(partialFile, { flags: "wx", mode: 0o600 }),
  );
  // Surfaced by finish(); without this handler a failed write would be an unhandled rejection.
  let writeError: unknown = null;
  written.catch((error: unknown) => {
    writeError = error;
  });

  function addEntry(name: string, size: number, chunks: AsyncIterable<Buffer> | Buffer): Promise<EntryDigest> {
    const hash = createHash("sha256");
    return new Promise<EntryDigest>((resolve, reject) => {
      if (writeError) return reject(writeError);
      const entry = pack.entry({ name, size, mode: 0o600, mtime: modifiedAt, type: "file" }, (error) =>
        error ? reject(error) : resolve({ bytes: size, sha256: hash.digest("hex") }),
      );
      if (Buffer.isBuffer(chunks)) {
        hash.update(chunks);
        entry.end(chunks);
        return;
      }
      (async () => {
        for await (const chunk of chunks) {
          hash.update(chunk);
          if (!entry.write(chunk)) await new Promise<void>((drained) => entry.once("drain", () => drained()));
        }
        entry.end(undefined);
      })().catch((error: unknown) => {
        entry.destroy(error as Error);
        reject(error);
      });
    });
  }

  return {
    addFile: (name, sourcePath, size) => addEntry(name, size, createReadStream(sourcePath)),
    addBuffer: (name, content) => addEntry(name, content.byteLength, content),
    addStream: (name, content, size) => addEntry(name, size, content),
    async finish() {
      pack.finalize();
      await written;
      if (writeError) throw writeError;
      const handle = await open(partialFile, "r");
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(partialFile, outFile);
    },
    async abort() {
      pack.destroy();
      await written.catch(() => undefined);
      await unlink(partialFile).catch(() => undefined);
    },
  };
}

export type ExtractedArchive = {
  /** The manifest's bytes (it is parsed by the caller). */
  manifest: Buffer | null;
  /** Every other entry, written under the staging directory, with what was read. */
  entries: Map<string, EntryDigest>;
};

const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

function isExpectedEntryName(name: string): boolean {
  return name === MANIFEST_ENTRY || name === PG_DUMP_ENTRY || /^database\/\d{3,6}\.copy$/.test(name) || isSafeUploadName(name);
}

/**
 * Reads a backup archive into `stagingDir`. Only regular files with the names a backup uses are
 * accepted (no links, no `..`, no absolute paths), each once; everything read is hashed so the
 * caller can compare it with the manifest before anything is restored.
 */
export async function extractArchive(archiveFile: string, stagingDir: string): Promise<ExtractedArchive> {
  const result: ExtractedArchive = { manifest: null, entries: new Map() };
  const extract = tar.extract();
  const source = createReadStream(archiveFile);
  const gunzip = createGunzip();
  let sourceError: unknown = null;
  const failSource = (error: unknown) => {
    sourceError ??= error;
    extract.destroy(error as Error);
  };
  source.on("error", failSource);
  gunzip.on("error", failSource);
  source.pipe(gunzip).pipe(extract as unknown as NodeJS.WritableStream);

  try {
    for await (const entry of extract) {
      const { name, type } = entry.header;
      if (type !== "file") throw new BackupError(`the archive holds a ${type ?? "special"} entry ${JSON.stringify(name)}; a backup holds only files`);
      if (!isExpectedEntryName(name)) throw new BackupError(`the archive holds an unexpected entry ${JSON.stringify(name)}`);
      if (name === MANIFEST_ENTRY ? result.manifest !== null : result.entries.has(name)) {
        throw new BackupError(`the archive holds ${JSON.stringify(name)} twice`);
      }
      if (name === MANIFEST_ENTRY) {
        const chunks: Buffer[] = [];
        let size = 0;
        for await (const chunk of entry as AsyncIterable<Buffer>) {
          size += chunk.byteLength;
          if (size > MAX_MANIFEST_BYTES) throw new BackupError("the manifest is implausibly large");
          chunks.push(chunk);
        }
        result.manifest = Buffer.concat(chunks);
        continue;
      }
      const target = path.resolve(stagingDir, ...name.split("/"));
      if (!target.startsWith(path.resolve(stagingDir) + path.sep)) throw new BackupError(`the archive entry ${JSON.stringify(name)} points outside the backup`);
      await mkdir(path.dirname(target), { recursive: true });
      const hash = createHash("sha256");
      let bytes = 0;
      // tar-stream's entries are streamx streams: read them as async iterables, not as Node streams.
      await pipeline(
        async function* () {
          for await (const chunk of entry as AsyncIterable<Buffer>) {
            hash.update(chunk);
            bytes += chunk.byteLength;
            yield chunk;
          }
        },
        createWriteStream(target, { flags: "wx", mode: 0o640 }),
      );
      result.entries.set(name, { bytes, sha256: hash.digest("hex") });
    }
  } catch (error) {
    source.destroy();
    throw describeReadError(archiveFile, sourceError ?? error);
  }
  if (sourceError) throw describeReadError(archiveFile, sourceError);
  return result;
}

function describeReadError(archiveFile: string, error: unknown): BackupError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const reason =
    code === "ENOENT"
      ? "the file does not exist"
      : code === "Z_DATA_ERROR"
        ? `the compressed data is damaged (${message})`
        : code === "Z_BUF_ERROR" || /unexpected end of file/i.test(message)
          ? "the file is cut short (incomplete copy?)"
          : error instanceof BackupError
            ? message
            : `it is not a readable tar.gz archive (${message})`;
  return new BackupError(`Cannot restore from ${archiveFile}: ${reason}. Nothing was restored.`);
}
