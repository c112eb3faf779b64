import { serveStoredFile } from "@/lib/attachments/serve-stored-file";
import { getSessionUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { findDownloadableServiceForm } from "@/lib/services/public-services";

export const dynamic = "force-dynamic";

function positiveId(raw: string): number {
  const id = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(id) || id <= 0) throw new NotFoundError(messages.registers.services.errors.formMissing);
  return id;
}

/** GET /services/{id}/forms/{formId}: a form listed by a published guide (or any form, for console users). */
export async function GET(_request: Request, context: { params: Promise<{ id: string; formId: string }> }) {
  return serveStoredFile(async () => {
    const params = await context.params;
    return findDownloadableServiceForm(positiveId(params.id), positiveId(params.formId), await getSessionUser());
  });
}
