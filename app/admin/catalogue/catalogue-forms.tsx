"use client";

import { ConfirmDialog } from "@/components/console/confirm-dialog";
import { ActionForm } from "@/components/forms/action-form";
import { SelectField, TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { messages } from "@/lib/i18n";
import { createCategoryAction, deleteCategoryAction, updateCategoryAction } from "./actions";

const m = messages.catalogueAdmin;

export type ParentOption = { value: string | number; label: string };
export type EditableCategory = { id: number; name: string; slug: string; parentId: number | null; kind: "list" | "page"; sortOrder: number };

const kindOptions = (["list", "page"] as const).map((kind) => ({ value: kind, label: m.kinds[kind] }));

function CategoryFields({ category, parentOptions }: { category?: EditableCategory; parentOptions: ParentOption[] }) {
  return (
    <div className="grid gap-x-4 md:grid-cols-2 lg:grid-cols-3">
      <TextField name="name" label={m.name} defaultValue={category?.name} required maxLength={40} />
      <TextField name="slug" label={m.slug} defaultValue={category?.slug} required maxLength={60} hint={m.slugHint} />
      <SelectField name="parentId" label={m.parent} options={parentOptions} defaultValue={category?.parentId ?? ""} />
      <SelectField name="kind" label={m.kind} options={kindOptions} defaultValue={category?.kind ?? "list"} required />
      <TextField name="sortOrder" label={m.sortOrder} type="number" defaultValue={category?.sortOrder ?? 0} hint={m.sortOrderHint} />
    </div>
  );
}

export function CreateCategoryForm({ parentOptions }: { parentOptions: ParentOption[] }) {
  return (
    <ActionForm action={createCategoryAction} resetOnSuccess aria-label={m.create}>
      <CategoryFields parentOptions={parentOptions} />
      <SubmitButton>{m.create}</SubmitButton>
    </ActionForm>
  );
}

export function EditCategoryForm({ category, parentOptions }: { category: EditableCategory; parentOptions: ParentOption[] }) {
  return (
    <ActionForm action={updateCategoryAction.bind(null, category.id)} aria-label={m.editLabel(category.name)} className="pt-3">
      <CategoryFields category={category} parentOptions={parentOptions} />
      <SubmitButton variant="secondary">{m.save}</SubmitButton>
    </ActionForm>
  );
}

export function DeleteCategoryForm({ category }: { category: { id: number; name: string } }) {
  return (
    <ConfirmDialog
      action={deleteCategoryAction.bind(null, category.id)}
      label={m.delete}
      ariaLabel={m.deleteLabel(category.name)}
      question={messages.kit.confirmQuestion(m.delete, category.name)}
    />
  );
}
