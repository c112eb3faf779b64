"use server";

import { revalidatePath } from "next/cache";
import { requireSessionUser } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms/form-state";
import { runFormAction } from "@/lib/forms/run-form-action";
import { messages } from "@/lib/i18n";
import { updateOversightSettings } from "@/lib/oversight/oversight-settings";
import { addWordingRules, removeWordingRule } from "@/lib/oversight/wording-rules";
import { formDataToNestedObject, formDataToObject } from "@/lib/validation";

const m = messages.oversight;

export async function updateOversightSettingsAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await updateOversightSettings(await requireSessionUser(), formDataToNestedObject(formData));
    revalidatePath("/admin/spot-check");
    return m.settings.saved;
  });
}

export async function addWordingRulesAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    const { added } = await addWordingRules(await requireSessionUser(), formDataToObject(formData));
    revalidatePath("/admin/spot-check");
    return m.wording.added(added);
  });
}

export async function removeWordingRuleAction(ruleId: number, _state: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await removeWordingRule(await requireSessionUser(), ruleId);
    revalidatePath("/admin/spot-check");
    return m.wording.removed;
  });
}
