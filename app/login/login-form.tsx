"use client";

import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { messages } from "@/lib/i18n";
import { logIn } from "./actions";

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const m = messages.login;
  return (
    <ActionForm action={logIn} aria-label={m.title}>
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? "/admin"} />
      <TextField name="username" label={m.username} autoComplete="username" required />
      <TextField name="password" label={m.password} type="password" autoComplete="current-password" required />
      <SubmitButton>{m.submit}</SubmitButton>
    </ActionForm>
  );
}
