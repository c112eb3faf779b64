"use client";

import { useFormStatus } from "react-dom";
import { useFormPending } from "@/components/forms/action-form";
import { messages } from "@/lib/i18n";

export function SubmitButton({ children, variant = "primary" }: { children: React.ReactNode; variant?: "primary" | "secondary" | "danger" }) {
  const status = useFormStatus();
  const pending = useFormPending() || status.pending;
  const colours = {
    primary: "bg-blue-800 text-white hover:bg-blue-900",
    secondary: "border border-gray-500 bg-white text-gray-900 hover:bg-gray-100",
    danger: "bg-red-700 text-white hover:bg-red-800",
  }[variant];
  return (
    <button
      type="submit"
      disabled={pending}
      className={`rounded px-4 py-2 text-sm font-medium focus:outline-none focus:ring-2 focus:ring-blue-700 focus:ring-offset-2 disabled:opacity-60 ${colours}`}
    >
      {pending ? messages.form.submitting : children}
    </button>
  );
}
