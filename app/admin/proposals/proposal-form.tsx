"use client";

import { ActionForm } from "@/components/forms/action-form";
import { CheckboxGroupField, DateField, SelectField, TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormState } from "@/lib/forms/form-state";
import { messages } from "@/lib/i18n";

const f = messages.proposals.fields;

export type ProposalFormValues = {
  year: number;
  session: string;
  number: string;
  kind: string;
  title: string;
  proposers: string[];
  receivedOn: string;
  version?: number;
};

type Section = { id: number; name: string };

/** 协办 sections as checkboxes (a multi-select is hard to use with a keyboard). */
export function AssistingSectionChoices({ sections, selected, exclude }: { sections: Section[]; selected: number[]; exclude?: number | null }) {
  return (
    <CheckboxGroupField
      name="assistingSectionIds"
      label={f.assistingSectionIds}
      selected={selected}
      options={sections.filter((section) => section.id !== exclude).map((section) => ({ value: section.id, label: section.name }))}
    />
  );
}

/** Registering a proposal (with its assignment, optionally) or editing its registered data. */
export function ProposalForm({
  action,
  values,
  sections,
  submitLabel,
  withAssignment,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  values: ProposalFormValues;
  sections: Section[];
  submitLabel: string;
  withAssignment: boolean;
}) {
  const kinds = Object.entries(messages.proposals.kinds).map(([value, label]) => ({ value, label }));
  return (
    <ActionForm action={action} aria-label={submitLabel} className="space-y-2">
      {values.version ? <input type="hidden" name="version" value={values.version} /> : null}
      <div className="grid gap-x-4 md:grid-cols-3">
        <TextField name="year" label={f.year} type="number" defaultValue={values.year} required />
        <SelectField name="kind" label={f.kind} options={kinds} defaultValue={values.kind} required />
        <TextField name="number" label={f.number} defaultValue={values.number} hint={f.numberHint} required maxLength={40} />
      </div>
      <TextField name="session" label={f.session} defaultValue={values.session} hint={f.sessionHint} required maxLength={100} />
      <TextField name="title" label={f.title} defaultValue={values.title} required maxLength={200} />
      <div className="grid gap-x-4 md:grid-cols-2">
        <TextField name="proposers" label={f.proposers} defaultValue={values.proposers.join("、")} hint={f.proposersHint} required />
        <DateField name="receivedOn" label={f.receivedOn} defaultValue={values.receivedOn} required />
      </div>
      {withAssignment ? (
        <>
          <div className="grid gap-x-4 md:grid-cols-3">
            <SelectField
              name="leadSectionId"
              label={f.leadSectionId}
              placeholder={f.noLeadSection}
              options={sections.map((section) => ({ value: section.id, label: section.name }))}
            />
            <DateField name="assignedOn" label={f.assignedOn} />
            <DateField name="deadline" label={f.deadline} hint={f.deadlineHint} />
          </div>
          <AssistingSectionChoices sections={sections} selected={[]} />
        </>
      ) : null}
      <SubmitButton>{submitLabel}</SubmitButton>
    </ActionForm>
  );
}
