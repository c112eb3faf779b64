import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { currentTime } from "@/lib/clock";
import { ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { attachmentStore } from "@/lib/storage/attachment-store";
import { UPLOADS_FOLDER, type ObjectStore } from "@/lib/storage/object-store";
import { allowedAttachmentTypesMessage, detectAttachmentType, type AttachmentKind } from "./file-types";
import { sanitizeOriginalName } from "./original-name";
import { maxAttachmentBytes, maxAttachmentMegabytes } from "./upload-limits";
import { assertZipWithinLimits, ZipLimitError } from "./zip-limits";

export type StoredAttachmentFile = {
  /** The storage key, with forward slashes: `uploads/2026/11/<uuid>.pdf` (DATA_DIR/uploads/… on the local driver). */
  storagePath: string;
  originalName: string;
  mimeType: string;
  kind: AttachmentKind;
  sizeBytes: number;
  /** Hex digest of the stored bytes, for deduplication and integrity checks. */
  sha256: string;
};

export type StoreAttachmentFileInput = {
  /** Where to store it; the configured store (lib/storage) when unset. */
  store?: ObjectStore;
  bytes: Uint8Array;
  originalName: string;
  /** Decides the yyyy/mm folder; injectable so tests are deterministic. */
  now?: Date;
};

/**
 * Checks an uploaded file and stores it under the key `uploads/<yyyy>/<mm>/<random id>.<ext>`.
 * The caller records the returned metadata in the database; if that fails it should remove the
 * key from the store again, so that no orphan stays behind.
 */
export async function storeAttachmentFile(input: StoreAttachmentFileInput): Promise<StoredAttachmentFile> {
  const { bytes } = input;
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
  const storagePath = [UPLOADS_FOLDER, String(now.getFullYear()), String(now.getMonth() + 1).padStart(2, "0"), `${randomUUID()}.${type.extension}`].join("/");
  await (input.store ?? attachmentStore()).put(storagePath, bytes);

  return {
    storagePath,
    originalName: sanitizeOriginalName(input.originalName, `${messages.common.attachments.defaultName}.${type.extension}`),
    mimeType: type.mimeType,
    kind: type.kind,
    sizeBytes: bytes.byteLength,
    sha256: createHash("sha256").update(bytes).digest("hex"),
  };
}
