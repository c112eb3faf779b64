"use client";

import { useId, useState, type FormEvent } from "react";
import { ImportProblems } from "@/components/forms/import-problems";
import { decisionKinds } from "@/lib/decisions/decision-fields";
import { messages } from "@/lib/i18n";
import type { ImportProblem } from "@/lib/imports/problems";

const m = messages.registers;
const t = m.decisions.importPage;

type Outcome =
  | { status: "idle" }
  | { status: "imported"; imported: number; batchId: number }
  | { status: "error"; message: string; problems?: ImportProblem[] };

/**
 * Uploads to the import API (route handlers take files of any size the server allows; server
 * actions stop at 1 MB) and shows its answer: the count imported, or every problem by row and column.
 */
export function ImportForm() {
  const id = useId();
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
        <div className="mb-4">
          <label htmlFor={`${id}-kind`} className="block text-sm font-medium">{t.kind}</label>
          <select id={`${id}-kind`} name="kind" defaultValue="license" className="mt-1 block w-full rounded border border-gray-400 bg-white px-3 py-2">
            {decisionKinds.map((kind) => <option key={kind} value={kind}>{m.decisionKinds[kind]}</option>)}
          </select>
        </div>
        <div className="mb-4">
          <label htmlFor={`${id}-file`} className="block text-sm font-medium">{t.file}</label>
          <input id={`${id}-file`} type="file" name="file" required accept=".xlsx,.csv" className="mt-1 block text-sm" />
        </div>
        <button type="submit" disabled={pending} className="rounded bg-blue-800 px-4 py-2 text-sm font-medium text-white hover:bg-blue-900 disabled:opacity-60">
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
          <div role="alert" data-testid="form-error" className="rounded border border-red-700 bg-red-50 px-3 py-2 text-sm">{outcome.message}</div>
          <ImportProblems problems={outcome.problems} />
        </div>
      ) : null}
    </div>
  );
}
