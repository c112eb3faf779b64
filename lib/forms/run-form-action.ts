import "server-only";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { AppError, ValidationError } from "@/lib/errors";
import type { FormState } from "@/lib/forms/form-state";
import { ImportRejectedError } from "@/lib/imports/problems";
import { messages } from "@/lib/i18n";
import { currentTime } from "@/lib/clock";

/** Runs a server action's work and turns the data layer's errors into form state. */
export async function runFormAction(work: () => Promise<string | Omit<FormState, "status">>): Promise<FormState> {
  try {
    const result = await work();
    const extra = typeof result === "string" ? { message: result } : result;
    return { status: "success", submittedAt: currentTime().getTime(), ...extra };
  } catch (error) {
    if (isRedirectError(error)) throw error;
    if (error instanceof ImportRejectedError) return { status: "error", message: error.message, importProblems: error.problems, submittedAt: currentTime().getTime() };
    if (error instanceof ValidationError) {
      const findings = (error.details as { findings?: FormState["findings"] } | undefined)?.findings;
      return { status: "error", message: error.message, fields: error.fields, findings, submittedAt: currentTime().getTime() };
    }
    if (error instanceof AppError) return { status: "error", message: error.message, submittedAt: currentTime().getTime() };
    console.error(error);
    return { status: "error", message: messages.errors.generic, submittedAt: currentTime().getTime() };
  }
}
