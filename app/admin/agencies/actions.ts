"use server";

import { revalidatePath } from "next/cache";
import { buildOneTimePasswordDownload, importAgencies, type OneTimeCredential } from "@/lib/agency/import-agencies";
import { createAgency, updateAgency } from "@/lib/agency/manage-agencies";
import { assertPermitted } from "@/lib/auth/permissions";
import { requireSessionUser } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms/form-state";
import { runFormAction } from "@/lib/forms/run-form-action";
import { messages } from "@/lib/i18n";
import { importFileFromFormData } from "@/lib/imports/upload";
import { formDataToObject } from "@/lib/validation";

/** 新增机关 (the platform administrator). */
export async function createAgencyAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(
    async () => {
      const agency = await createAgency(await requireSessionUser(), formDataToObject(formData));
      revalidatePath("/admin/agencies");
      revalidatePath("/agencies");
      return messages.agencies.created(agency.name);
    },
    { keepValues: formData },
  );
}

/**
 * Saves an agency: the platform administrator every field, an agency's administrator only its own
 * agency's name, contact and leading group (the data layer decides which; another agency is 404).
 */
export async function updateAgencyAction(code: string, _state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(
    async () => {
      // The bound code comes back from the browser: anything but a string is no agency's (404).
      const agency = await updateAgency(await requireSessionUser(), typeof code === "string" ? code : "", formDataToObject(formData));
      revalidatePath("/admin/agencies");
      revalidatePath(`/admin/agencies/${agency.code}`);
      revalidatePath("/", "layout");
      return messages.agencies.saved;
    },
    { keepValues: formData },
  );
}

/** What the import form shows once: the new agencies, the administrators' one-time passwords and their .xlsx. */
export type AgencyImportOutcome = {
  agencies: { code: string; name: string }[];
  credentials: OneTimeCredential[];
  /** The passwords' spreadsheet, base64: made for this response only and stored nowhere. */
  download: { fileName: string; contentType: string; base64: string } | null;
};

/** 批量导入机关 (the platform administrator): all rows or none; the passwords are shown this once. */
export async function importAgenciesAction(_state: FormState<AgencyImportOutcome>, formData: FormData): Promise<FormState<AgencyImportOutcome>> {
  return runFormAction<AgencyImportOutcome>(async () => {
    const actor = await requireSessionUser();
    // Refused before the upload is read (the data layer checks again).
    assertPermitted(actor, "agency.manage");
    const result = await importAgencies(actor, await importFileFromFormData(formData));
    const download = result.credentials.length ? await buildOneTimePasswordDownload(result.credentials) : null;
    revalidatePath("/admin/agencies");
    revalidatePath("/agencies");
    return {
      message: messages.agencies.importPage.imported(result.agencies.length, result.credentials.length),
      result: {
        ...result,
        download: download && { fileName: download.fileName, contentType: download.contentType, base64: Buffer.from(download.body).toString("base64") },
      },
    };
  });
}
