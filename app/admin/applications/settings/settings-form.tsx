"use client";

import { ActionForm } from "@/components/forms/action-form";
import { SelectField, TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormState } from "@/lib/forms/form-state";
import { applicationsMessages } from "@/lib/i18n/zh-CN/applications";

export function SettingsForm({
  action,
  sections,
  current,
  rules,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  sections: { value: number; label: string }[];
  current?: number;
  rules: { reconsiderationOrgan: string | null; litigationCourt: string | null; extensionApproverRole: string; deferRestDayReceipt: boolean };
}) {
  const m = applicationsMessages.console.settingsForm;
  return (
    <ActionForm action={action} aria-label={m.title}>
      <SelectField name="handlingSectionId" label={m.section} options={sections} defaultValue={current} required />
      <TextField
        name="reconsiderationOrgan"
        label={m.reconsiderationOrgan}
        hint={m.reconsiderationOrganHint}
        defaultValue={rules.reconsiderationOrgan ?? ""}
        maxLength={100}
      />
      <TextField name="litigationCourt" label={m.litigationCourt} hint={m.litigationCourtHint} defaultValue={rules.litigationCourt ?? ""} maxLength={100} />
      <SelectField
        name="extensionApproverRole"
        label={m.extensionApproverRole}
        defaultValue={rules.extensionApproverRole}
        options={(["section_head", "leader"] as const).map((value) => ({ value, label: m.extensionApproverRoles[value] }))}
      />
      <SelectField
        name="deferRestDayReceipt"
        label={m.deferRestDayReceipt}
        hint={m.deferRestDayReceiptHint}
        defaultValue={String(rules.deferRestDayReceipt)}
        options={(["true", "false"] as const).map((value) => ({ value, label: m.deferRestDayReceiptOptions[value] }))}
      />
      <SubmitButton>{m.save}</SubmitButton>
    </ActionForm>
  );
}
