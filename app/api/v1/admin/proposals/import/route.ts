import { respondWithJson } from "@/lib/api/respond";
import { requireApiUser } from "@/lib/auth/session";
import { ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { importProposals } from "@/lib/proposals/import-proposals";

export const dynamic = "force-dynamic";

/**
 * The yearly assignment list as multipart form data (field `file`, .xlsx or .csv): 201
 * `{imported, ids}`, or 422 with `error.details.problems` = [{row, column, message}] and nothing imported.
 */
export function POST(request: Request) {
  return respondWithJson(async () => {
    const actor = await requireApiUser(request);
    let file: FormDataEntryValue | null = null;
    try {
      file = (await request.formData()).get("file");
    } catch {
      throw new ValidationError({ file: [messages.common.imports.multipartExpected] });
    }
    if (!(file instanceof File)) throw new ValidationError({ file: [messages.common.imports.chooseFile] });
    return importProposals(actor, new Uint8Array(await file.arrayBuffer()), file.name);
  }, 201);
}
