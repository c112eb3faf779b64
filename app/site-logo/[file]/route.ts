import { findSiteLogo } from "@/lib/agency/site-identity";
import { errorResponse } from "@/lib/api/respond";
import { decodeSegment } from "@/lib/api/route-params";
import { streamedResponse } from "@/lib/attachments/serve-stored-file";
import { refusalOf } from "@/lib/database/unstorable-input";
import { attachmentStore } from "@/lib/storage/attachment-store";

export const dynamic = "force-dynamic";

/** The site's emblem (header, favicon): public, named by its content hash, so browsers keep it a year. */
export async function GET(_request: Request, context: { params: Promise<{ file: string }> }) {
  try {
    const logo = await findSiteLogo(decodeSegment((await context.params).file));
    return streamedResponse(await attachmentStore().openRead(logo.storagePath), {
      "Content-Type": logo.mimeType,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "public, max-age=31536000, immutable",
    });
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal) return errorResponse(refusal);
    throw error;
  }
}
