"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/lib/auth/next-auth";
import { currentTime } from "@/lib/clock";
import type { FormState } from "@/lib/forms/form-state";
import { messages } from "@/lib/i18n";
import { asFormData } from "@/lib/validation";

function safeRedirectTarget(value: FormDataEntryValue | null): string {
  const target = typeof value === "string" ? value : "";
  return target.startsWith("/") && !target.startsWith("//") ? target : "/admin";
}

export async function logIn(_state: FormState, formData: FormData): Promise<FormState> {
  const form = asFormData(formData);
  try {
    await signIn("credentials", {
      username: String(form.get("username") ?? ""),
      password: String(form.get("password") ?? ""),
      redirectTo: safeRedirectTarget(form.get("callbackUrl")),
    });
    return { status: "success" };
  } catch (error) {
    if (error instanceof AuthError && error.type === "CredentialsSignin") {
      const code = (error as CredentialsSignin).code ?? "invalid";
      const m = messages.login;
      if (code.startsWith("throttled")) {
        const seconds = Number(code.split(":")[1] ?? 900);
        return { status: "error", message: m.throttled(Math.max(1, Math.ceil(seconds / 60))), errorStatus: 429, submittedAt: currentTime().getTime() };
      }
      return { status: "error", message: code === "disabled" ? m.disabled : m.invalid, errorStatus: 401, submittedAt: currentTime().getTime() };
    }
    throw error;
  }
}
