"use server";

import { revalidatePath } from "next/cache";
import { requireSessionUser } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms/form-state";
import { runFormAction } from "@/lib/forms/run-form-action";
import { messages } from "@/lib/i18n";
import { addSensitiveWords, removeSensitiveWord } from "@/lib/sensitive-words/manage-sensitive-words";
import { formDataToObject } from "@/lib/validation";

export async function addSensitiveWordsAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    const { added, skipped } = await addSensitiveWords(await requireSessionUser(), formDataToObject(formData));
    revalidatePath("/admin/sensitive-words");
    return messages.sensitiveWordsAdmin.added(added.length, skipped.length);
  });
}

export async function removeSensitiveWordAction(wordId: number, _state: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await removeSensitiveWord(await requireSessionUser(), wordId);
    revalidatePath("/admin/sensitive-words");
    return messages.sensitiveWordsAdmin.removed;
  });
}
