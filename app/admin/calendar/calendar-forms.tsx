"use client";

import { ConfirmDialog } from "@/components/console/confirm-dialog";
import { ActionForm } from "@/components/forms/action-form";
import { DateField, SelectField, TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { messages } from "@/lib/i18n";
import { removeCalendarOverrideAction, setCalendarOverrideAction } from "./actions";

const m = messages.calendarAdmin;

const workingOptions = [
  { value: "false", label: m.workingOptions.false },
  { value: "true", label: m.workingOptions.true },
];

export function SetCalendarOverrideForm() {
  return (
    <ActionForm action={setCalendarOverrideAction} resetOnSuccess aria-label={m.add}>
      <div className="grid gap-x-4 md:grid-cols-3">
        <DateField name="date" label={m.date} required hint={m.dateHint} />
        <SelectField name="working" label={m.working} options={workingOptions} defaultValue="false" required />
        <TextField name="note" label={m.note} required maxLength={60} hint={m.noteHint} />
      </div>
      <p className="mb-4 text-sm text-gray-700">{m.addHint}</p>
      <SubmitButton>{m.add}</SubmitButton>
    </ActionForm>
  );
}

export function RemoveCalendarOverrideForm({ date }: { date: string }) {
  return (
    <ConfirmDialog
      action={removeCalendarOverrideAction.bind(null, date)}
      label={m.remove}
      ariaLabel={m.removeLabel(date)}
      question={messages.kit.confirmQuestion(m.remove, date)}
    />
  );
}
