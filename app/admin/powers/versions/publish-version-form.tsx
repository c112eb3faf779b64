"use client";

import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormState } from "@/lib/forms/form-state";
import { messages } from "@/lib/i18n";

const v = messages.registers.powers.versions;

export function PublishVersionForm({ action, defaultYear }: { action: (state: FormState, formData: FormData) => Promise<FormState>; defaultYear: number }) {
  return (
    <ActionForm action={action} aria-label={v.publishTitle} className="max-w-xl">
      <TextField name="year" type="number" label={v.year} defaultValue={defaultYear} required />
      <TextField name="note" label={v.note} maxLength={500} />
      <SubmitButton>{v.publish}</SubmitButton>
    </ActionForm>
  );
}
