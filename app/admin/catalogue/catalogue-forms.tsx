"use client";

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
    <ActionForm action={deleteCategoryAction.bind(null, category.id)} aria-label={m.deleteLabel(category.name)}>
      <button
        type="submit"
        aria-label={m.deleteLabel(category.name)}
        className="rounded border border-red-700 bg-white px-3 py-1 text-sm text-red-800 hover:bg-red-50 focus:outline-none focus:ring-2 focus:ring-blue-700 focus:ring-offset-2"
      >
        {m.delete}
      </button>
    </ActionForm>
  );
}
