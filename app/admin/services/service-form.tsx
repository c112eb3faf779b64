"use client";

import { useState } from "react";
import { ActionForm, useFormState } from "@/components/forms/action-form";
import { SelectField, TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormState } from "@/lib/forms/form-state";
import { messages } from "@/lib/i18n";
import type { ServiceFormEntry, ServiceMaterialEntry } from "@/lib/services/service-guide";
import { FieldErrors, TextAreaField } from "../powers/register-fields";

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
  const errors = Object.entries(fields).filter(([key]) => key.startsWith(`materials.${index}.`)).flatMap(([, list]) => list);
  return errors.length ? <p className="text-sm text-red-700" data-testid={`error-material-${index}`}>{errors.join(" ")}</p> : null;
}

/** The required materials as rows: name, originals, copies, note; rows can be added and removed. */
function MaterialsEditor({ initial }: { initial: ServiceMaterialEntry[] }) {
  const [rows, setRows] = useState<MaterialRow[]>(() => {
    const start = initial.map((material, key) => ({ key, name: material.name, originals: String(material.originals), copies: String(material.copies), note: material.note ?? "" }));
    return start.length ? start : [{ key: 0, name: "", originals: "1", copies: "0", note: "" }];
  });
  const input = "block w-full rounded border border-gray-400 bg-white px-2 py-1 text-sm";
  const m = s.materials;
  return (
    <fieldset className="mb-4">
      <legend className="text-sm font-medium text-gray-900">{f.materials}</legend>
      <FieldErrors name="materials" />
      <table className="mt-1 w-full text-sm">
        <thead>
          <tr className="text-left">
            <th scope="col" className="py-1 pr-2 font-normal">{m.name}</th>
            <th scope="col" className="w-24 py-1 pr-2 font-normal">{m.originals}</th>
            <th scope="col" className="w-24 py-1 pr-2 font-normal">{m.copies}</th>
            <th scope="col" className="py-1 pr-2 font-normal">{m.note}</th>
            <th scope="col" className="w-20 py-1"><span className="sr-only">{m.remove}</span></th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={row.key} className="align-top">
              <td className="py-1 pr-2"><input name="materialName" aria-label={`${m.row(index + 1)} ${m.name}`} defaultValue={row.name} maxLength={200} className={input} /><MaterialErrors index={index} /></td>
              <td className="py-1 pr-2"><input name="materialOriginals" type="number" min={0} max={99} aria-label={`${m.row(index + 1)} ${m.originals}`} defaultValue={row.originals} className={input} /></td>
              <td className="py-1 pr-2"><input name="materialCopies" type="number" min={0} max={99} aria-label={`${m.row(index + 1)} ${m.copies}`} defaultValue={row.copies} className={input} /></td>
              <td className="py-1 pr-2"><input name="materialNote" aria-label={`${m.row(index + 1)} ${m.note}`} defaultValue={row.note} maxLength={200} className={input} /></td>
              <td className="py-1">
                <button type="button" onClick={() => setRows(rows.filter((other) => other.key !== row.key))} className="rounded border border-gray-400 px-2 py-1 text-xs" aria-label={`${m.remove}（${m.row(index + 1)}）`}>{m.remove}</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => setRows([...rows, { key: Math.max(0, ...rows.map((row) => row.key)) + 1, name: "", originals: "1", copies: "0", note: "" }])}
        className="mt-2 rounded border border-gray-500 bg-white px-3 py-1 text-sm">{m.add}</button>
    </fieldset>
  );
}

export function ServiceForm({ action, values, sections, powers, submitLabel }: {
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
        <SelectField name="sectionId" label={f.sectionId} required defaultValue={values.sectionId ?? ""} options={[{ value: "", label: messages.registers.common.choose }, ...sections]} />
      </div>
      <TextAreaField name="legalBasis" label={f.legalBasis} hint={f.legalBasisHint} defaultValue={values.legalBasis?.join("\n")} required rows={3} />
      <TextAreaField name="conditions" label={f.conditions} defaultValue={values.conditions} required rows={4} maxLength={5000} />
      <MaterialsEditor initial={values.materials ?? []} />
      <TextAreaField name="steps" label={f.steps} hint={f.stepsHint} defaultValue={values.steps?.join("\n")} required rows={5} />
      <div className="grid gap-x-6 sm:grid-cols-2">
        <TextField name="timeLimitDays" type="number" label={f.timeLimitDays} defaultValue={values.timeLimitDays ?? ""} required />
        <TextField name="fee" label={f.fee} hint={f.feeHint} defaultValue={values.fee ?? "不收费"} required maxLength={500} />
        <TextField name="place" label={f.place} defaultValue={values.place} required maxLength={300} />
        <TextField name="officeHours" label={f.officeHours} defaultValue={values.officeHours} required maxLength={300} />
        <TextField name="consultationPhone" label={f.consultationPhone} defaultValue={values.consultationPhone} required maxLength={100} />
        <TextField name="complaintPhone" label={f.complaintPhone} defaultValue={values.complaintPhone} required maxLength={100} />
      </div>
      <fieldset className="mb-4">
        <legend className="text-sm font-medium text-gray-900">{f.forms}</legend>
        {values.forms?.length ? (
          <div className="mt-1 space-y-1">
            <p className="text-sm text-gray-700">{f.keepForms}</p>
            {values.forms.map((form) => (
              <label key={form.id} className="flex items-center gap-2 text-sm"><input type="checkbox" name="keepFormIds" value={form.id} defaultChecked />{form.title}（{form.originalName}）</label>
            ))}
          </div>
        ) : null}
        <label htmlFor="service-files" className="mt-2 block text-sm">{f.newForms}</label>
        <input id="service-files" type="file" name="files" multiple aria-describedby="service-files-hint" accept=".pdf,.doc,.docx,.xls,.xlsx" className="mt-1 block text-sm" />
        <p id="service-files-hint" className="mt-1 text-sm text-gray-700">{f.newFormsHint}</p>
        <FieldErrors name="files" />
        <FieldErrors name="keepFormIds" />
      </fieldset>
      <SubmitButton>{submitLabel}</SubmitButton>
    </ActionForm>
  );
}
