import "server-only";
import { errorResponse } from "@/lib/api/respond";
import { contentDispositionFor } from "@/lib/attachments/content-disposition";
import { readAttachmentFile } from "@/lib/attachments/store-file";
import { refusalOf } from "@/lib/database/unstorable-input";
import { resolveDataDir } from "@/lib/runtime/data-dir";

export type DownloadableFile = { storagePath: string; originalName: string; mimeType: string; public: boolean };

/**
 * Answers a download: `find` decides whether the requester may have the file (throwing the data
 * layer's errors otherwise, answered as JSON); the file keeps its original name, and only public
 * files may be cached by proxies.
 */
export async function serveStoredFile(find: () => Promise<DownloadableFile>): Promise<Response> {
  try {
    const file = await find();
    const bytes = await readAttachmentFile(resolveDataDir(), file.storagePath);
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": file.mimeType,
        "Content-Length": String(bytes.length),
        "Content-Disposition": contentDispositionFor(file.originalName),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": file.public ? "public, max-age=300" : "private, no-store",
      },
    });
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal) return errorResponse(refusal);
    throw error;
  }
}
