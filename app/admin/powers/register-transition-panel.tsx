"use client";

import { useId } from "react";
import { ActionForm, useFormState } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormState } from "@/lib/forms/form-state";
import { messages } from "@/lib/i18n";
import type { RegisterAction } from "@/lib/powers/register-review";

const r = messages.registers.review;

function CommentField({ label, required }: { label: string; required?: boolean }) {
  const errors = useFormState().fields?.comment;
  const id = `${useId().replaceAll(":", "")}-comment`;
  return (
    <div className="mb-3">
      <label htmlFor={id} className="block text-sm font-medium">{label}{required ? <span className="ml-1 text-red-700" aria-hidden="true">*</span> : null}</label>
      <textarea id={id} name="comment" rows={3} required={required} maxLength={2000}
        aria-invalid={errors?.length ? true : undefined} aria-describedby={errors?.length ? `${id}-error` : undefined}
        className="mt-1 block w-full rounded border border-gray-400 px-3 py-2 text-base" />
      {errors?.length ? <p id={`${id}-error`} className="mt-1 text-sm text-red-700" data-testid="error-comment">{errors.join(" ")}</p> : null}
    </div>
  );
}

/** One form per review step the user may take now; the server decides again on submit. */
export function RegisterTransitionPanel({ actions, version, run }: { actions: RegisterAction[]; version?: number; run: (state: FormState, formData: FormData) => Promise<FormState> }) {
  if (!actions.length) return <p className="text-sm text-gray-700">{r.noActions}</p>;
  return (
    <div className="space-y-4">
      {actions.map((action) => (
        <ActionForm key={action} action={run} aria-label={messages.itemActions[action]} className="rounded border border-gray-200 p-3">
          <input type="hidden" name="action" value={action} />
          {version ? <input type="hidden" name="version" value={version} /> : null}
          {action === "return" ? <CommentField label={r.returnComment} required /> : null}
          {action === "withdraw" ? <CommentField label={r.withdrawReason} required /> : null}
          {action === "approve" || action === "submit" ? <CommentField label={r.comment} /> : null}
          <SubmitButton variant={action === "withdraw" || action === "return" ? "danger" : "primary"}>{messages.itemActions[action]}</SubmitButton>
        </ActionForm>
      ))}
    </div>
  );
}
