"use client";

import type { ReactNode } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { TextAreaField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormState } from "@/lib/forms/form-state";

type Run = (state: FormState, formData: FormData) => Promise<FormState>;

/** One review step the user may take now: its button, its comment field, what else it asks. */
export type ReviewStep = {
  action: string;
  /** The button's text. */
  label: string;
  /** The form's name (default: the button's text). */
  formLabel?: string;
  comment?: { label: string; required?: boolean; rows?: number; name?: string; maxLength?: number } | null;
  /** Returning and withdrawing are shown in red. */
  danger?: boolean;
  hidden?: Record<string, string | number>;
  /** Fields before the comment: findings to acknowledge, the publication time, a step's errors. */
  before?: ReactNode;
};

/**
 * One form per review step open to the user (the server decides again on submit): the action,
 * the record's version (a stale page is refused, not overwritten) and the comment.
 */
export function ReviewActions({ steps, run, version, empty }: { steps: ReviewStep[]; run: Run; version?: number | null; empty: string }) {
  if (!steps.length) return <p className="text-sm text-gray-700">{empty}</p>;
  return (
    <div className="space-y-4">
      {steps.map((step) => (
        <ActionForm key={step.action} action={run} aria-label={step.formLabel ?? step.label} className="rounded border border-gray-200 p-3">
          <input type="hidden" name="action" value={step.action} />
          {version ? <input type="hidden" name="version" value={version} /> : null}
          {Object.entries(step.hidden ?? {}).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          {step.before}
          {step.comment ? (
            <TextAreaField
              name={step.comment.name ?? "comment"}
              label={step.comment.label}
              required={step.comment.required}
              rows={step.comment.rows ?? 3}
              maxLength={step.comment.maxLength ?? 2000}
            />
          ) : null}
          <SubmitButton variant={step.danger ? "danger" : "primary"}>{step.label}</SubmitButton>
        </ActionForm>
      ))}
    </div>
  );
}
