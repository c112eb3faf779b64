"use client";

import { ConfirmDialog } from "@/components/console/confirm-dialog";
import { ActionForm } from "@/components/forms/action-form";
import { TextAreaField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { messages } from "@/lib/i18n";
import { addSensitiveWordsAction, removeSensitiveWordAction } from "./actions";

const m = messages.sensitiveWordsAdmin;

export function AddSensitiveWordsForm() {
  return (
    <ActionForm action={addSensitiveWordsAction} resetOnSuccess aria-label={m.words}>
      <TextAreaField name="words" label={m.wordsField} hint={m.wordsHint} rows={5} required />
      <SubmitButton>{m.add}</SubmitButton>
    </ActionForm>
  );
}

export function RemoveSensitiveWordForm({ word }: { word: { id: number; word: string } }) {
  return (
    <ConfirmDialog
      action={removeSensitiveWordAction.bind(null, word.id)}
      label={m.remove}
      ariaLabel={m.removeLabel(word.word)}
      question={messages.kit.confirmQuestion(m.remove, word.word)}
    />
  );
}
