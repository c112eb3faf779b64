"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { signIn } from "@/lib/auth/next-auth";
import { requireSessionUser, requireSessionUserForPasswordChange } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms/form-state";
import { runFormAction } from "@/lib/forms/run-form-action";
import { messages } from "@/lib/i18n";
import { updateMyNotificationPreferences } from "@/lib/notifications/preferences";
import { changeOwnPassword } from "@/lib/users/manage-users";
import { formDataToObject } from "@/lib/validation";

export async function changePasswordAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    // Also the account that must change a one-time password: this is the one thing it may do.
    const actor = await requireSessionUserForPasswordChange();
    await changeOwnPassword(actor, formDataToObject(formData));
    // The change ended every session of this user, this one too: sign this one in again with the
    // new password, so that only the others end. Should that fail (e.g. sign-in throttling), the
    // password is changed all the same and the user signs in again with it.
    await signIn("credentials", { username: actor.username, password: String(formData.get("newPassword")), redirect: false }).catch((error: unknown) => {
      if (!(error instanceof AuthError)) throw error;
    });
    revalidatePath("/admin/account");
    // The one-time password is gone: on to the console, which was closed until now.
    if (actor.mustChangePassword) redirect("/admin");
    return messages.account.passwordChanged;
  });
}

export async function createTokenAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    const { token } = await createApiToken(await requireSessionUser(), formDataToObject(formData));
    revalidatePath("/admin/account");
    return { message: messages.account.tokenShownOnce, secret: token };
  });
}

export async function revokeTokenAction(tokenId: number, _state: FormState): Promise<FormState> {
  return runFormAction(async () => {
    await revokeApiToken(await requireSessionUser(), tokenId);
    revalidatePath("/admin/account");
    return messages.account.revoked;
  });
}

export async function updateNotificationPreferencesAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await updateMyNotificationPreferences(await requireSessionUser(), formDataToObject(formData));
    revalidatePath("/admin/account");
    return messages.notifications.preferences.saved;
  });
}
