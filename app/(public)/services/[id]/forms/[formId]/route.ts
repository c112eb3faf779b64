import { errorResponse } from "@/lib/api/respond";
import { contentDispositionFor } from "@/lib/attachments/content-disposition";
import { readAttachmentFile } from "@/lib/attachments/store-file";
import { getSessionUser } from "@/lib/auth/session";
import { AppError, NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { resolveDataDir } from "@/lib/runtime/data-dir";
import { findDownloadableServiceForm } from "@/lib/services/public-services";

export const dynamic = "force-dynamic";

function positiveId(raw: string): number {
  const id = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(id) || id <= 0) throw new NotFoundError(messages.registers.services.errors.formMissing);
  return id;
}

/** GET /services/{id}/forms/{formId}: a form listed by a published guide (or any form, for console users). */
export async function GET(_request: Request, context: { params: Promise<{ id: string; formId: string }> }) {
  try {
    const params = await context.params;
    const form = await findDownloadableServiceForm(positiveId(params.id), positiveId(params.formId), await getSessionUser());
    const bytes = await readAttachmentFile(resolveDataDir(), form.storagePath);
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": form.mimeType,
        "Content-Length": String(bytes.length),
        "Content-Disposition": contentDispositionFor(form.originalName),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": form.public ? "public, max-age=300" : "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AppError) return errorResponse(error);
    throw error;
  }
}
