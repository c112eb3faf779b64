import { NextResponse } from "next/server";
import { respondWithJson } from "@/lib/api/respond";
import { maxAttachmentBytes, maxAttachmentMegabytes } from "@/lib/attachments/upload-limits";
import { assertPermitted } from "@/lib/auth/permissions";
import { requireApiUser } from "@/lib/auth/session";
import { DecisionImportRejected, importDecisions } from "@/lib/decisions/import-decisions";
import { ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/admin/decisions/import?kind=license|penalty|coercion, multipart field `file`
 * (.xlsx or .csv): 200 `{imported, batchId}`, or 422 `{errors: [{row, column, message}]}` and
 * nothing imported.
 */
export function POST(request: Request) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    assertPermitted(actor, "decision.import");
    const kind = new URL(request.url).searchParams.get("kind");
    let file: FormDataEntryValue | null = null;
    try {
      file = (await request.formData()).get("file");
    } catch {
      throw new ValidationError({ file: [messages.registers.decisions.problems.fileRequired] });
    }
    if (!(file instanceof File) || file.size === 0) throw new ValidationError({ file: [messages.registers.decisions.problems.fileRequired] });
    if (file.size > maxAttachmentBytes()) throw new ValidationError({ file: [messages.registers.common.fileTooLarge(maxAttachmentMegabytes())] });
    try {
      return await importDecisions(actor, { kind, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    } catch (error) {
      if (error instanceof DecisionImportRejected) {
        return NextResponse.json({ errors: error.problems, error: { code: error.code, message: error.message } }, { status: 422 });
      }
      throw error;
    }
  });
}
