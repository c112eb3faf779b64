"use client";

import { ActionForm, useFormState } from "@/components/forms/action-form";
import { ImportProblems } from "@/components/forms/import-problems";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormState } from "@/lib/forms/form-state";
import { messages } from "@/lib/i18n";

const m = messages.proposals.console.importPage;

function FileField() {
  const errors = useFormState().fields?.file;
  return (
    <div className="mb-4">
      <label htmlFor="import-file" className="block text-sm font-medium">{m.file}<span className="ml-1 text-red-700" aria-hidden="true">*</span></label>
      <input id="import-file" type="file" name="file" required accept=".xlsx,.csv" aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? "import-file-errors" : undefined} className="mt-1 block text-sm" />
      {errors?.length ? (
        <ul id="import-file-errors" className="mt-2 list-disc space-y-1 pl-6 text-sm text-red-700" data-testid="import-errors">
          {errors.map((error) => <li key={error}>{error}</li>)}
        </ul>
      ) : null}
    </div>
  );
}

function Problems() {
  return <ImportProblems problems={useFormState().importProblems} />;
}

export function ImportForm({ action }: { action: (state: FormState, formData: FormData) => Promise<FormState> }) {
  return (
    <ActionForm action={action} resetOnSuccess aria-label={m.title}>
      <FileField />
      <SubmitButton>{m.submit}</SubmitButton>
      <Problems />
    </ActionForm>
  );
}
