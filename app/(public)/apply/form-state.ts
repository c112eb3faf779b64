import type { FieldErrors } from "@/lib/errors";

/** What submitting an application returns to its form: the receipt, or the problems. */
export type ApplicationFormState = {
  status: "idle" | "success" | "error";
  message?: string;
  fields?: FieldErrors;
  receipt?: { id: number; number: string; lookupCode: string; receivedOn: string; dueOn: string; receiptExplanation: string };
  /** With an error: the HTTP status the API answers for it (see FormState.errorStatus). */
  errorStatus?: number;
  /** The values typed, so a refused submission keeps them (plain form posts re-render). */
  values?: Record<string, string>;
};

export const idleApplicationFormState: ApplicationFormState = { status: "idle" };
