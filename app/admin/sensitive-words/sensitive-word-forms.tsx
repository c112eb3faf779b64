"use client";

import { useId } from "react";
import { ActionForm, useFormState } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { messages } from "@/lib/i18n";
import { addSensitiveWordsAction, removeSensitiveWordAction } from "./actions";

const m = messages.sensitiveWordsAdmin;

/** A textarea with its label, hint and errors, styled like the shared text fields. */
function WordListField({ name, label, hint }: { name: string; label: string; hint: string }) {
  const id = `${useId().replaceAll(":", "")}-${name}`;
  const errors = useFormState().fields?.[name];
  const describedBy = [`${id}-hint`, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="mb-4">
      <label htmlFor={id} className="block text-sm font-medium text-gray-900">
        {label}
        <span className="ml-1 text-red-700" aria-hidden="true">*</span>
      </label>
      <textarea
        id={id}
        name={name}
        rows={5}
        required
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
        className="mt-1 block w-full rounded border border-gray-400 bg-white px-3 py-2 text-base text-gray-900 focus:border-blue-800 focus:outline-none focus:ring-2 focus:ring-blue-700 aria-[invalid=true]:border-red-700"
      />
      <p id={`${id}-hint`} className="mt-1 text-sm text-gray-700">{hint}</p>
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700" data-testid={`error-${name}`}>{errors.join(" ")}</p>
      ) : null}
    </div>
  );
}

export function AddSensitiveWordsForm() {
  return (
    <ActionForm action={addSensitiveWordsAction} resetOnSuccess aria-label={m.words}>
      <WordListField name="words" label={m.wordsField} hint={m.wordsHint} />
      <SubmitButton>{m.add}</SubmitButton>
    </ActionForm>
  );
}

export function RemoveSensitiveWordForm({ word }: { word: { id: number; word: string } }) {
  return (
    <ActionForm action={removeSensitiveWordAction.bind(null, word.id)} aria-label={m.removeLabel(word.word)} className="inline">
      <button
        type="submit"
        aria-label={m.removeLabel(word.word)}
        className="ml-1 rounded px-1 text-sm text-red-800 hover:bg-red-50 focus:outline-none focus:ring-2 focus:ring-blue-700"
      >
        {m.remove}
      </button>
    </ActionForm>
  );
}
