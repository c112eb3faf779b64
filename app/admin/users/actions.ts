"use server";

import { revalidatePath } from "next/cache";
import { requireSessionUser } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms/form-state";
import { runFormAction } from "@/lib/forms/run-form-action";
import { messages } from "@/lib/i18n";
import { endDemoMode } from "@/lib/users/end-demo-mode";
import { createUser, resetUserPassword, setUserDisabled, updateUser } from "@/lib/users/manage-users";
import { formDataToObject } from "@/lib/validation";

export async function createUserAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await createUser(await requireSessionUser(), formDataToObject(formData));
    revalidatePath("/admin/users");
    return messages.users.created;
  });
}

export async function updateUserAction(userId: number, _state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await updateUser(await requireSessionUser(), userId, formDataToObject(formData));
    revalidatePath("/admin/users");
    return messages.users.saved;
  });
}

export async function resetPasswordAction(userId: number, _state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await resetUserPassword(await requireSessionUser(), userId, formDataToObject(formData));
    return messages.users.passwordResetSessionsEnded;
  });
}

export async function setDisabledAction(userId: number, disabled: boolean, _state: FormState): Promise<FormState> {
  return runFormAction(async () => {
    await setUserDisabled(await requireSessionUser(), userId, disabled);
    revalidatePath("/admin/users");
    revalidatePath(`/admin/users/${userId}`);
    return messages.users.saved;
  });
}

export async function endDemoModeAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    const { disabledUsernames } = await endDemoMode(await requireSessionUser(), formDataToObject(formData));
    revalidatePath("/admin/users");
    revalidatePath("/login");
    return messages.users.demoModeEnded(disabledUsernames);
  });
}
