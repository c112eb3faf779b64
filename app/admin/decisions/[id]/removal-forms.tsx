"use client";

import { ActionForm } from "@/components/forms/action-form";
import { TextAreaField, TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormState } from "@/lib/forms/form-state";
import { messages } from "@/lib/i18n";

const r = messages.registers.decisions.removal;

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** 信用修复: the date the decision comes off the public list and why (staff). */
export function ProposeRemovalForm({ action, earliest }: { action: Action; earliest: string }) {
  return (
    <ActionForm action={action} aria-label={r.propose}>
      <TextField name="removeOn" label={r.removeOn} type="date" required defaultValue={earliest} />
      <TextAreaField name="reason" label={r.reason} required rows={3} />
      <SubmitButton>{r.propose}</SubmitButton>
    </ActionForm>
  );
}

/** The section head's decision on a proposal: approve, or reject with a comment. */
export function DecideRemovalForm({ action }: { action: Action }) {
  return (
    <ActionForm action={action} aria-label={r.approve}>
      <TextAreaField name="comment" label={r.comment} rows={2} />
      <div className="flex gap-2">
        <SubmitButton name="action" value="approve">
          {r.approve}
        </SubmitButton>
        <SubmitButton name="action" value="reject" variant="secondary">
          {r.reject}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
