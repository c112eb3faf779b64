"use client";

import { useState, type FormEvent } from "react";
import { FileField, SelectField } from "@/components/forms/field";
import { ImportProblems } from "@/components/forms/import-problems";
import { buttonClass } from "@/components/forms/styles";
import { decisionKinds } from "@/lib/decisions/decision-fields";
import { messages } from "@/lib/i18n";
import type { ImportProblem } from "@/lib/imports/problems";

const m = messages.registers;
const t = m.decisions.importPage;

type Outcome =
  { status: "idle" } | { status: "imported"; imported: number; batchId: number } | { status: "error"; message: string; problems?: ImportProblem[] };

/**
 * Uploads to the import API (route handlers take files of any size the server allows; server
 * actions stop at 1 MB) and shows its answer: the count imported, or every problem by row and column.
 */
export function ImportForm() {
  const [outcome, setOutcome] = useState<Outcome>({ status: "idle" });
  const [pending, setPending] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const kind = String(form.get("kind"));
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setOutcome({ status: "error", message: m.decisions.problems.fileRequired });
      return;
    }
    setPending(true);
    try {
      const body = new FormData();
      body.set("file", file);
      const response = await fetch(`/api/v1/admin/decisions/import?kind=${encodeURIComponent(kind)}`, { method: "POST", body });
      const json = await response.json().catch(() => null);
      if (response.ok) setOutcome({ status: "imported", imported: json.imported, batchId: json.batchId });
      else setOutcome({ status: "error", message: json?.error?.message ?? messages.errors.generic, problems: json?.errors });
    } catch {
      setOutcome({ status: "error", message: messages.errors.generic });
    } finally {
      setPending(false);
    }
  };
  return (
    <div className="space-y-4">
      <form onSubmit={submit} aria-label={t.title} aria-busy={pending || undefined} className="max-w-2xl rounded border border-gray-300 bg-white p-6">
        <SelectField name="kind" label={t.kind} defaultValue="license" options={decisionKinds.map((kind) => ({ value: kind, label: m.decisionKinds[kind] }))} />
        <FileField name="file" label={t.file} required accept=".xlsx,.csv" />
        <button type="submit" disabled={pending} className={buttonClass.primary}>
          {pending ? messages.form.submitting : t.submit}
        </button>
      </form>
      {outcome.status === "imported" ? (
        <div role="status" data-testid="form-success" className="rounded border border-green-700 bg-green-50 px-3 py-2 text-sm">
          {t.imported(outcome.imported)} <a href={`/admin/decisions/batches/${outcome.batchId}`}>{m.decisions.console.batch(outcome.batchId)}</a>
        </div>
      ) : null}
      {outcome.status === "error" ? (
        <div>
          <div role="alert" data-testid="form-error" className="rounded border border-red-700 bg-red-50 px-3 py-2 text-sm">
            {outcome.message}
          </div>
          <ImportProblems problems={outcome.problems} />
        </div>
      ) : null}
    </div>
  );
}
