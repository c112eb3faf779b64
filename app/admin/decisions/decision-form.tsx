"use client";

import { ActionForm } from "@/components/forms/action-form";
import { CheckboxGroupField, SelectField, TextAreaField, TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import {
  coercionCategories,
  counterpartyCategories,
  decisionColumns,
  idTypes,
  licenseCategories,
  licenseStatuses,
  penaltyCategories,
  penaltyProcedures,
  penaltySeverities,
  type DecisionColumn,
  type DecisionFieldKey,
} from "@/lib/decisions/decision-fields";
import type { FormState } from "@/lib/forms/form-state";
import type { DecisionKind } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";

const m = messages.registers;
const f = m.decisions.fields;

const longText: readonly DecisionFieldKey[] = ["licenseContent", "violationFacts", "penaltyBasis", "penaltyContent", "coercionContent", "remarks"];
const dates: readonly DecisionFieldKey[] = ["decisionDate", "validFrom", "validUntil"];

function required(column: DecisionColumn, kind: DecisionKind): boolean {
  return column.requiredColumn || (kind === "license" && column.key === "validFrom");
}

function Field({ column, kind, value }: { column: DecisionColumn; kind: DecisionKind; value: string }) {
  const label = column.key === "penaltyAmount" ? f.penaltyAmountUnit : column.header;
  const choices: Partial<Record<DecisionFieldKey, readonly string[]>> = { idType: idTypes, licenseCategory: licenseCategories, licenseStatus: licenseStatuses };
  if (column.key === "penaltyProcedure" || column.key === "penaltySeverity") {
    const options =
      column.key === "penaltyProcedure"
        ? penaltyProcedures.map((procedure) => ({ value: procedure, label: m.penaltyProcedures[procedure] }))
        : penaltySeverities.map((severity) => ({ value: severity, label: m.penaltySeverities[severity] }));
    return <SelectField name={column.key} label={label} defaultValue={value} placeholder={m.common.choose} hint={column.note} options={options} />;
  }
  const choice = choices[column.key];
  if (choice) {
    return (
      <SelectField
        name={column.key}
        label={label}
        defaultValue={value}
        placeholder={m.common.choose}
        hint={column.key === "idType" ? m.decisions.notes.idTypeForm : undefined}
        options={choice.map((entry) => ({ value: entry, label: entry }))}
      />
    );
  }
  // The notes speak to people filling in a spreadsheet; a date picker needs none of the format.
  const hint =
    column.key === "validUntil"
      ? m.decisions.notes.validUntilForm
      : column.note && !["counterpartyCategory", "penaltyCategories", "coercionCategory"].includes(column.key) && !dates.includes(column.key)
        ? column.note
        : undefined;
  if (column.key === "counterpartyCategory") {
    return (
      <SelectField
        name={column.key}
        label={label}
        required
        defaultValue={value || "legal_entity"}
        options={counterpartyCategories.map((category) => ({ value: category, label: m.counterpartyCategories[category] }))}
      />
    );
  }
  if (column.key === "penaltyCategories") {
    return (
      <CheckboxGroupField
        name={column.key}
        label={f.penaltyCategories}
        required
        selected={value ? value.split("；") : []}
        options={penaltyCategories.map((category) => ({ value: category, label: category }))}
      />
    );
  }
  if (column.key === "coercionCategory") {
    return (
      <SelectField
        name={column.key}
        label={label}
        required
        defaultValue={value}
        placeholder={m.common.choose}
        options={coercionCategories.map((category) => ({ value: category, label: category }))}
      />
    );
  }
  if (longText.includes(column.key))
    return <TextAreaField name={column.key} label={label} defaultValue={value} required={required(column, kind)} hint={hint} rows={3} />;
  return (
    <TextField
      name={column.key}
      label={label}
      type={dates.includes(column.key) ? "date" : "text"}
      defaultValue={value}
      required={required(column, kind)}
      hint={hint}
      maxLength={200}
    />
  );
}

/** A decision's data items for its kind, in the template's order. */
export function DecisionForm({
  action,
  kind,
  values,
  version,
  submitLabel,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  kind: DecisionKind;
  values: Partial<Record<DecisionFieldKey, string>>;
  version?: number;
  submitLabel: string;
}) {
  return (
    <ActionForm action={action} aria-label={submitLabel} className="max-w-4xl rounded border border-gray-300 bg-white p-6">
      {version ? <input type="hidden" name="version" value={version} /> : null}
      <div className="grid gap-x-6 sm:grid-cols-2">
        {decisionColumns(kind)
          .filter((column) => !column.computed)
          .map((column) => (
            <div key={column.key} className={longText.includes(column.key) || column.key === "penaltyCategories" ? "sm:col-span-2" : ""}>
              <Field column={column} kind={kind} value={values[column.key] ?? ""} />
            </div>
          ))}
      </div>
      <SubmitButton>{submitLabel}</SubmitButton>
    </ActionForm>
  );
}
