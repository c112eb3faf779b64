"use client";

import { ActionForm } from "@/components/forms/action-form";
import { CheckboxGroupField, DateField, TextAreaField, TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormState } from "@/lib/forms/form-state";
import { inspectionsMessages } from "@/lib/i18n/zh-CN/inspections";

const m = inspectionsMessages.fields;

export type PlanValues = {
  title: string;
  year: number;
  description: string;
  itemIds: number[];
  targetCategories: string[];
  targetCount: number | "";
  inspectorsPerTarget: number;
  startOn: string;
  endOn: string;
  version?: number;
};

export function PlanForm({
  action,
  values,
  items,
  categories,
  drawn,
  submitLabel,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  values: PlanValues;
  items: { id: number; name: string }[];
  categories: { category: string; active: number }[];
  /** After the draw its own fields are shown but not sent for change. */
  drawn: boolean;
  submitLabel: string;
}) {
  const categoryOptions = [...new Set([...categories.map((entry) => entry.category), ...values.targetCategories])].map((category) => {
    const count = categories.find((entry) => entry.category === category)?.active ?? 0;
    return { value: category, label: `${category}（${count}）` };
  });
  return (
    <ActionForm action={action} aria-label={submitLabel}>
      {values.version ? <input type="hidden" name="version" value={values.version} /> : null}
      <div className="grid gap-x-4 md:grid-cols-3">
        <div className="md:col-span-2">
          <TextField name="title" label={m.title} defaultValue={values.title} required maxLength={200} />
        </div>
        <TextField name="year" label={m.year} type="number" defaultValue={values.year} required />
      </div>
      <TextAreaField name="description" label={m.description} defaultValue={values.description} required hint={m.descriptionHint} maxLength={5000} />
      <CheckboxGroupField
        name="itemIds"
        label={m.itemIds}
        required
        hint={m.itemIdsHint}
        selected={values.itemIds}
        options={items.map((item) => ({ value: item.id, label: item.name }))}
      />
      {drawn ? (
        <div className="mb-4 rounded border border-gray-300 bg-gray-50 p-3 text-sm">
          {values.targetCategories.map((category) => (
            <input key={category} type="hidden" name="targetCategories" value={category} />
          ))}
          <input type="hidden" name="targetCount" value={values.targetCount} />
          <input type="hidden" name="inspectorsPerTarget" value={values.inspectorsPerTarget} />
          <p>
            {m.targetCategories}：{values.targetCategories.join("、") || inspectionsMessages.detail.allCategories}
          </p>
          <p>{inspectionsMessages.detail.counts(Number(values.targetCount), values.inspectorsPerTarget)}</p>
        </div>
      ) : (
        <>
          <CheckboxGroupField
            name="targetCategories"
            label={m.targetCategories}
            hint={m.targetCategoriesHint}
            selected={values.targetCategories}
            options={categoryOptions}
          />
          <div className="grid gap-x-4 md:grid-cols-2">
            <TextField name="targetCount" label={m.targetCount} type="number" defaultValue={values.targetCount} required />
            <TextField
              name="inspectorsPerTarget"
              label={m.inspectorsPerTarget}
              type="number"
              defaultValue={values.inspectorsPerTarget}
              required
              hint={m.inspectorsPerTargetHint}
            />
          </div>
        </>
      )}
      <div className="grid gap-x-4 md:grid-cols-2">
        <DateField name="startOn" label={m.startOn} defaultValue={values.startOn} required hint={m.dateHint} />
        <DateField name="endOn" label={m.endOn} defaultValue={values.endOn} required hint={m.endOnHint} />
      </div>
      <SubmitButton>{submitLabel}</SubmitButton>
    </ActionForm>
  );
}
