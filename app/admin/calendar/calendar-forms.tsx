"use client";

import { ActionForm } from "@/components/forms/action-form";
import { SelectField, TextField } from "@/components/forms/field";
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
        <TextField name="date" label={m.date} type="date" required hint={m.dateHint} />
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
    <ActionForm action={removeCalendarOverrideAction.bind(null, date)} aria-label={m.removeLabel(date)}>
      <button
        type="submit"
        aria-label={m.removeLabel(date)}
        className="rounded border border-red-700 bg-white px-3 py-1 text-sm text-red-800 hover:bg-red-50 focus:outline-none focus:ring-2 focus:ring-blue-700 focus:ring-offset-2"
      >
        {m.remove}
      </button>
    </ActionForm>
  );
}
