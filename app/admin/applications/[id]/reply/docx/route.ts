import { errorResponse } from "@/lib/api/respond";
import { readIdParam } from "@/lib/api/route-params";
import { contentDispositionFor } from "@/lib/attachments/content-disposition";
import { requireSessionUser } from "@/lib/auth/session";
import { refusalOf } from "@/lib/database/unstorable-input";
import { messages } from "@/lib/i18n";
import { findReplyLetterForStaff } from "@/lib/reply-letters/find-reply-letter";
import { buildReplyDocx, replyFileName } from "@/lib/reply-letters/reply-document";

export const dynamic = "force-dynamic";

/** The reply letter as .docx for staff who may read the applicant's data (a draft says 待出具 as its date). */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const letter = await findReplyLetterForStaff(await requireSessionUser(), await readIdParam(context.params, messages.common.notFound.application));
    const bytes = await buildReplyDocx(letter);
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "Content-Disposition": contentDispositionFor(replyFileName(letter, "docx")),
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal) return errorResponse(refusal);
    throw error;
  }
}
