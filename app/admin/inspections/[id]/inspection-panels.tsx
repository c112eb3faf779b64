"use client";

import { DataTable } from "@/components/console/data-table";
import { ActionForm, useFormState } from "@/components/forms/action-form";
import { ErrorText, FieldErrors } from "@/components/forms/field";
import { compactInputClass } from "@/components/forms/styles";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormState } from "@/lib/forms/form-state";
import type { InspectionOutcome } from "@/lib/generated/prisma/enums";
import { inspectionsMessages } from "@/lib/i18n/zh-CN/inspections";

const m = inspectionsMessages.detail;
type Run = (state: FormState, formData: FormData) => Promise<FormState>;

export function DrawForm({ run, version }: { run: Run; version: number }) {
  return (
    <ActionForm action={run} aria-label={m.drawNow}>
      <input type="hidden" name="version" value={version} />
      <p className="mb-3 text-sm text-gray-800">{m.drawHelp}</p>
      <FieldErrors name="targetCount" />
      <FieldErrors name="inspectorsPerTarget" />
      <SubmitButton>{m.drawNow}</SubmitButton>
    </ActionForm>
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
  return <ErrorText name={`results-${index}-${field}`} errors={errors} />;
}

export function ResultsForm({ rows, version, run }: { rows: ResultRow[]; version: number; run: Run }) {
  const c = m.columns;
  const outcomes = Object.entries(inspectionsMessages.outcomes) as [InspectionOutcome, string][];
  return (
    <ActionForm action={run} aria-label={m.recordResults}>
      <input type="hidden" name="version" value={version} />
      <p className="mb-3 text-sm text-gray-800">{m.recordResultsHelp}</p>
      <DataTable
        caption={m.recordResults}
        rows={rows}
        rowKey={(row) => row.id}
        empty={null}
        framed={false}
        columns={[
          {
            key: "position",
            header: c.position,
            cell: (row) => (
              <>
                {row.position}
                <input type="hidden" name="assignmentId" value={row.id} />
              </>
            ),
          },
          { key: "target", header: c.target, cell: (row) => row.targetName },
          { key: "inspectors", header: c.inspectors, cell: (row) => row.inspectors },
          {
            key: "inspectedOn",
            header: c.inspectedOn,
            cell: (row, index) => (
              <>
                <input
                  type="date"
                  name={`inspectedOn-${row.id}`}
                  defaultValue={row.inspectedOn ?? ""}
                  aria-label={`${row.targetName}：${c.inspectedOn}`}
                  className={compactInputClass}
                />
                <RowError index={index} field="inspectedOn" />
              </>
            ),
          },
          {
            key: "outcome",
            header: c.outcome,
            cell: (row, index) => (
              <>
                <select
                  name={`outcome-${row.id}`}
                  defaultValue={row.outcome ?? ""}
                  aria-label={`${row.targetName}：${c.outcome}`}
                  className={compactInputClass}
                >
                  <option value="">—</option>
                  {outcomes.map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
                <RowError index={index} field="outcome" />
              </>
            ),
          },
          {
            key: "note",
            header: c.note,
            cell: (row, index) => (
              <>
                <input
                  name={`note-${row.id}`}
                  defaultValue={row.note ?? ""}
                  maxLength={500}
                  placeholder={m.notePlaceholder}
                  aria-label={`${row.targetName}：${c.note}`}
                  className={`w-full min-w-48 ${compactInputClass}`}
                />
                <RowError index={index} field="note" />
              </>
            ),
          },
        ]}
      />
      <div className="mt-4">
        <SubmitButton>{m.saveResults}</SubmitButton>
      </div>
    </ActionForm>
  );
}
