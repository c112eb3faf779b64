import "server-only";
import { NextResponse } from "next/server";
import { ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { ImportRejectedError } from "@/lib/inspections/manage-lists";
import { maximumImportBytes } from "@/lib/inspections/spreadsheet";

/** The uploaded file of a multipart request (field `file`), or a 422. */
export async function readUploadedFile(request: Request): Promise<Buffer> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new ValidationError({ file: [messages.common.imports.multipartExpected] });
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) throw new ValidationError({ file: [messages.common.imports.chooseExcelFile] });
  if (file.size > maximumImportBytes) throw new ValidationError({ file: [messages.common.imports.fileTooLargeSplit(maximumImportBytes / 1024 / 1024)] });
  return Buffer.from(await file.arrayBuffer());
}

/** 200 `{imported, listVersion}`, or 422 `{errors: [{row, column, message}]}` (with the usual `error`). */
export async function runImport(work: () => Promise<{ imported: number; listVersion: number }>): Promise<unknown> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof ImportRejectedError)) throw error;
    return NextResponse.json({ error: { code: error.code, message: error.message, fields: error.fields }, errors: error.problems }, { status: 422 });
  }
}

export function spreadsheetResponse(data: Buffer, fileName: string): Response {
  return new Response(new Uint8Array(data), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    },
  });
}
