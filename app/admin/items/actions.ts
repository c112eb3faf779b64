"use server";

import { redirect } from "next/navigation";
import { requireSessionUser } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms/form-state";
import { runFormAction } from "@/lib/forms/run-form-action";
import { messages } from "@/lib/i18n";
import { createItem, restoreRevision, updateItem } from "@/lib/items/manage-items";
import { withReceivedUploads } from "@/lib/items/received-uploads";
import { transitionItem } from "@/lib/items/item-review";
import { asFormData, formDataToObject } from "@/lib/validation";

function itemFields(formData: FormData): Record<string, unknown> {
  const fields = formDataToObject(formData);
  delete fields.files;
  // Unticked checkboxes send nothing: an empty list must still reach the data layer.
  fields.channels = asFormData(formData).getAll("channels");
  fields.attachmentFileIds = asFormData(formData).getAll("attachmentFileIds");
  return fields;
}

function uploadedFiles(formData: FormData): File[] {
  return asFormData(formData).getAll("files").filter((value): value is File => value instanceof File && value.size > 0);
}

export async function createItemAction(_state: FormState, formData: FormData): Promise<FormState> {
  let createdId = 0;
  const state = await runFormAction(async () => {
    const actor = await requireSessionUser();
    const created = await withReceivedUploads(uploadedFiles(formData), (uploads) => createItem(actor, itemFields(formData), uploads));
    createdId = created.id;
    return messages.consoleItems.created;
  });
  if (createdId) redirect(`/admin/items/${createdId}`);
  return state;
}

export async function updateItemAction(itemId: number, _state: FormState, formData: FormData): Promise<FormState> {
  let saved = false;
  const state = await runFormAction(async () => {
    const actor = await requireSessionUser();
    await withReceivedUploads(uploadedFiles(formData), (uploads) => updateItem(actor, itemId, itemFields(formData), uploads));
    saved = true;
    return messages.consoleItems.saved;
  });
  if (saved) redirect(`/admin/items/${itemId}`);
  return state;
}

export async function transitionItemAction(itemId: number, _state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    const acknowledgements = [...asFormData(formData).entries()]
      .filter(([key, value]) => key.startsWith("ack:") && typeof value === "string" && value.trim())
      .map(([key, value]) => ({ key: key.slice(4), note: String(value) }));
    const publishAt = String(asFormData(formData).get("publishAt") ?? "").trim();
    await transitionItem(await requireSessionUser(), itemId, {
      action: asFormData(formData).get("action"),
      comment: asFormData(formData).get("comment") || null,
      // The console asks for Beijing time.
      publishAt: publishAt ? `${publishAt}:00+08:00` : null,
      version: asFormData(formData).get("version"),
      acknowledgements,
    });
    redirect(`/admin/items/${itemId}?done=1`);
  });
}

export async function restoreRevisionAction(itemId: number, revisionNumber: number, version: number): Promise<FormState> {
  return runFormAction(async () => {
    await restoreRevision(await requireSessionUser(), itemId, revisionNumber, version);
    redirect(`/admin/items/${itemId}?restored=1`);
  });
}
