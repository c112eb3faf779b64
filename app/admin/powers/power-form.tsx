"use client";

import { ActionForm } from "@/components/forms/action-form";
import { DateField, SelectField, TextAreaField, TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormState } from "@/lib/forms/form-state";
import { messages } from "@/lib/i18n";
import { powerStatuses, powerTypes, type PowerEntry } from "@/lib/powers/power-entry";

const m = messages.registers;
const f = m.powers.fields;

export type PowerFormValues = Partial<PowerEntry> & { sectionId?: number; version?: number };

export function PowerForm({
  action,
  values,
  sections,
  submitLabel,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  values: PowerFormValues;
  sections: { value: number; label: string }[];
  submitLabel: string;
}) {
  return (
    <ActionForm action={action} aria-label={submitLabel} className="max-w-3xl rounded border border-gray-300 bg-white p-6">
      {values.version ? <input type="hidden" name="version" value={values.version} /> : null}
      <div className="grid gap-x-6 sm:grid-cols-2">
        <TextField name="code" label={f.code} defaultValue={values.code} required maxLength={50} />
        <SelectField
          name="type"
          label={f.type}
          required
          defaultValue={values.type ?? "license"}
          options={powerTypes.map((type) => ({ value: type, label: m.powerTypes[type] }))}
        />
      </div>
      <TextField name="name" label={f.name} defaultValue={values.name} required maxLength={200} />
      <TextAreaField name="legalBasis" label={f.legalBasis} hint={f.legalBasisHint} defaultValue={values.legalBasis?.join("\n")} required rows={4} />
      <SelectField name="sectionId" label={f.sectionId} required defaultValue={values.sectionId ?? ""} placeholder={m.common.choose} options={sections} />
      <TextAreaField name="responsibilities" label={f.responsibilities} defaultValue={values.responsibilities} required rows={5} maxLength={5000} />
      <TextAreaField name="accountability" label={f.accountability} defaultValue={values.accountability} required rows={5} maxLength={5000} />
      <div className="grid gap-x-6 sm:grid-cols-2">
        <SelectField
          name="status"
          label={f.status}
          required
          defaultValue={values.status ?? "retained"}
          options={powerStatuses.map((status) => ({ value: status, label: m.powerStatuses[status] }))}
        />
        <DateField name="effectiveOn" label={f.effectiveOn} defaultValue={values.effectiveOn} required />
      </div>
      <TextField name="statusNote" label={f.statusNote} hint={f.statusNoteHint} defaultValue={values.statusNote ?? ""} maxLength={500} />
      <SubmitButton>{submitLabel}</SubmitButton>
    </ActionForm>
  );
}
