"use client";

import { NoteField } from "@/app/admin/applications/_components/application-forms";
import { ActionForm } from "@/components/forms/action-form";
import { ButtonForm } from "@/components/forms/button-form";
import { TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { applicationTextLimits } from "@/lib/applications/application-fields";
import type { FormState } from "@/lib/forms/form-state";
import { applicationsMessages } from "@/lib/i18n/zh-CN/applications";

type Run = (state: FormState, formData: FormData) => Promise<FormState>;
const m = applicationsMessages.templatesAdmin;

export function ReplyTemplateForm({ action, template }: { action: Run; template: { title: string; legalBasis: string; body: string } }) {
  return (
    <ActionForm action={action} aria-label={m.title}>
      <TextField name="title" label={m.titleField} defaultValue={template.title} required maxLength={applicationTextLimits.templateTitle} />
      <NoteField name="legalBasis" label={m.legalBasis} defaultValue={template.legalBasis} required rows={2} maxLength={500} />
      <NoteField name="body" label={m.body} defaultValue={template.body} required rows={14} maxLength={applicationTextLimits.templateBody} hint={m.bodyHint} />
      <SubmitButton>{m.save}</SubmitButton>
    </ActionForm>
  );
}

export function ResetTemplateForm({ action }: { action: Run }) {
  return <ButtonForm action={action} label={m.reset} className="mt-4 border-t border-gray-200 pt-4" />;
}
