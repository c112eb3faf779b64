import "server-only";
import { Readable } from "node:stream";
import { errorResponse } from "@/lib/api/respond";
import { contentDispositionFor } from "@/lib/attachments/content-disposition";
import { refusalOf } from "@/lib/database/unstorable-input";
import { attachmentStore } from "@/lib/storage/attachment-store";
import type { ObjectStore } from "@/lib/storage/object-store";

export type DownloadableFile = { storagePath: string; originalName: string; mimeType: string; public: boolean };

/**
 * Answers a download: `find` decides whether the requester may have the file (throwing the data
 * layer's errors otherwise, answered as JSON); the file keeps its original name, and only public
 * files may be cached by proxies. The bytes are streamed from the store (a missing file is a 404
 * before anything is sent), so a large file is never held in memory whole.
 */
export async function serveStoredFile(find: () => Promise<DownloadableFile>, store: ObjectStore = attachmentStore()): Promise<Response> {
  try {
    const file = await find();
    return streamedResponse(await store.openRead(file.storagePath), {
      "Content-Type": file.mimeType,
      "Content-Disposition": contentDispositionFor(file.originalName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": file.public ? "public, max-age=300" : "private, no-store",
    });
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal) return errorResponse(refusal);
    throw error;
  }
}

/** A response whose body is an opened stored object. */
export function streamedResponse(opened: { stream: Readable; size: number }, headers: Record<string, string>): Response {
  return new Response(Readable.toWeb(opened.stream) as ReadableStream<Uint8Array>, {
    headers: { ...headers, "Content-Length": String(opened.size) },
  });
}
