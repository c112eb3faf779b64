"use client";

import { ActionForm, useFormState } from "@/components/forms/action-form";
import { ButtonForm } from "@/components/forms/button-form";
import { FileField, TextAreaField, TextField } from "@/components/forms/field";
import { ImportProblems } from "@/components/forms/import-problems";
import { legendClass } from "@/components/forms/styles";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormState } from "@/lib/forms/form-state";
import { messages } from "@/lib/i18n";

const m = messages.reports;

export function ReportTextsForm({
  action,
  texts,
  version,
  correction,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  texts: { overview: string; problems: string; otherMatters: string };
  version: number;
  correction: string | null;
}) {
  return (
    <ActionForm action={action} aria-label={m.texts}>
      <input type="hidden" name="version" value={version} />
      {correction !== null ? <TextAreaField name="correctionNotice" label={m.correctionNotice} defaultValue={correction} rows={3} /> : null}
      <TextAreaField name="overview" label={m.overview} defaultValue={texts.overview} rows={10} />
      <TextAreaField name="problems" label={m.problems} defaultValue={texts.problems} rows={8} />
      <TextAreaField name="otherMatters" label={m.otherMatters} defaultValue={texts.otherMatters} rows={4} />
      <SubmitButton>{m.save}</SubmitButton>
    </ActionForm>
  );
}

export function StartReportForm({ action, label }: { action: (state: FormState, formData: FormData) => Promise<FormState>; label: string }) {
  return <ButtonForm action={action} label={label} variant="primary" />;
}

type ManualValues = { table2: Record<string, unknown> | null; table4: number[] | null };

export function ManualFiguresForm({ action, values }: { action: (state: FormState, formData: FormData) => Promise<FormState>; values: ManualValues }) {
  const t2 = (values.table2 ?? {}) as Record<string, Record<string, number> | number>;
  const nested = (group: string, key: string) => (t2[group] as Record<string, number> | undefined)?.[key] ?? 0;
  return (
    <ActionForm action={action} aria-label={m.manualFigures}>
      <div className="grid grid-cols-2 gap-x-3 md:grid-cols-3">
        <TextField name="table2.regulations.issued" label={m.manualTable2.regulationsIssued} type="number" defaultValue={nested("regulations", "issued")} />
        <TextField
          name="table2.regulations.repealed"
          label={m.manualTable2.regulationsRepealed}
          type="number"
          defaultValue={nested("regulations", "repealed")}
        />
        <TextField name="table2.regulations.inForce" label={m.manualTable2.regulationsInForce} type="number" defaultValue={nested("regulations", "inForce")} />
        <TextField
          name="table2.normativeDocuments.issued"
          label={m.manualTable2.normativeIssued}
          type="number"
          defaultValue={nested("normativeDocuments", "issued")}
        />
        <TextField
          name="table2.normativeDocuments.repealed"
          label={m.manualTable2.normativeRepealed}
          type="number"
          defaultValue={nested("normativeDocuments", "repealed")}
        />
        <TextField
          name="table2.normativeDocuments.inForce"
          label={m.manualTable2.normativeInForce}
          type="number"
          defaultValue={nested("normativeDocuments", "inForce")}
        />
        <TextField name="table2.licensing" label={m.manualTable2.licensing} type="number" defaultValue={(t2.licensing as number) ?? 0} />
        <TextField name="table2.penalties" label={m.manualTable2.penalties} type="number" defaultValue={(t2.penalties as number) ?? 0} />
        <TextField name="table2.coercion" label={m.manualTable2.coercion} type="number" defaultValue={(t2.coercion as number) ?? 0} />
        <TextField
          name="table2.feesTenThousandYuan"
          label={m.manualTable2.fees}
          hint={m.manualTable2.feesHint}
          type="number"
          defaultValue={(t2.feesTenThousandYuan as number) ?? 0}
        />
      </div>
      <fieldset className="mt-2">
        <legend className={legendClass}>{m.manualTable4}</legend>
        <div className="grid grid-cols-2 gap-x-3 md:grid-cols-5">
          {m.manualTable4Labels.map((label, index) => (
            <TextField key={label} name={`table4.${index}`} label={label} type="number" defaultValue={values.table4?.[index] ?? 0} />
          ))}
        </div>
      </fieldset>
      <SubmitButton variant="secondary">{m.saveManual}</SubmitButton>
    </ActionForm>
  );
}

function LedgerImportProblems() {
  return <ImportProblems problems={useFormState().importProblems} />;
}

export function LedgerImportForm({ action }: { action: (state: FormState, formData: FormData) => Promise<FormState> }) {
  return (
    <ActionForm action={action} aria-label={m.ledger}>
      <FileField name="file" label={m.ledgerFile} accept=".xlsx,.csv" />
      <SubmitButton>{m.ledgerImport}</SubmitButton>
      <LedgerImportProblems />
    </ActionForm>
  );
}
