"use server";

import { headers } from "next/headers";
import { lookUpApplication, type PublicApplicationStatus } from "@/lib/applications/public-status";
import { refusalOf } from "@/lib/database/unstorable-input";
import { ValidationError, type FieldErrors } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { clientKeyOf } from "@/lib/rate-limit/client-key";
import { asFormData } from "@/lib/validation";

export type LookupState = {
  status: "idle" | "found" | "error";
  message?: string;
  fields?: FieldErrors;
  result?: PublicApplicationStatus;
  number?: string;
  code?: string;
  /** With an error: the HTTP status the API answers for it (see FormState.errorStatus). */
  errorStatus?: number;
};

export async function lookUpApplicationAction(_state: LookupState, formData: FormData): Promise<LookupState> {
  const form = asFormData(formData);
  const number = String(form.get("number") ?? "").trim();
  const code = String(form.get("code") ?? "").trim();
  try {
    const result = await lookUpApplication({ number, code }, clientKeyOf(await headers()));
    return { status: "found", result, number: result.number, code };
  } catch (caught) {
    const error = refusalOf(caught);
    if (error instanceof ValidationError) return { status: "error", message: error.message, fields: error.fields, errorStatus: error.status, number, code };
    if (error) return { status: "error", message: error.message, errorStatus: error.status, number, code };
    console.error(caught);
    return { status: "error", message: messages.errors.generic, errorStatus: 500, number, code };
  }
}
