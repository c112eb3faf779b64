"use client";

import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { messages } from "@/lib/i18n";
import { createSectionAction, renameSectionAction } from "./actions";

const m = messages.sections;

export function CreateSectionForm() {
  return (
    <ActionForm action={createSectionAction} resetOnSuccess aria-label={m.create}>
      <div className="grid gap-x-4 md:grid-cols-2">
        <TextField name="name" label={m.name} required maxLength={40} />
        <TextField name="sortOrder" label={m.sortOrder} type="number" defaultValue={0} />
      </div>
      <SubmitButton>{m.create}</SubmitButton>
    </ActionForm>
  );
}

export function RenameSectionForm({ section }: { section: { id: number; name: string; sortOrder: number } }) {
  return (
    <ActionForm action={renameSectionAction.bind(null, section.id)} aria-label={`${m.rename} ${section.name}`} className="flex flex-wrap items-end gap-3">
      <TextField name="name" label={m.name} defaultValue={section.name} required maxLength={40} />
      <TextField name="sortOrder" label={m.sortOrder} type="number" defaultValue={section.sortOrder} />
      <div className="mb-4">
        <SubmitButton variant="secondary">{m.rename}</SubmitButton>
      </div>
    </ActionForm>
  );
}
