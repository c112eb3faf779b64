"use client";

import { ActionForm, useFormState } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormState } from "@/lib/forms/form-state";
import { messages } from "@/lib/i18n";
import type { ItemAction } from "@/lib/items/item-review";

const m = messages.consoleItems.detail;

function CommentField({ label, required, name = "comment" }: { label: string; required?: boolean; name?: string }) {
  const errors = useFormState().fields?.[name];
  const id = `transition-${name}`;
  return (
    <div className="mb-3">
      <label htmlFor={id} className="block text-sm font-medium">{label}</label>
      <textarea id={id} name={name} rows={3} required={required} maxLength={2000}
        aria-invalid={errors?.length ? true : undefined} aria-describedby={errors?.length ? `${id}-error` : undefined}
        className="mt-1 block w-full rounded border border-gray-400 px-3 py-2 text-base" />
      {errors?.length ? <p id={`${id}-error`} className="mt-1 text-sm text-red-700" data-testid={`error-${name}`}>{errors.join(" ")}</p> : null}
    </div>
  );
}

/** After a refused submission, the findings to acknowledge, each with a note. */
function ScreeningFindings() {
  const state = useFormState();
  if (!state.findings?.length) return null;
  return (
    <section className="mb-4 rounded border border-amber-700 bg-amber-50 p-4" aria-labelledby="findings-title" data-testid="screening-findings">
      <h3 id="findings-title" className="font-semibold">{m.findings}</h3>
      <p className="mt-1 text-sm">{m.findingsHelp}</p>
      <ol className="mt-3 space-y-3">
        {state.findings.map((finding, index) => (
          <li key={finding.key} className="rounded border border-amber-300 bg-white p-3 text-sm">
            <p><strong>{m.findingKinds[finding.kind as keyof typeof m.findingKinds] ?? finding.kind}</strong>（{finding.source}）：<code>{finding.match}</code></p>
            <p className="mt-1 text-gray-700">……{finding.context}……</p>
            <label htmlFor={`finding-${index}`} className="mt-2 block">{m.findingNote} {index + 1}</label>
            <input id={`finding-${index}`} name={`ack:${finding.key}`} required maxLength={500} className="mt-1 block w-full rounded border border-gray-400 px-2 py-1" />
          </li>
        ))}
      </ol>
    </section>
  );
}

function ActionFields({ action, state, version, canSchedule }: { action: ItemAction; state: string; version: number; canSchedule: boolean }) {
  return (
    <>
      <input type="hidden" name="action" value={action} />
      <input type="hidden" name="version" value={version} />
      {action === "submit" ? <ScreeningFindings /> : null}
      {action === "return" ? <CommentField label={m.returnComment} required /> : null}
      {action === "withdraw" ? <CommentField label={m.withdrawReason} required /> : null}
      {action === "approve" && state === "leader_review" && canSchedule ? (
        <div className="mb-3">
          <label htmlFor="transition-publishAt" className="block text-sm font-medium">{m.publishAt}</label>
          <input id="transition-publishAt" type="datetime-local" name="publishAt" aria-describedby="transition-publishAt-hint" className="mt-1 rounded border border-gray-400 px-2 py-1" />
          <p id="transition-publishAt-hint" className="text-sm text-gray-700">{m.publishAtHint}</p>
        </div>
      ) : null}
      {action === "approve" || action === "submit" ? <CommentField label={m.comment} /> : null}
    </>
  );
}

export function TransitionPanel({
  actions, state, version, run,
}: {
  actions: ItemAction[];
  state: string;
  version: number;
  run: (state: FormState, formData: FormData) => Promise<FormState>;
}) {
  if (!actions.length) return <p className="text-sm text-gray-700">{m.noActions}</p>;
  return (
    <div className="space-y-4">
      {actions.map((action) => (
        <ActionForm key={action} action={run} aria-label={messages.itemActions[action]} className="rounded border border-gray-200 p-3">
          <ActionFields action={action} state={state} version={version} canSchedule />
          <SubmitButton variant={action === "withdraw" || action === "return" ? "danger" : "primary"}>{messages.itemActions[action]}</SubmitButton>
        </ActionForm>
      ))}
    </div>
  );
}
