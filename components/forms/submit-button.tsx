"use client";

import { useFormStatus } from "react-dom";
import { useFormPending } from "@/components/forms/action-form";
import { buttonClass } from "@/components/forms/styles";
import { messages } from "@/lib/i18n";

export function SubmitButton({ children, variant = "primary", pendingLabel }: { children: React.ReactNode; variant?: "primary" | "secondary" | "danger"; pendingLabel?: string }) {
  const status = useFormStatus();
  const pending = useFormPending() || status.pending;
  return (
    <button type="submit" disabled={pending} className={buttonClass[variant]}>
      {pending ? (pendingLabel ?? messages.form.submitting) : children}
    </button>
  );
}
