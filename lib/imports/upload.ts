import "server-only";
import { ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { asFormData } from "@/lib/validation";
import { assertImportSize, type ImportFile } from "./read-import";

/**
 * The uploaded file of an import form or request (multipart field `file`): no file is a 422 on
 * the field; a file over IMPORT_MAX_MB is refused as an import before its bytes are read.
 */
export async function importFileFromFormData(formData: FormData, field = "file"): Promise<ImportFile> {
  // A server action's form comes from the browser as it was sent: anything but a form has no file.
  const file = asFormData(formData).get(field);
  if (!(file instanceof File) || file.size === 0) throw new ValidationError({ [field]: [messages.imports.fileRequired] });
  assertImportSize(file.size);
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** The same, from a route handler's request. */
export async function importFileFromRequest(request: Request): Promise<ImportFile> {
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    throw new ValidationError({ file: [messages.imports.notMultipart] });
  }
  return importFileFromFormData(formData);
}
