"use server";

import { redirect } from "next/navigation";
import type { ActingUser } from "@/lib/auth/acting-user";
import { requireSessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import type { FormState } from "@/lib/forms/form-state";
import { runFormAction } from "@/lib/forms/run-form-action";
import { messages } from "@/lib/i18n";
import { transitionItem } from "@/lib/items/item-review";
import { createItem, restoreRevision, updateItem } from "@/lib/items/manage-items";
import { withReceivedUploads } from "@/lib/items/received-uploads";
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
  return asFormData(formData)
    .getAll("files")
    .filter((value): value is File => value instanceof File && value.size > 0);
}

/**
 * "保存并提交审核": the draft is saved first (it stands whatever follows), then submitted as its own
 * review step. A refused submission (screening findings to acknowledge, a permission) leaves the
 * saved draft and says so; the review panel then shows what to do.
 */
async function afterSave(actor: ActingUser, formData: FormData, saved: { id: number; version: number }): Promise<string> {
  if (asFormData(formData).get("then") !== "submit") return `/admin/items/${saved.id}?saved=1`;
  try {
    await transitionItem(actor, saved.id, { action: "submit", comment: null, publishAt: null, version: saved.version, acknowledgements: [] });
    return `/admin/items/${saved.id}?done=1`;
  } catch (error) {
    if (error instanceof AppError) return `/admin/items/${saved.id}?saved=not-submitted`;
    throw error;
  }
}

export async function createItemAction(_state: FormState, formData: FormData): Promise<FormState> {
  let next = "";
  const state = await runFormAction(async () => {
    const actor = await requireSessionUser();
    const created = await withReceivedUploads(uploadedFiles(formData), (uploads) => createItem(actor, itemFields(formData), uploads));
    next = await afterSave(actor, formData, created);
    return messages.consoleItems.created;
  });
  if (next) redirect(next);
  return state;
}

export async function updateItemAction(itemId: number, _state: FormState, formData: FormData): Promise<FormState> {
  let next = "";
  const state = await runFormAction(async () => {
    const actor = await requireSessionUser();
    const saved = await withReceivedUploads(uploadedFiles(formData), (uploads) => updateItem(actor, itemId, itemFields(formData), uploads));
    next = await afterSave(actor, formData, saved);
    return messages.consoleItems.saved;
  });
  if (next) redirect(next);
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
