"use server";

import { revalidatePath } from "next/cache";
import { requireSessionUser } from "@/lib/auth/session";
import { removeCalendarOverride, setCalendarOverride } from "@/lib/calendar/manage-calendar-overrides";
import type { FormState } from "@/lib/forms/form-state";
import { runFormAction } from "@/lib/forms/run-form-action";
import { messages } from "@/lib/i18n";
import { formDataToObject } from "@/lib/validation";

export async function setCalendarOverrideAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await setCalendarOverride(await requireSessionUser(), formDataToObject(formData));
    revalidatePath("/admin/calendar");
    return messages.calendarAdmin.saved;
  });
}

export async function removeCalendarOverrideAction(date: string, _state: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await removeCalendarOverride(await requireSessionUser(), date);
    revalidatePath("/admin/calendar");
    return messages.calendarAdmin.removed;
  });
}
