"use client";

import { ActionForm, useFormState } from "@/components/forms/action-form";
import { FileField } from "@/components/forms/field";
import { ImportProblems } from "@/components/forms/import-problems";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormState } from "@/lib/forms/form-state";
import { inspectionsMessages } from "@/lib/i18n/zh-CN/inspections";

const m = inspectionsMessages.importForm;

function Problems() {
  return <ImportProblems problems={useFormState().importProblems} />;
}

export function ImportForm({
  action,
  columns,
  templateHref,
  label,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  columns: readonly string[];
  templateHref: string;
  label: string;
}) {
  return (
    <ActionForm action={action} resetOnSuccess aria-label={label}>
      <p className="mb-3 text-sm text-gray-800">{m.help(columns.join("、"))}</p>
      <p className="mb-3 text-sm">
        <a href={templateHref} download>
          {m.template}
        </a>{" "}
        <a href={`${templateHref}?format=csv`} download>
          （CSV）
        </a>
      </p>
      <FileField name="file" label={m.file} accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" />
      <SubmitButton>{m.submit}</SubmitButton>
      <Problems />
    </ActionForm>
  );
}
