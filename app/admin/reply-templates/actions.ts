"use server";

import { redirect } from "next/navigation";
import { requireSessionUser } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms/form-state";
import { runFormAction } from "@/lib/forms/run-form-action";
import { messages } from "@/lib/i18n";
import { resetReplyTemplate, saveReplyTemplate } from "@/lib/reply-letters/manage-templates";
import { formDataToObject } from "@/lib/validation";

export async function saveReplyTemplateAction(outcome: string, _state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await saveReplyTemplate(await requireSessionUser(), outcome, formDataToObject(formData));
    return messages.applications.templatesAdmin.saved;
  });
}

export async function resetReplyTemplateAction(outcome: string, _state: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await resetReplyTemplate(await requireSessionUser(), outcome);
    redirect(`/admin/reply-templates/${outcome}?reset=1`);
  });
}
