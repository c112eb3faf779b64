"use client";

import { useId, useState, type FormEvent } from "react";
import { decisionKinds } from "@/lib/decisions/decision-fields";
import { messages } from "@/lib/i18n";

const m = messages.registers;
const t = m.decisions.importPage;

type Problem = { row: number | null; column: string | null; message: string };
type Outcome =
  | { status: "idle" }
  | { status: "imported"; imported: number; batchId: number }
  | { status: "rejected"; message: string; problems: Problem[] }
  | { status: "error"; message: string };

const shownProblems = 500;

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
      else if (json?.errors) setOutcome({ status: "rejected", message: json.error?.message ?? "", problems: json.errors });
      else setOutcome({ status: "error", message: json?.error?.message ?? messages.errors.generic });
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
      {outcome.status === "error" ? <div role="alert" data-testid="form-error" className="rounded border border-red-700 bg-red-50 px-3 py-2 text-sm">{outcome.message}</div> : null}
      {outcome.status === "rejected" ? (
        <section role="alert" aria-labelledby={`${id}-problems`} data-testid="import-problems" className="rounded border border-red-700 bg-white p-4">
          <h2 id={`${id}-problems`} className="font-semibold text-red-900">{outcome.message}</h2>
          <table className="mt-3 w-full text-left text-sm">
            <caption className="sr-only">{t.problems}</caption>
            <thead className="bg-gray-100"><tr>{Object.values(t.problemColumns).map((label) => <th key={label} scope="col" className="px-3 py-1">{label}</th>)}</tr></thead>
            <tbody>
              {outcome.problems.slice(0, shownProblems).map((problem, index) => (
                <tr key={index} className="border-t border-gray-200">
                  <td className="px-3 py-1">{problem.row ?? t.fileLevel}</td>
                  <td className="px-3 py-1">{problem.column ?? ""}</td>
                  <td className="px-3 py-1">{problem.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {outcome.problems.length > shownProblems ? <p className="mt-2 text-sm">{t.moreProblems(shownProblems, outcome.problems.length)}</p> : null}
        </section>
      ) : null}
    </div>
  );
}
