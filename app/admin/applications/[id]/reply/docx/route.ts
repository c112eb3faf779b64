import { respondForConsoleUser } from "@/lib/api/console-download";
import { readIdParam } from "@/lib/api/route-params";
import { contentDispositionFor } from "@/lib/attachments/content-disposition";
import { messages } from "@/lib/i18n";
import { findReplyLetterForStaff } from "@/lib/reply-letters/find-reply-letter";
import { buildReplyDocx, replyFileName } from "@/lib/reply-letters/reply-document";

export const dynamic = "force-dynamic";

/** The reply letter as .docx for staff who may read the applicant's data (a draft says 待出具 as its date). */
export function GET(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return respondForConsoleUser(async (user) => {
    const letter = await findReplyLetterForStaff(user, await readIdParam(context.params, messages.common.notFound.application));
    const bytes = await buildReplyDocx(letter);
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "Content-Disposition": contentDispositionFor(replyFileName(letter, "docx")),
        "Cache-Control": "private, no-store",
      },
    });
  });
}
