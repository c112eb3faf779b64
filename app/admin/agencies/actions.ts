"use server";

import { revalidatePath } from "next/cache";
import { createAgency, updateAgency } from "@/lib/agency/manage-agencies";
import { requireSessionUser } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms/form-state";
import { runFormAction } from "@/lib/forms/run-form-action";
import { messages } from "@/lib/i18n";
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
