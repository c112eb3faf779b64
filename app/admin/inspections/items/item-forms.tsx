"use client";

import { ActionForm } from "@/components/forms/action-form";
import { SelectField, TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { inspectionsMessages } from "@/lib/i18n/zh-CN/inspections";
import { createInspectionItemAction, updateInspectionItemAction } from "../actions";

const m = inspectionsMessages.items;

type Power = { id: number; code: string; name: string };
type ItemValues = { powerId: number; name: string; targetScope: string; method: string };

function ItemFields({ values, powers }: { values?: ItemValues; powers: Power[] }) {
  return (
    <div className="grid gap-x-4 md:grid-cols-2">
      <SelectField
        name="powerId"
        label={m.power}
        required
        defaultValue={values?.powerId ?? ""}
        placeholder="—"
        options={powers.map((power) => ({ value: power.id, label: `${power.code} ${power.name}` }))}
      />
      <TextField name="name" label={m.name} defaultValue={values?.name} required maxLength={100} />
      <TextField name="targetScope" label={m.targetScope} defaultValue={values?.targetScope} required maxLength={100} />
      <TextField name="method" label={m.method} defaultValue={values?.method} required hint={m.methodHint} maxLength={60} />
    </div>
  );
}

export function CreateInspectionItemForm({ powers }: { powers: Power[] }) {
  return (
    <ActionForm action={createInspectionItemAction} resetOnSuccess aria-label={m.create}>
      <ItemFields powers={powers} />
      <SubmitButton>{m.create}</SubmitButton>
    </ActionForm>
  );
}

export function EditInspectionItemForm({ itemId, values, powers }: { itemId: number; values: ItemValues; powers: Power[] }) {
  return (
    <ActionForm action={updateInspectionItemAction.bind(null, itemId)} aria-label={m.editLabel(values.name)}>
      <ItemFields values={values} powers={powers} />
      <SubmitButton>{m.save}</SubmitButton>
    </ActionForm>
  );
}
