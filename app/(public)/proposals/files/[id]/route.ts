import { readIdParam } from "@/lib/api/route-params";
import { serveStoredFile } from "@/lib/attachments/serve-stored-file";
import { getSessionUser } from "@/lib/auth/session";
import { messages } from "@/lib/i18n";
import { findDownloadableReplyAttachment } from "@/lib/proposals/public-proposals";

export const dynamic = "force-dynamic";

/** An attachment of a proposal reply: public for 全文公开 replies, otherwise only for console users. */
export function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  return serveStoredFile(async () =>
    findDownloadableReplyAttachment(await readIdParam(context.params, messages.common.notFound.attachment), await getSessionUser()),
  );
}
