"use client";

import { useState } from "react";
import { DataTable, type Column } from "@/components/console/data-table";
import { ActionForm, useFormState } from "@/components/forms/action-form";
import { AttachmentsField } from "@/components/forms/attachments-field";
import { ErrorText, FieldErrors, SelectField, TextAreaField, TextField } from "@/components/forms/field";
import { buttonClass, compactInputClass, legendClass } from "@/components/forms/styles";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormState } from "@/lib/forms/form-state";
import { messages } from "@/lib/i18n";
import type { ServiceFormEntry, ServiceMaterialEntry } from "@/lib/services/service-guide";

const s = messages.registers.services;
const f = s.fields;

export type ServiceFormValues = {
  code?: string;
  name?: string;
  powerId?: number | null;
  sectionId?: number;
  legalBasis?: string[];
  conditions?: string;
  materials?: ServiceMaterialEntry[];
  steps?: string[];
  timeLimitDays?: number;
  fee?: string;
  place?: string;
  officeHours?: string;
  consultationPhone?: string;
  complaintPhone?: string;
  forms?: ServiceFormEntry[];
  version?: number;
};

type MaterialRow = { key: number; name: string; originals: string; copies: string; note: string };

function MaterialErrors({ index }: { index: number }) {
  const fields = useFormState().fields ?? {};
  const errors = Object.entries(fields)
    .filter(([key]) => key.startsWith(`materials.${index}.`))
    .flatMap(([, list]) => list);
  return <ErrorText name={`material-${index}`} errors={errors} />;
}

/** The required materials as rows: name, originals, copies, note; rows can be added and removed. */
function MaterialsEditor({ initial }: { initial: ServiceMaterialEntry[] }) {
  const [rows, setRows] = useState<MaterialRow[]>(() => {
    const start = initial.map((material, key) => ({
      key,
      name: material.name,
      originals: String(material.originals),
      copies: String(material.copies),
      note: material.note ?? "",
    }));
    return start.length ? start : [{ key: 0, name: "", originals: "1", copies: "0", note: "" }];
  });
  const input = `block w-full ${compactInputClass}`;
  const m = s.materials;
  const columns: Column<MaterialRow>[] = [
    {
      key: "name",
      header: m.name,
      cell: (row, index) => (
        <>
          <input name="materialName" aria-label={`${m.row(index + 1)} ${m.name}`} defaultValue={row.name} maxLength={200} className={input} />
          <MaterialErrors index={index} />
        </>
      ),
    },
    {
      key: "originals",
      header: m.originals,
      className: "w-28",
      cell: (row, index) => (
        <input
          name="materialOriginals"
          type="number"
          min={0}
          max={99}
          aria-label={`${m.row(index + 1)} ${m.originals}`}
          defaultValue={row.originals}
          className={input}
        />
      ),
    },
    {
      key: "copies",
      header: m.copies,
      className: "w-28",
      cell: (row, index) => (
        <input
          name="materialCopies"
          type="number"
          min={0}
          max={99}
          aria-label={`${m.row(index + 1)} ${m.copies}`}
          defaultValue={row.copies}
          className={input}
        />
      ),
    },
    {
      key: "note",
      header: m.note,
      cell: (row, index) => (
        <input name="materialNote" aria-label={`${m.row(index + 1)} ${m.note}`} defaultValue={row.note} maxLength={200} className={input} />
      ),
    },
  ];
  return (
    <fieldset className="mb-4">
      <legend className={legendClass}>{f.materials}</legend>
      <FieldErrors name="materials" />
      <div className="mt-1">
        <DataTable
          caption={f.materials}
          columns={columns}
          rows={rows}
          rowKey={(row) => row.key}
          empty={m.none}
          rowActions={{
            header: m.remove,
            hideHeader: true,
            cell: (row) => (
              <button
                type="button"
                onClick={() => setRows(rows.filter((other) => other.key !== row.key))}
                className={buttonClass.filter}
                aria-label={`${m.remove}（${m.row(rows.indexOf(row) + 1)}）`}
              >
                {m.remove}
              </button>
            ),
          }}
        />
      </div>
      <button
        type="button"
        onClick={() => setRows([...rows, { key: Math.max(0, ...rows.map((row) => row.key)) + 1, name: "", originals: "1", copies: "0", note: "" }])}
        className={`mt-2 ${buttonClass.filter}`}
      >
        {m.add}
      </button>
    </fieldset>
  );
}

export function ServiceForm({
  action,
  values,
  sections,
  powers,
  submitLabel,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  values: ServiceFormValues;
  sections: { value: number; label: string }[];
  powers: { value: number; label: string }[];
  submitLabel: string;
}) {
  return (
    <ActionForm action={action} aria-label={submitLabel} className="max-w-4xl rounded border border-gray-300 bg-white p-6">
      {values.version ? <input type="hidden" name="version" value={values.version} /> : null}
      <div className="grid gap-x-6 sm:grid-cols-2">
        <TextField name="code" label={f.code} defaultValue={values.code} required maxLength={50} />
        <TextField name="name" label={f.name} defaultValue={values.name} required maxLength={200} />
        <SelectField name="powerId" label={f.powerId} defaultValue={values.powerId ?? ""} options={[{ value: "", label: f.noPower }, ...powers]} />
        <SelectField
          name="sectionId"
          label={f.sectionId}
          required
          defaultValue={values.sectionId ?? ""}
          placeholder={messages.registers.common.choose}
          options={sections}
        />
      </div>
      <TextAreaField name="legalBasis" label={f.legalBasis} hint={f.legalBasisHint} defaultValue={values.legalBasis?.join("\n")} required rows={3} />
      <TextAreaField name="conditions" label={f.conditions} defaultValue={values.conditions} required rows={4} maxLength={5000} />
      <MaterialsEditor initial={values.materials ?? []} />
      <TextAreaField name="steps" label={f.steps} hint={f.stepsHint} defaultValue={values.steps?.join("\n")} required rows={5} />
      <div className="grid gap-x-6 sm:grid-cols-2">
        <TextField name="timeLimitDays" type="number" label={f.timeLimitDays} defaultValue={values.timeLimitDays ?? ""} required />
        <TextField name="fee" label={f.fee} hint={f.feeHint} defaultValue={values.fee ?? f.feeDefault} required maxLength={500} />
        <TextField name="place" label={f.place} defaultValue={values.place} required maxLength={300} />
        <TextField name="officeHours" label={f.officeHours} defaultValue={values.officeHours} required maxLength={300} />
        <TextField name="consultationPhone" label={f.consultationPhone} defaultValue={values.consultationPhone} required maxLength={100} />
        <TextField name="complaintPhone" label={f.complaintPhone} defaultValue={values.complaintPhone} required maxLength={100} />
      </div>
      <AttachmentsField
        legend={f.forms}
        keepName="keepFormIds"
        keepLabel={f.keepForms}
        fileLabel={f.newForms}
        fileHint={f.newFormsHint}
        accept=".pdf,.doc,.docx,.xls,.xlsx"
        kept={(values.forms ?? []).map((form) => ({ value: form.id, label: `${form.title}（${form.originalName}）` }))}
      />
      <SubmitButton>{submitLabel}</SubmitButton>
    </ActionForm>
  );
}
