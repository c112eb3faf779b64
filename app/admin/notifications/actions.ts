"use server";

import { revalidatePath } from "next/cache";
import { requireSessionUser } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms/form-state";
import { runFormAction } from "@/lib/forms/run-form-action";
import { messages } from "@/lib/i18n";
import { markAllMyNotificationsRead, markNotificationRead } from "@/lib/notifications/inbox";

const m = messages.notifications;

export async function markNotificationReadAction(notificationId: number, _state: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await markNotificationRead(await requireSessionUser(), notificationId);
    revalidatePath("/admin", "layout");
    return m.markedRead;
  });
}

export async function markAllNotificationsReadAction(_state: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    const { count } = await markAllMyNotificationsRead(await requireSessionUser());
    revalidatePath("/admin", "layout");
    return m.allMarkedRead(count);
  });
}
