"use client";

import { useFormStatus } from "react-dom";
import { useFormPending } from "@/components/forms/action-form";
import { buttonClass } from "@/components/forms/styles";
import { messages } from "@/lib/i18n";

export function SubmitButton({
  children,
  variant = "primary",
  pendingLabel,
  name,
  value,
}: {
  children: React.ReactNode;
  variant?: "primary" | "secondary" | "danger";
  pendingLabel?: string;
  /** A form with two ways to submit (保存草稿 / 保存并提交审核) tells them apart by the button's name and value. */
  name?: string;
  value?: string;
}) {
  const status = useFormStatus();
  const pending = useFormPending() || status.pending;
  return (
    <button type="submit" name={name} value={value} disabled={pending} className={buttonClass[variant]}>
      {pending ? (pendingLabel ?? messages.form.submitting) : children}
    </button>
  );
}
