"use client";

import { ActionForm, useFormState } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/field";
import { ImportProblems } from "@/components/forms/import-problems";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormState } from "@/lib/forms/form-state";
import { messages } from "@/lib/i18n";
import type { ReportAction } from "@/lib/reports/report-review";

const m = messages.reports;

function TextArea({ name, label, defaultValue, rows = 8 }: { name: string; label: string; defaultValue: string; rows?: number }) {
  const errors = useFormState().fields?.[name];
  const id = `report-${name}`;
  return (
    <div className="mb-4">
      <label htmlFor={id} className="block font-medium">{label}</label>
      <textarea id={id} name={name} defaultValue={defaultValue} rows={rows} aria-invalid={errors?.length ? true : undefined} aria-describedby={errors?.length ? `${id}-error` : undefined}
        className="mt-1 block w-full rounded border border-gray-400 px-3 py-2 text-base leading-7" />
      {errors?.length ? <p id={`${id}-error`} className="mt-1 text-sm text-red-700" data-testid={`error-${name}`}>{errors.join(" ")}</p> : null}
    </div>
  );
}

export function ReportTextsForm({ action, texts, version, correction }: { action: (state: FormState, formData: FormData) => Promise<FormState>; texts: { overview: string; problems: string; otherMatters: string }; version: number; correction: string | null }) {
  return (
    <ActionForm action={action} aria-label={m.texts}>
      <input type="hidden" name="version" value={version} />
      {correction !== null ? <TextArea name="correctionNotice" label={m.correctionNotice} defaultValue={correction} rows={3} /> : null}
      <TextArea name="overview" label={m.overview} defaultValue={texts.overview} rows={10} />
      <TextArea name="problems" label={m.problems} defaultValue={texts.problems} />
      <TextArea name="otherMatters" label={m.otherMatters} defaultValue={texts.otherMatters} rows={4} />
      <SubmitButton>{m.save}</SubmitButton>
    </ActionForm>
  );
}

function CheckList() {
  const state = useFormState();
  const blocking = state.fields?.checks;
  return blocking?.length ? (
    <ul className="mb-3 list-disc pl-5 text-sm text-red-800" data-testid="report-check-errors">{blocking.map((message) => <li key={message}>{message}</li>)}</ul>
  ) : null;
}

export function ReportTransitionForms({ actions, version, run }: { actions: ReportAction[]; version: number; run: (state: FormState, formData: FormData) => Promise<FormState> }) {
  return (
    <div className="space-y-3">
      {actions.map((action) => (
        <ActionForm key={action} action={run} aria-label={messages.itemActions[action]} className="rounded border border-gray-200 p-3">
          <input type="hidden" name="action" value={action} />
          <input type="hidden" name="version" value={version} />
          <CheckList />
          {action === "return" ? (
            <div className="mb-3">
              <label htmlFor="report-return-comment" className="block text-sm font-medium">{messages.consoleItems.detail.returnComment}</label>
              <textarea id="report-return-comment" name="comment" rows={3} className="mt-1 block w-full rounded border border-gray-400 px-2 py-1" />
            </div>
          ) : null}
          <SubmitButton variant={action === "return" ? "danger" : "primary"}>{messages.itemActions[action]}</SubmitButton>
        </ActionForm>
      ))}
    </div>
  );
}

export function StartReportForm({ action, label }: { action: (state: FormState) => Promise<FormState>; label: string }) {
  return (
    <ActionForm action={action} aria-label={label}>
      <SubmitButton>{label}</SubmitButton>
    </ActionForm>
  );
}

type ManualValues = { table2: Record<string, unknown> | null; table4: number[] | null };

export function ManualFiguresForm({ action, values }: { action: (state: FormState, formData: FormData) => Promise<FormState>; values: ManualValues }) {
  const t2 = (values.table2 ?? {}) as Record<string, Record<string, number> | number>;
  const nested = (group: string, key: string) => ((t2[group] as Record<string, number> | undefined)?.[key] ?? 0);
  const table4Labels = ["复议-维持", "复议-纠正", "复议-其他", "复议-尚未审结", "复议-总计", "直接起诉-维持", "直接起诉-纠正", "直接起诉-其他", "直接起诉-尚未审结", "直接起诉-总计", "复议后起诉-维持", "复议后起诉-纠正", "复议后起诉-其他", "复议后起诉-尚未审结", "复议后起诉-总计"];
  return (
    <ActionForm action={action} aria-label={m.manualFigures}>
      <div className="grid grid-cols-2 gap-x-3 md:grid-cols-3">
        <TextField name="table2.regulations.issued" label="规章-本年制发" type="number" defaultValue={nested("regulations", "issued")} />
        <TextField name="table2.regulations.repealed" label="规章-本年废止" type="number" defaultValue={nested("regulations", "repealed")} />
        <TextField name="table2.regulations.inForce" label="规章-现行有效" type="number" defaultValue={nested("regulations", "inForce")} />
        <TextField name="table2.normativeDocuments.issued" label="规范性文件-本年制发" type="number" defaultValue={nested("normativeDocuments", "issued")} />
        <TextField name="table2.normativeDocuments.repealed" label="规范性文件-本年废止" type="number" defaultValue={nested("normativeDocuments", "repealed")} />
        <TextField name="table2.normativeDocuments.inForce" label="规范性文件-现行有效" type="number" defaultValue={nested("normativeDocuments", "inForce")} />
        <TextField name="table2.licensing" label="行政许可" type="number" defaultValue={(t2.licensing as number) ?? 0} />
        <TextField name="table2.penalties" label="行政处罚" type="number" defaultValue={(t2.penalties as number) ?? 0} />
        <TextField name="table2.coercion" label="行政强制" type="number" defaultValue={(t2.coercion as number) ?? 0} />
        <TextField name="table2.feesTenThousandYuan" label="行政事业性收费（万元）" type="number" defaultValue={(t2.feesTenThousandYuan as number) ?? 0} />
      </div>
      <fieldset className="mt-2">
        <legend className="font-medium">表四</legend>
        <div className="grid grid-cols-2 gap-x-3 md:grid-cols-5">
          {table4Labels.map((label, index) => <TextField key={label} name={`table4.${index}`} label={label} type="number" defaultValue={values.table4?.[index] ?? 0} />)}
        </div>
      </fieldset>
      <SubmitButton variant="secondary">{m.saveManual}</SubmitButton>
    </ActionForm>
  );
}

function FileErrors() {
  const errors = useFormState().fields?.file;
  return errors?.length ? (
    <ul id="ledger-file-error" className="mt-2 list-disc pl-5 text-sm text-red-700" data-testid="error-file">{errors.map((message) => <li key={message}>{message}</li>)}</ul>
  ) : null;
}

function LedgerImportProblems() {
  return <ImportProblems problems={useFormState().importProblems} />;
}

export function LedgerImportForm({ action }: { action: (state: FormState, formData: FormData) => Promise<FormState> }) {
  return (
    <ActionForm action={action} aria-label={m.ledger}>
      <label htmlFor="ledger-file" className="block text-sm font-medium">{m.ledgerFile}</label>
      <input id="ledger-file" name="file" type="file" accept=".xlsx,.csv" aria-describedby="ledger-file-error" className="mt-1 block text-sm" />
      <FileErrors />
      <div className="mt-3"><SubmitButton>{m.ledgerImport}</SubmitButton></div>
      <LedgerImportProblems />
    </ActionForm>
  );
}
