"use server";

import { revalidatePath } from "next/cache";
import { requireSessionUser } from "@/lib/auth/session";
import { createCategory, deleteCategory, updateCategory } from "@/lib/catalogue/manage-catalogue";
import type { FormState } from "@/lib/forms/form-state";
import { runFormAction } from "@/lib/forms/run-form-action";
import { messages } from "@/lib/i18n";
import { formDataToObject } from "@/lib/validation";

export async function createCategoryAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await createCategory(await requireSessionUser(), formDataToObject(formData));
    revalidatePath("/admin/catalogue");
    return messages.catalogueAdmin.created;
  });
}

export async function updateCategoryAction(categoryId: number, _state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await updateCategory(await requireSessionUser(), categoryId, formDataToObject(formData));
    revalidatePath("/admin/catalogue");
    return messages.catalogueAdmin.saved;
  });
}

export async function deleteCategoryAction(categoryId: number, _state: FormState, _formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await deleteCategory(await requireSessionUser(), categoryId);
    revalidatePath("/admin/catalogue");
    return messages.catalogueAdmin.deleted;
  });
}
