"use client";

import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormState } from "@/lib/forms/form-state";
import { messages } from "@/lib/i18n";

const t = messages.registers.feeIncome;

export function FeeIncomeForm({ action, defaultYear }: { action: (state: FormState, formData: FormData) => Promise<FormState>; defaultYear: number }) {
  return (
    <ActionForm action={action} aria-label={t.title} className="max-w-xl rounded border border-gray-300 bg-white p-6">
      <TextField name="year" type="number" label={t.year} defaultValue={defaultYear} required />
      <TextField name="amountTenThousandYuan" label={t.amount} required />
      <TextField name="note" label={t.note} maxLength={500} />
      <SubmitButton>{t.save}</SubmitButton>
    </ActionForm>
  );
}
