import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, readFile, rename, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { assertStorageKey, UPLOADS_FOLDER, type ObjectBody, type ObjectStore, type StoredObject } from "./object-store";

/** The default driver: files under `<dataDir>/uploads/`, as Gongkai has always stored them. */
export function createLocalDirectoryStore(dataDir: string): ObjectStore & { pathOf(key: string): string } {
  const root = path.resolve(dataDir);
  const uploadsRoot = path.join(root, UPLOADS_FOLDER);

  /** The absolute path of a key; refused unless it stays inside the uploads folder. */
  function pathOf(key: string): string {
    assertStorageKey(key);
    const absolutePath = path.resolve(root, ...key.split("/"));
    const relative = path.relative(uploadsRoot, absolutePath);
    if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) {
      throw new Error(`Refusing attachment path outside ${UPLOADS_FOLDER}/: ${JSON.stringify(key)}`);
    }
    return absolutePath;
  }

  return {
    description: `the local directory ${uploadsRoot}`,
    pathOf,

    async put(key, body) {
      await writeFileAtomically(pathOf(key), body);
    },

    async read(key) {
      try {
        return await readFile(pathOf(key));
      } catch (error) {
        throw missingAsNotFound(error);
      }
    },

    async openRead(key) {
      const file = pathOf(key);
      let handle;
      try {
        handle = await open(file, "r");
      } catch (error) {
        throw missingAsNotFound(error);
      }
      try {
        const { size } = await handle.stat();
        return { stream: handle.createReadStream({ autoClose: true }), size };
      } catch (error) {
        await handle.close();
        throw error;
      }
    },

    async stat(key) {
      try {
        const found = await stat(pathOf(key));
        return found.isFile() ? { size: found.size } : null;
      } catch (error) {
        if (isMissingFileError(error)) return null;
        throw error;
      }
    },

    async remove(key) {
      try {
        await unlink(pathOf(key));
      } catch (error) {
        if (!isMissingFileError(error)) throw error;
      }
    },

    async *list(): AsyncIterable<StoredObject> {
      async function* walk(relativeFolder: string): AsyncIterable<StoredObject> {
        let dirents;
        try {
          dirents = await readdir(path.join(root, ...relativeFolder.split("/")), { withFileTypes: true });
        } catch (error) {
          if (isMissingFileError(error)) return;
          throw error;
        }
        for (const dirent of dirents) {
          // Hidden files are uploads still being written.
          if (dirent.name.startsWith(".")) continue;
          const key = `${relativeFolder}/${dirent.name}`;
          if (dirent.isDirectory()) yield* walk(key);
          else if (dirent.isFile()) yield { key, size: (await stat(path.join(root, ...key.split("/")))).size };
        }
      }
      yield* walk(UPLOADS_FOLDER);
    },
  };
}

// A reader never sees a half-written file: the bytes go to a temporary file in the same folder
// (so the rename stays on one filesystem and is atomic), are flushed, then renamed into place.
async function writeFileAtomically(targetPath: string, body: ObjectBody): Promise<void> {
  const folder = path.dirname(targetPath);
  await mkdir(folder, { recursive: true });
  const temporaryPath = path.join(folder, `.${path.basename(targetPath)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    const handle = await open(temporaryPath, "wx", 0o640);
    try {
      if (body instanceof Uint8Array) {
        await handle.writeFile(body);
      } else {
        let written = 0;
        for await (const chunk of body.stream as AsyncIterable<Buffer>) {
          written += chunk.byteLength;
          if (written > body.size) throw new Error(`The stream for ${path.basename(targetPath)} is longer than the ${body.size} bytes announced.`);
          await handle.write(chunk);
        }
        if (written !== body.size) throw new Error(`The stream for ${path.basename(targetPath)} ended after ${written} of ${body.size} bytes.`);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporaryPath, targetPath);
  } catch (error) {
    if (!(body instanceof Uint8Array)) body.stream.destroy();
    await unlink(temporaryPath).catch(() => undefined);
    throw error;
  }
}

function missingAsNotFound(error: unknown): unknown {
  return isMissingFileError(error) ? new NotFoundError(messages.common.notFound.attachmentFile) : error;
}

function isMissingFileError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return error instanceof Error && (code === "ENOENT" || code === "ENOTDIR");
}
