"use client";

import { ActionForm, useFormState } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormState } from "@/lib/forms/form-state";
import { messages } from "@/lib/i18n";

const m = messages.proposals;

function Choices({ feedbackId }: { feedbackId: number }) {
  const state = useFormState();
  if (state.status === "success") return null;
  const errors = state.fields?.rating;
  return (
    <>
      <fieldset className="flex flex-wrap items-center gap-4" aria-describedby={errors?.length ? `rating-${feedbackId}-error` : undefined}>
        <legend className="mb-1 text-sm font-medium">{m.feedback.public.rate}</legend>
        {(["satisfied", "basically_satisfied", "unsatisfied"] as const).map((value) => (
          <label key={value} className="flex items-center gap-1 text-sm">
            <input type="radio" name="rating" value={value} required />
            {m.satisfactions[value]}
          </label>
        ))}
      </fieldset>
      {errors?.length ? (
        <p id={`rating-${feedbackId}-error`} className="mt-1 text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
      <div className="mt-2">
        <SubmitButton variant="secondary">{m.feedback.public.rateSubmit}</SubmitButton>
      </div>
    </>
  );
}

/** Visitors rate a published reply; the server counts it against the client's rate limit. */
export function RatingForm({ feedbackId, action }: { feedbackId: number; action: (state: FormState, formData: FormData) => Promise<FormState> }) {
  return (
    <ActionForm action={action} className="no-print mt-3 border-t border-gray-200 pt-3" aria-label={`${m.feedback.public.rate}（${feedbackId}）`}>
      <Choices feedbackId={feedbackId} />
    </ActionForm>
  );
}
