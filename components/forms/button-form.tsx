"use client";

import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormState } from "@/lib/forms/form-state";

/**
 * A form that is only a button (activate, deactivate, start, close), with its notice. The action is
 * a server action, so the button works without JavaScript too. For a removal use ConfirmDialog.
 */
export function ButtonForm({
  action,
  label,
  ariaLabel,
  variant = "secondary",
  className,
  children,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  label: string;
  /** The form's name when the button's text alone is ambiguous in a list (停用 + whom). */
  ariaLabel?: string;
  variant?: "primary" | "secondary" | "danger";
  className?: string;
  /** Hidden inputs, a hint above the button. */
  children?: React.ReactNode;
}) {
  return (
    <ActionForm action={action} aria-label={ariaLabel ?? label} className={className}>
      {children}
      <SubmitButton variant={variant}>{label}</SubmitButton>
    </ActionForm>
  );
}
