import { requireApiUser } from "@/lib/auth/session";
import { respondWithJson } from "@/lib/api/respond";
import { ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { importApplicationLedger, LedgerImportError } from "@/lib/reports/ledger-import";

export const dynamic = "force-dynamic";

const MAX_BYTES = 20 * 1024 * 1024;

/** POST multipart (field `file`): 200 `{imported}` or 422 `{errors: [{row, column, message}]}`. */
export function POST(request: Request) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    const form = await request.formData().catch(() => null);
    const file = form?.get("file");
    if (!(file instanceof File) || file.size === 0) throw new ValidationError({ file: [messages.common.imports.chooseLedgerFile] });
    if (file.size > MAX_BYTES) throw new ValidationError({ file: [messages.common.imports.fileTooLarge(MAX_BYTES / 1024 / 1024)] });
    try {
      return await importApplicationLedger(actor, new Uint8Array(await file.arrayBuffer()), file.name);
    } catch (error) {
      if (error instanceof LedgerImportError) {
        return Response.json({ errors: error.errors, error: { code: error.code, message: error.message } }, { status: 422 });
      }
      throw error;
    }
  });
}
