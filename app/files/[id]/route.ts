import { readIdParam } from "@/lib/api/route-params";
import { serveStoredFile } from "@/lib/attachments/serve-stored-file";
import { getSessionUser } from "@/lib/auth/session";
import { messages } from "@/lib/i18n";
import { findDownloadableAttachment } from "@/lib/items/attachment-access";

export const dynamic = "force-dynamic";

/** An item attachment: public once its revision is published, otherwise only for console users. */
export function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  return serveStoredFile(async () =>
    findDownloadableAttachment(await readIdParam(context.params, messages.common.notFound.attachment), await getSessionUser()),
  );
}
