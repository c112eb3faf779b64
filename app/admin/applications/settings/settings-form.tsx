"use client";

import { ActionForm } from "@/components/forms/action-form";
import { SelectField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormState } from "@/lib/forms/form-state";
import { applicationsMessages } from "@/lib/i18n/zh-CN/applications";

export function SettingsForm({
  action,
  sections,
  current,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  sections: { value: number; label: string }[];
  current?: number;
}) {
  const m = applicationsMessages.console.settingsForm;
  return (
    <ActionForm action={action} aria-label={m.title}>
      <SelectField name="handlingSectionId" label={m.section} options={sections} defaultValue={current} required />
      <SubmitButton>{m.save}</SubmitButton>
    </ActionForm>
  );
}
