"use client";

import { ActionForm } from "@/components/forms/action-form";
import { SelectField, TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { inspectionsMessages } from "@/lib/i18n/zh-CN/inspections";
import { createInspectorAction, updateInspectorAction } from "../actions";

const m = inspectionsMessages.inspectors;

type Section = { id: number; name: string };
type InspectorValues = { name: string; certificateNumber: string; sectionId: number };

function InspectorFields({ values, sections }: { values?: InspectorValues; sections: Section[] }) {
  return (
    <div className="grid gap-x-4 md:grid-cols-3">
      <TextField name="name" label={m.name} defaultValue={values?.name} required maxLength={30} />
      <TextField name="certificateNumber" label={m.certificateNumber} defaultValue={values?.certificateNumber} required maxLength={40} />
      <SelectField
        name="sectionId"
        label={m.section}
        required
        defaultValue={values?.sectionId ?? ""}
        placeholder="—"
        options={sections.map((section) => ({ value: section.id, label: section.name }))}
      />
    </div>
  );
}

export function CreateInspectorForm({ sections }: { sections: Section[] }) {
  return (
    <ActionForm action={createInspectorAction} resetOnSuccess aria-label={m.create}>
      <InspectorFields sections={sections} />
      <SubmitButton>{m.create}</SubmitButton>
    </ActionForm>
  );
}

export function EditInspectorForm({ inspectorId, values, sections }: { inspectorId: number; values: InspectorValues; sections: Section[] }) {
  return (
    <ActionForm action={updateInspectorAction.bind(null, inspectorId)} aria-label={m.editLabel(values.name)}>
      <InspectorFields values={values} sections={sections} />
      <SubmitButton>{m.save}</SubmitButton>
    </ActionForm>
  );
}
