"use client";

import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { decisionKinds } from "@/lib/decisions/decision-fields";
import type { FormState } from "@/lib/forms/form-state";
import type { DecisionKind } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";

const m = messages.registers;
const s = m.decisions.settings;

export function PublicityPeriodsForm({
  action,
  periods,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  periods: Record<DecisionKind, number | null>;
}) {
  return (
    <ActionForm action={action} aria-label={s.title} className="max-w-xl rounded border border-gray-300 bg-white p-6">
      {decisionKinds.map((kind) => (
        <TextField key={kind} name={kind} type="number" label={s.months(m.decisionKinds[kind])} hint={s.monthsHint} defaultValue={periods[kind] ?? ""} />
      ))}
      <SubmitButton>{s.save}</SubmitButton>
    </ActionForm>
  );
}
