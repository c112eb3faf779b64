"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireSessionUser } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms/form-state";
import { runFormAction } from "@/lib/forms/run-form-action";
import { messages } from "@/lib/i18n";
import { createPower, publishPowerListVersion, updatePower } from "@/lib/powers/manage-powers";
import { transitionPower } from "@/lib/powers/power-review";
import { formDataToObject } from "@/lib/validation";

export async function createPowerAction(_state: FormState, formData: FormData): Promise<FormState> {
  let createdId = 0;
  const state = await runFormAction(async () => {
    createdId = (await createPower(await requireSessionUser(), formDataToObject(formData))).id;
    return messages.registers.review.created;
  });
  if (createdId) redirect(`/admin/powers/${createdId}`);
  return state;
}

export async function updatePowerAction(powerId: number, _state: FormState, formData: FormData): Promise<FormState> {
  let saved = false;
  const state = await runFormAction(async () => {
    await updatePower(await requireSessionUser(), powerId, formDataToObject(formData));
    saved = true;
    return messages.registers.review.saved;
  });
  if (saved) redirect(`/admin/powers/${powerId}?saved=1`);
  return state;
}

export async function transitionPowerAction(powerId: number, _state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await transitionPower(await requireSessionUser(), powerId, formDataToObject(formData));
    redirect(`/admin/powers/${powerId}?done=1`);
  });
}

export async function publishPowerListVersionAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    const published = await publishPowerListVersion(await requireSessionUser(), formDataToObject(formData));
    revalidatePath("/admin/powers/versions");
    return messages.registers.powers.versions.published(published.year, published.entryCount);
  });
}
