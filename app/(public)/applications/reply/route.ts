import { errorResponse } from "@/lib/api/respond";
import { findIssuedReplyForApplicant } from "@/lib/applications/public-status";
import { contentDispositionFor } from "@/lib/attachments/content-disposition";
import { refusalOf } from "@/lib/database/unstorable-input";
import { ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { clientKeyOf } from "@/lib/rate-limit/client-key";
import { buildReplyDocx, renderReplyHtml, replyFileName } from "@/lib/reply-letters/reply-document";

export const dynamic = "force-dynamic";

/**
 * The issued reply letter for its applicant: a form POST with the number, the lookup code and the
 * format (docx, or html to print or save as PDF), so the code stays out of addresses and logs.
 */
export async function POST(request: Request) {
  try {
    const form = await request.formData().catch(() => null);
    if (!form) throw new ValidationError({ _: [messages.common.replyLetterDownloadViaStatusPage] });
    const input = { number: String(form.get("number") ?? ""), code: String(form.get("code") ?? "") };
    const letter = await findIssuedReplyForApplicant(input, clientKeyOf(request.headers));
    const headers = { "Cache-Control": "private, no-store" };
    if (form.get("format") === "html") {
      return new Response(renderReplyHtml(letter), { headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
    }
    const bytes = await buildReplyDocx(letter);
    return new Response(new Uint8Array(bytes), {
      headers: {
        ...headers,
        "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "Content-Disposition": contentDispositionFor(replyFileName(letter, "docx")),
      },
    });
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal) return errorResponse(refusal);
    console.error(error);
    return new Response(messages.common.errors.internal, { status: 500 });
  }
}
