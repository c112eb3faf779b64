import "server-only";
import { extractAttachmentText } from "@/lib/attachments/extract-text";
import { storeAttachmentFile, type StoredAttachmentFile } from "@/lib/attachments/store-file";
import { ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { attachmentStore } from "@/lib/storage/attachment-store";

export type ReceivedUpload = StoredAttachmentFile & { extractedText: string };

const MAX_FILES_PER_SAVE = 20;

/**
 * Stores uploaded files, runs `write` (which records them in the database in its transaction), and
 * removes the stored files again when `write` fails, so that a failed save leaves nothing behind.
 */
export async function withReceivedUploads<Result>(files: File[], write: (uploads: ReceivedUpload[]) => Promise<Result>): Promise<Result> {
  const chosen = files.filter((file) => file.size > 0 || file.name);
  if (chosen.length > MAX_FILES_PER_SAVE) throw new ValidationError({ files: [messages.common.attachments.tooManyAttachments(MAX_FILES_PER_SAVE)] });
  const store = attachmentStore();
  const uploads: ReceivedUpload[] = [];
  try {
    for (const file of chosen) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      let stored: StoredAttachmentFile;
      try {
        stored = await storeAttachmentFile({ store, bytes, originalName: file.name });
      } catch (error) {
        if (error instanceof ValidationError) throw new ValidationError({ files: (error.fields.file ?? []).map((problem) => `${file.name}：${problem}`) });
        throw error;
      }
      uploads.push({ ...stored, extractedText: await extractAttachmentText(bytes, stored.kind) });
    }
    return await write(uploads);
  } catch (error) {
    await Promise.all(uploads.map((upload) => store.remove(upload.storagePath)));
    throw error;
  }
}
