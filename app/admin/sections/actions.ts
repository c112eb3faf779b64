"use server";

import { revalidatePath } from "next/cache";
import { requireSessionUser } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms/form-state";
import { runFormAction } from "@/lib/forms/run-form-action";
import { messages } from "@/lib/i18n";
import { addSectionWebhook, removeSectionWebhook } from "@/lib/notifications/section-webhooks";
import { createSection, renameSection } from "@/lib/sections/manage-sections";
import { formDataToObject } from "@/lib/validation";

export async function createSectionAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await createSection(await requireSessionUser(), formDataToObject(formData));
    revalidatePath("/admin/sections");
    return messages.sections.created;
  });
}

export async function renameSectionAction(sectionId: number, _state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await renameSection(await requireSessionUser(), sectionId, formDataToObject(formData));
    revalidatePath("/admin/sections");
    return messages.sections.saved;
  });
}

export async function addSectionWebhookAction(sectionId: number, _state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await addSectionWebhook(await requireSessionUser(), sectionId, formDataToObject(formData));
    revalidatePath("/admin/sections");
    return messages.notifications.webhooks.added;
  });
}

export async function removeSectionWebhookAction(webhookId: number, _state: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await removeSectionWebhook(await requireSessionUser(), webhookId);
    revalidatePath("/admin/sections");
    return messages.notifications.webhooks.removed;
  });
}
