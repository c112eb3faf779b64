"use server";

import { redirect } from "next/navigation";
import { requireSessionUser } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms/form-state";
import { runFormAction } from "@/lib/forms/run-form-action";
import { messages } from "@/lib/i18n";
import { createService, updateService, withReceivedServiceForms } from "@/lib/services/manage-services";
import { transitionService } from "@/lib/services/service-review";
import { asFormData, formDataToObject } from "@/lib/validation";

/** The form's parallel material columns (one entry per row) become the API's list of materials. */
function serviceFields(formData: FormData): Record<string, unknown> {
  const fields = formDataToObject(formData);
  const names = asFormData(formData).getAll("materialName").map(String);
  const originals = asFormData(formData).getAll("materialOriginals").map(String);
  const copies = asFormData(formData).getAll("materialCopies").map(String);
  const notes = asFormData(formData).getAll("materialNote").map(String);
  fields.materials = names
    .map((name, index) => ({ name, originals: originals[index] ?? "", copies: copies[index] ?? "", note: notes[index] ?? "" }))
    .filter((material) => material.name.trim() || material.note.trim() || material.originals.trim() || material.copies.trim());
  fields.keepFormIds = asFormData(formData).getAll("keepFormIds");
  for (const key of ["materialName", "materialOriginals", "materialCopies", "materialNote", "files"]) delete fields[key];
  return fields;
}

function uploadedFiles(formData: FormData): File[] {
  return asFormData(formData)
    .getAll("files")
    .filter((value): value is File => value instanceof File && value.size > 0);
}

export async function createServiceAction(_state: FormState, formData: FormData): Promise<FormState> {
  let createdId = 0;
  const state = await runFormAction(async () => {
    const actor = await requireSessionUser();
    createdId = (await withReceivedServiceForms(uploadedFiles(formData), (forms) => createService(actor, serviceFields(formData), forms))).id;
    return messages.registers.review.created;
  });
  if (createdId) redirect(`/admin/services/${createdId}`);
  return state;
}

export async function updateServiceAction(serviceId: number, _state: FormState, formData: FormData): Promise<FormState> {
  let saved = false;
  const state = await runFormAction(async () => {
    const actor = await requireSessionUser();
    await withReceivedServiceForms(uploadedFiles(formData), (forms) => updateService(actor, serviceId, serviceFields(formData), forms));
    saved = true;
    return messages.registers.review.saved;
  });
  if (saved) redirect(`/admin/services/${serviceId}?saved=1`);
  return state;
}

export async function transitionServiceAction(serviceId: number, _state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await transitionService(await requireSessionUser(), serviceId, formDataToObject(formData));
    redirect(`/admin/services/${serviceId}?done=1`);
  });
}
