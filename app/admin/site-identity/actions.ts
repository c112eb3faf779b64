"use server";

import { revalidatePath } from "next/cache";
import { updateIndexNumberSettings } from "@/lib/agency/index-number-settings";
import { updateSiteIdentity } from "@/lib/agency/site-identity";
import { requireSessionUser } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms/form-state";
import { runFormAction } from "@/lib/forms/run-form-action";
import { messages } from "@/lib/i18n";
import { formDataToObject } from "@/lib/validation";

export async function saveSiteIdentityAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(
    async () => {
      await updateSiteIdentity(await requireSessionUser(), formDataToObject(formData));
      revalidatePath("/", "layout");
      return messages.siteIdentity.saved;
    },
    { keepValues: formData },
  );
}

export async function saveIndexNumberSettingsAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(
    async () => {
      await updateIndexNumberSettings(await requireSessionUser(), formDataToObject(formData));
      return messages.indexNumberSettings.saved;
    },
    { keepValues: formData },
  );
}
