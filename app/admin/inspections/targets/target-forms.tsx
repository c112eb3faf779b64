"use client";

import { ActionForm } from "@/components/forms/action-form";
import { SelectField, TextAreaField, TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { inspectionsMessages } from "@/lib/i18n/zh-CN/inspections";
import { addConflictAction, createTargetAction, updateTargetAction } from "../actions";

const m = inspectionsMessages.targets;

type TargetValues = { name: string; creditCode: string | null; address: string; category: string };

function TargetFields({ values, categories }: { values?: TargetValues; categories: string[] }) {
  return (
    <>
      <div className="grid gap-x-4 md:grid-cols-2">
        <TextField name="name" label={m.name} defaultValue={values?.name} required maxLength={100} />
        <TextField name="creditCode" label={m.creditCode} defaultValue={values?.creditCode ?? ""} hint={m.creditCodeHint} maxLength={30} />
        <TextField name="address" label={m.address} defaultValue={values?.address} required maxLength={200} />
        <TextField
          name="category"
          label={m.category}
          defaultValue={values?.category}
          required
          maxLength={40}
          hint={categories.length ? m.existingCategories(categories.join("、")) : m.categoryHint}
        />
      </div>
    </>
  );
}

export function CreateTargetForm({ categories }: { categories: string[] }) {
  return (
    <ActionForm action={createTargetAction} resetOnSuccess aria-label={m.create}>
      <TargetFields categories={categories} />
      <SubmitButton>{m.create}</SubmitButton>
    </ActionForm>
  );
}

export function EditTargetForm({ targetId, values, categories }: { targetId: number; values: TargetValues; categories: string[] }) {
  return (
    <ActionForm action={updateTargetAction.bind(null, targetId)} aria-label={m.editTitle(values.name)}>
      <TargetFields values={values} categories={categories} />
      <SubmitButton>{m.save}</SubmitButton>
    </ActionForm>
  );
}

export function AddConflictForm({ targetId, inspectors }: { targetId: number; inspectors: { id: number; label: string }[] }) {
  return (
    <ActionForm action={addConflictAction.bind(null, targetId)} resetOnSuccess aria-label={m.addConflict}>
      <SelectField
        name="inspectorId"
        label={m.inspector}
        required
        placeholder="—"
        options={inspectors.map((inspector) => ({ value: inspector.id, label: inspector.label }))}
      />
      <TextAreaField name="reason" label={m.reason} required hint={m.reasonHint} rows={2} maxLength={200} />
      <SubmitButton>{m.addConflict}</SubmitButton>
    </ActionForm>
  );
}
