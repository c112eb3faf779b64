"use client";

import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormState } from "@/lib/forms/form-state";
import { inspectionsMessages } from "@/lib/i18n/zh-CN/inspections";
import { FileField } from "@/components/forms/field";

const m = inspectionsMessages.importForm;

export function ImportForm({ action, columns, templateHref, label }: { action: (state: FormState, formData: FormData) => Promise<FormState>; columns: readonly string[]; templateHref: string; label: string }) {
  return (
    <ActionForm action={action} resetOnSuccess aria-label={label}>
      <p className="mb-3 text-sm text-gray-800">{m.help(columns.join("、"))}</p>
      <p className="mb-3 text-sm"><a href={templateHref} download>{m.template}</a></p>
      <FileField name="file" label={m.file} accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
      <SubmitButton>{m.submit}</SubmitButton>
    </ActionForm>
  );
}
