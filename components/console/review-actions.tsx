"use client";

import type { ReactNode } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { TextAreaField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormState } from "@/lib/forms/form-state";
import { messages } from "@/lib/i18n";
import { boxesOf } from "./review-steps";

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
 * The forms of the review steps open to the user (the server decides again on submit): the action,
 * the record's version (a stale page is refused, not overwritten) and the comment. A reviewer who
 * may both approve and return gets one review box: one comment and the two buttons 通过 / 退回,
 * the pressed button naming the action.
 */
export function ReviewActions({ steps, run, version, empty }: { steps: ReviewStep[]; run: Run; version?: number | null; empty: string }) {
  if (!steps.length) return <p className="text-sm text-gray-700">{empty}</p>;
  return (
    <div className="space-y-4">
      {boxesOf(steps).map((box) =>
        box.kind === "single" ? (
          <SingleStepForm key={box.step.action} step={box.step} run={run} version={version} />
        ) : (
          <ReviewBox key="review" approve={box.approve} ret={box.ret} run={run} version={version} />
        ),
      )}
    </div>
  );
}

function Hidden({ version, hidden }: { version?: number | null; hidden?: Record<string, string | number> }) {
  return (
    <>
      {version ? <input type="hidden" name="version" value={version} /> : null}
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

function SingleStepForm({ step, run, version }: { step: ReviewStep; run: Run; version?: number | null }) {
  return (
    <ActionForm action={run} aria-label={step.formLabel ?? step.label} className="rounded border border-gray-200 p-3">
      <input type="hidden" name="action" value={step.action} />
      <Hidden version={version} hidden={step.hidden} />
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
  );
}

function ReviewBox({ approve, ret, run, version }: { approve: ReviewStep; ret: ReviewStep; run: Run; version?: number | null }) {
  const t = messages.workflow.reviewBox;
  const comment = ret.comment ?? approve.comment;
  return (
    <ActionForm action={run} aria-label={t.name(approve.formLabel ?? approve.label, ret.label)} className="rounded border border-gray-200 p-3">
      <Hidden version={version} hidden={approve.hidden} />
      {approve.before}
      <TextAreaField name={comment?.name ?? "comment"} label={t.comment} hint={t.hint} rows={comment?.rows ?? 3} maxLength={comment?.maxLength ?? 2000} />
      <div className="flex flex-wrap gap-3">
        <SubmitButton name="action" value={approve.action}>
          {approve.label}
        </SubmitButton>
        <SubmitButton name="action" value={ret.action} variant="danger">
          {ret.label}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
