"use client";

import { ActionForm, useFormState } from "@/components/forms/action-form";
import { FileField } from "@/components/forms/field";
import { ImportProblems } from "@/components/forms/import-problems";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormState } from "@/lib/forms/form-state";
import { messages } from "@/lib/i18n";

const m = messages.proposals.console.importPage;

function Problems() {
  return <ImportProblems problems={useFormState().importProblems} />;
}

export function ImportForm({ action }: { action: (state: FormState, formData: FormData) => Promise<FormState> }) {
  return (
    <ActionForm action={action} resetOnSuccess aria-label={m.title}>
      <FileField name="file" label={m.file} required accept=".xlsx,.csv" errorTestId="import-errors" />
      <SubmitButton>{m.submit}</SubmitButton>
      <Problems />
    </ActionForm>
  );
}
