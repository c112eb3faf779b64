import { errorResponse } from "@/lib/api/respond";
import { readIdParam } from "@/lib/api/route-params";
import { contentDispositionFor } from "@/lib/attachments/content-disposition";
import { readAttachmentFile } from "@/lib/attachments/store-file";
import { getSessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { findDownloadableReplyAttachment } from "@/lib/proposals/public-proposals";
import { resolveDataDir } from "@/lib/runtime/data-dir";

export const dynamic = "force-dynamic";

/** An attachment of a proposal reply: public for 全文公开 replies, otherwise only for console users. */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const id = await readIdParam(context.params, "附件不存在。");
    const attachment = await findDownloadableReplyAttachment(id, await getSessionUser());
    const bytes = await readAttachmentFile(resolveDataDir(), attachment.storagePath);
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": attachment.mimeType,
        "Content-Length": String(bytes.length),
        "Content-Disposition": contentDispositionFor(attachment.originalName),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": attachment.public ? "public, max-age=300" : "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AppError) return errorResponse(error);
    throw error;
  }
}
