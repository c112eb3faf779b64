import "server-only";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdir, open, readFile, rename, unlink } from "node:fs/promises";
import path from "node:path";
import { currentTime } from "@/lib/clock";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { allowedAttachmentTypesMessage, detectAttachmentType, type AttachmentKind } from "./file-types";
import { sanitizeOriginalName } from "./original-name";
import { maxAttachmentBytes, maxAttachmentMegabytes } from "./upload-limits";
import { assertZipWithinLimits, ZipLimitError } from "./zip-limits";

export type StoredAttachmentFile = {
  /** Relative to the data directory, with forward slashes: `uploads/2026/11/<uuid>.pdf`. */
  storagePath: string;
  originalName: string;
  mimeType: string;
  kind: AttachmentKind;
  sizeBytes: number;
  /** Hex digest of the stored bytes, for deduplication and integrity checks. */
  sha256: string;
};

export type StoreAttachmentFileInput = {
  dataDir: string;
  bytes: Uint8Array;
  originalName: string;
  /** Decides the yyyy/mm folder; injectable so tests are deterministic. */
  now?: Date;
};

const uploadsFolder = "uploads";

/**
 * Checks an uploaded file and writes it under `<dataDir>/uploads/<yyyy>/<mm>/<random id>.<ext>`.
 * The caller records the returned metadata in the database; if that fails it should call
 * `removeAttachmentFile` so no orphan stays on disk.
 */
export async function storeAttachmentFile(input: StoreAttachmentFileInput): Promise<StoredAttachmentFile> {
  const { dataDir, bytes } = input;
  if (bytes.byteLength === 0) throw new ValidationError({ file: [messages.common.attachments.empty] });
  if (bytes.byteLength > maxAttachmentBytes()) {
    throw new ValidationError({ file: [messages.common.attachments.tooLarge(maxAttachmentMegabytes())] });
  }
  const type = await detectAttachmentType(bytes, input.originalName);
  if (!type) throw new ValidationError({ file: [allowedAttachmentTypesMessage] });
  // .docx and .xlsx are zip archives that the text extractor and the spreadsheet readers inflate
  // in memory: a zip bomb is refused here (422), before any of them sees it.
  if (type.kind === "docx" || type.kind === "xlsx") {
    try {
      // The callers put the file's name before the message.
      await assertZipWithinLimits(bytes, undefined);
    } catch (error) {
      if (error instanceof ZipLimitError) throw new ValidationError({ file: [error.message] });
      throw error;
    }
  }

  // Nothing from the uploader reaches the path: the folder comes from the clock, the name from
  // a random id and the extension from the detected content.
  const now = input.now ?? currentTime();
  const storagePath = [uploadsFolder, String(now.getFullYear()), String(now.getMonth() + 1).padStart(2, "0"), `${randomUUID()}.${type.extension}`].join("/");
  await writeFileAtomically(resolveAttachmentPath(dataDir, storagePath), bytes);

  return {
    storagePath,
    originalName: sanitizeOriginalName(input.originalName, `${messages.common.attachments.defaultName}.${type.extension}`),
    mimeType: type.mimeType,
    kind: type.kind,
    sizeBytes: bytes.byteLength,
    sha256: createHash("sha256").update(bytes).digest("hex"),
  };
}

/** The bytes of a stored attachment; NotFoundError when the file is gone. */
export async function readAttachmentFile(dataDir: string, storagePath: string): Promise<Buffer> {
  const absolutePath = resolveAttachmentPath(dataDir, storagePath);
  try {
    return await readFile(absolutePath);
  } catch (error) {
    if (isMissingFileError(error)) throw new NotFoundError(messages.common.notFound.attachmentFile);
    throw error;
  }
}

/** Deletes a stored attachment; a file that is already gone is not an error. */
export async function removeAttachmentFile(dataDir: string, storagePath: string): Promise<void> {
  try {
    await unlink(resolveAttachmentPath(dataDir, storagePath));
  } catch (error) {
    if (!isMissingFileError(error)) throw error;
  }
}

/**
 * The absolute path of a stored attachment, for callers that stream it. Storage paths come from
 * the database, but a tampered row or a bug must still not read or delete outside the uploads
 * folder, so anything resolving elsewhere is refused.
 */
export function resolveAttachmentPath(dataDir: string, storagePath: string): string {
  const uploadsRoot = path.resolve(dataDir, uploadsFolder);
  const absolutePath = path.resolve(dataDir, ...storagePath.split("/"));
  const relativeToUploads = path.relative(uploadsRoot, absolutePath);
  const staysInsideUploads =
    relativeToUploads !== "" &&
    relativeToUploads !== ".." &&
    !relativeToUploads.startsWith(`..${path.sep}`) &&
    !path.isAbsolute(relativeToUploads) &&
    !storagePath.includes("\0") &&
    !storagePath.includes("\\");
  if (!staysInsideUploads) throw new Error(`Refusing attachment path outside ${uploadsFolder}/: ${JSON.stringify(storagePath)}`);
  return absolutePath;
}

// A reader never sees a half-written file: the bytes go to a temporary file in the same folder
// (so the rename stays on one filesystem and is atomic), are flushed, then renamed into place.
async function writeFileAtomically(targetPath: string, bytes: Uint8Array): Promise<void> {
  const folder = path.dirname(targetPath);
  await mkdir(folder, { recursive: true });
  const temporaryPath = path.join(folder, `.${path.basename(targetPath)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    const handle = await open(temporaryPath, "wx", 0o640);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporaryPath, targetPath);
  } catch (error) {
    await unlink(temporaryPath).catch(() => undefined);
    throw error;
  }
}

function isMissingFileError(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === "ENOENT";
}
