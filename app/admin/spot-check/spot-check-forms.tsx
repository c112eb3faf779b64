"use client";

import { ConfirmDialog } from "@/components/console/confirm-dialog";
import { ActionForm } from "@/components/forms/action-form";
import { TextAreaField, TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { messages } from "@/lib/i18n";
import type { OversightSettings } from "@/lib/oversight/oversight-settings";
import { addWordingRulesAction, removeWordingRuleAction, updateOversightSettingsAction } from "./actions";

const m = messages.oversight;

export function OversightSettingsForm({ settings }: { settings: OversightSettings }) {
  return (
    <ActionForm action={updateOversightSettingsAction} aria-label={m.settings.title}>
      <TextField
        name="messageReplyWorkingDays"
        label={m.settings.messageReplyWorkingDays}
        hint={m.settings.messageReplyWorkingDaysHint}
        type="number"
        inputMode="numeric"
        min={1}
        max={60}
        defaultValue={settings.messageReplyWorkingDays}
        required
      />
      <fieldset className="mt-4">
        <legend className="font-semibold">{m.settings.columnsTitle}</legend>
        <p className="mb-2 text-sm text-gray-700">{m.settings.columnsIntro}</p>
        <div className="grid gap-x-6 sm:grid-cols-2">
          {settings.columns.map((column) => (
            <TextField
              key={column.id}
              name={`columns.c${column.id}`}
              label={m.settings.staleAfterDays(column.path)}
              hint={m.settings.defaultDays(column.defaultDays)}
              type="number"
              inputMode="numeric"
              min={0}
              max={3660}
              defaultValue={column.staleAfterDays ?? ""}
            />
          ))}
        </div>
      </fieldset>
      <SubmitButton>{m.settings.save}</SubmitButton>
    </ActionForm>
  );
}

export function AddWordingRulesForm() {
  return (
    <ActionForm action={addWordingRulesAction} resetOnSuccess aria-label={m.wording.title}>
      <TextAreaField name="rules" label={m.wording.rules} hint={m.wording.intro} rows={4} required />
      <SubmitButton>{m.wording.add}</SubmitButton>
    </ActionForm>
  );
}

export function RemoveWordingRuleForm({ rule }: { rule: { id: number; wrong: string } }) {
  return (
    <ConfirmDialog
      action={removeWordingRuleAction.bind(null, rule.id)}
      label={m.wording.remove}
      ariaLabel={m.wording.removeLabel(rule.wrong)}
      question={messages.kit.confirmQuestion(m.wording.remove, rule.wrong)}
    />
  );
}
