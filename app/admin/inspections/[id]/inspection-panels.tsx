"use client";

import { ActionForm, useFormState } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormState } from "@/lib/forms/form-state";
import type { InspectionOutcome } from "@/lib/generated/prisma/enums";
import { inspectionsMessages } from "@/lib/i18n/zh-CN/inspections";
import type { InspectionAction } from "@/lib/inspections/inspection-review";
import { FieldError, TextAreaField } from "../fields";

const m = inspectionsMessages.detail;
type Run = (state: FormState, formData: FormData) => Promise<FormState>;

export function DrawForm({ run, version }: { run: Run; version: number }) {
  return (
    <ActionForm action={run} aria-label={m.drawNow}>
      <input type="hidden" name="version" value={version} />
      <p className="mb-3 text-sm text-gray-800">{m.drawHelp}</p>
      <FieldError name="targetCount" />
      <FieldError name="inspectorsPerTarget" />
      <SubmitButton>{m.drawNow}</SubmitButton>
    </ActionForm>
  );
}

/** The review steps open to this user on the plan or on the results. */
export function ReviewPanel({ subject, actions, version, run }: { subject: "plan" | "results"; actions: InspectionAction[]; version: number; run: Run }) {
  if (!actions.length) return <p className="text-sm text-gray-700">{m.noActions}</p>;
  return (
    <div className="space-y-4">
      {actions.map((action) => {
        const label = inspectionsMessages.actions[action];
        return (
          <ActionForm key={action} action={run} aria-label={`${subject === "plan" ? m.reviewPlan : m.reviewResults}：${label}`} className="rounded border border-gray-200 p-3">
            <input type="hidden" name="subject" value={subject} />
            <input type="hidden" name="action" value={action} />
            <input type="hidden" name="version" value={version} />
            <FieldError name="draw" />
            <FieldError name="results" />
            {action === "return" ? <TextAreaField name="comment" label={m.returnComment} required rows={2} maxLength={2000} /> : null}
            {action === "withdraw" ? <TextAreaField name="comment" label={m.withdrawReason} required rows={2} maxLength={2000} /> : null}
            {action === "submit" || action === "approve" ? <TextAreaField name="comment" label={m.comment} rows={2} maxLength={2000} /> : null}
            <SubmitButton variant={action === "withdraw" || action === "return" ? "danger" : "primary"}>{label}</SubmitButton>
          </ActionForm>
        );
      })}
    </div>
  );
}

type ResultRow = {
  id: number;
  position: number;
  targetName: string;
  inspectors: string;
  outcome: InspectionOutcome | null;
  inspectedOn: string | null;
  note: string | null;
};

function RowError({ index, field }: { index: number; field: string }) {
  const errors = useFormState().fields?.[`results.${index}.${field}`];
  return errors?.length ? <p className="mt-1 text-xs text-red-700" data-testid={`error-results-${index}-${field}`}>{errors.join(" ")}</p> : null;
}

export function ResultsForm({ rows, version, run }: { rows: ResultRow[]; version: number; run: Run }) {
  const c = m.columns;
  const outcomes = Object.entries(inspectionsMessages.outcomes) as [InspectionOutcome, string][];
  return (
    <ActionForm action={run} aria-label={m.recordResults}>
      <input type="hidden" name="version" value={version} />
      <p className="mb-3 text-sm text-gray-800">{m.recordResultsHelp}</p>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-gray-300">
              <th scope="col" className="py-2 pr-2">{c.position}</th>
              <th scope="col" className="py-2 pr-2">{c.target}</th>
              <th scope="col" className="py-2 pr-2">{c.inspectors}</th>
              <th scope="col" className="py-2 pr-2">{c.inspectedOn}</th>
              <th scope="col" className="py-2 pr-2">{c.outcome}</th>
              <th scope="col" className="py-2">{c.note}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={row.id} className="border-b border-gray-200 align-top">
                <td className="py-2 pr-2">{row.position}<input type="hidden" name="assignmentId" value={row.id} /></td>
                <td className="py-2 pr-2">{row.targetName}</td>
                <td className="py-2 pr-2">{row.inspectors}</td>
                <td className="py-2 pr-2">
                  <input type="date" name={`inspectedOn-${row.id}`} defaultValue={row.inspectedOn ?? ""} aria-label={`${row.targetName}：${c.inspectedOn}`}
                    className="rounded border border-gray-400 px-2 py-1" />
                  <RowError index={index} field="inspectedOn" />
                </td>
                <td className="py-2 pr-2">
                  <select name={`outcome-${row.id}`} defaultValue={row.outcome ?? ""} aria-label={`${row.targetName}：${c.outcome}`} className="rounded border border-gray-400 px-2 py-1">
                    <option value="">—</option>
                    {outcomes.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
                  </select>
                  <RowError index={index} field="outcome" />
                </td>
                <td className="py-2">
                  <input name={`note-${row.id}`} defaultValue={row.note ?? ""} maxLength={500} placeholder={m.notePlaceholder} aria-label={`${row.targetName}：${c.note}`}
                    className="w-full min-w-48 rounded border border-gray-400 px-2 py-1" />
                  <RowError index={index} field="note" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="mt-4"><SubmitButton>{m.saveResults}</SubmitButton></div>
    </ActionForm>
  );
}
