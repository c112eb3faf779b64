"use client";

import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormState } from "@/lib/forms/form-state";
import { messages } from "@/lib/i18n";

export function SettingsForm({ action, months }: { action: (state: FormState, formData: FormData) => Promise<FormState>; months: number }) {
  const m = messages.proposals.console;
  return (
    <ActionForm action={action} aria-label={m.settingsPage.title}>
      <TextField name="replyPeriodMonths" label={m.settingsPage.replyPeriodMonths} type="number" defaultValue={months} required />
      <SubmitButton>{m.save}</SubmitButton>
    </ActionForm>
  );
}
