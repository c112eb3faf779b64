"use client";

import { ActionForm, useFormState } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { feedbackLimits } from "@/lib/feedback/feedback-schemas";
import type { FormState } from "@/lib/forms/form-state";
import { messages } from "@/lib/i18n";

const m = messages.proposals.feedback.public;

function ContentField() {
  const errors = useFormState().fields?.content;
  return (
    <div className="mb-4">
      <label htmlFor="feedback-content" className="block text-sm font-medium text-gray-900">
        {m.content}
        <span className="ml-1 text-red-700" aria-hidden="true">
          *
        </span>
      </label>
      <textarea
        id="feedback-content"
        name="content"
        rows={8}
        required
        maxLength={feedbackLimits.content}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={["feedback-content-hint", errors?.length ? "feedback-content-error" : null].filter(Boolean).join(" ")}
        className="mt-1 block w-full rounded border border-gray-400 bg-white px-3 py-2 text-base focus:border-blue-800 focus:outline-none focus:ring-2 focus:ring-blue-700 aria-[invalid=true]:border-red-700"
      />
      <p id="feedback-content-hint" className="mt-1 text-sm text-gray-700">
        {m.contentHint(feedbackLimits.content)}
      </p>
      {errors?.length ? (
        <p id="feedback-content-error" className="mt-1 text-sm text-red-700" data-testid="error-content">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

function ItemError() {
  const errors = useFormState().fields?.itemId;
  return errors?.length ? (
    <p className="mb-4 text-sm text-red-700" data-testid="error-itemId">
      {errors.join(" ")}
    </p>
  ) : null;
}

/** The visitor's message form: topic, content, optional name and contact, consent to publish. */
export function FeedbackForm({
  action,
  item,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  item: { id: number; title: string } | null;
}) {
  return (
    <ActionForm action={action} resetOnSuccess aria-label={m.formTitle}>
      {item ? (
        <div className="mb-4 rounded border border-gray-300 bg-gray-50 p-3 text-sm">
          <input type="hidden" name="itemId" value={item.id} />
          {m.about}：<strong data-testid="feedback-item">{item.title}</strong>
        </div>
      ) : null}
      <ItemError />
      <TextField name="topic" label={m.topic} required maxLength={feedbackLimits.topic} />
      <ContentField />
      <div className="grid gap-x-4 md:grid-cols-2">
        <TextField name="name" label={m.name} maxLength={feedbackLimits.name} autoComplete="name" />
        <TextField name="contact" label={m.contact} maxLength={feedbackLimits.contact} hint={m.contactHint} />
      </div>
      <label className="mb-4 flex items-start gap-2 text-sm">
        <input type="checkbox" name="mayPublish" value="on" className="mt-1" />
        <span>{m.mayPublish}</span>
      </label>
      <SubmitButton>{m.submit}</SubmitButton>
    </ActionForm>
  );
}
