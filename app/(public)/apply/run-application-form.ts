import "server-only";
import { refusalOf } from "@/lib/database/unstorable-input";
import { ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { formDataToObject } from "@/lib/validation";
import type { ApplicationFormState } from "./form-state";

/** Turns the data layer's answer into the form's state (shared with the console's registration form). */
export async function runApplicationForm(
  formData: FormData,
  submit: (input: Record<string, unknown>) => Promise<NonNullable<ApplicationFormState["receipt"]>>,
  successMessage: string,
): Promise<ApplicationFormState> {
  const input = formDataToObject(formData);
  const values = Object.fromEntries(Object.entries(input).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  try {
    const receipt = await submit(input);
    return { status: "success", message: successMessage, receipt };
  } catch (caught) {
    const error = refusalOf(caught);
    if (error instanceof ValidationError) return { status: "error", message: error.message, fields: error.fields, errorStatus: error.status, values };
    if (error) return { status: "error", message: error.message, errorStatus: error.status, values };
    console.error(caught);
    return { status: "error", message: messages.errors.generic, errorStatus: 500, values };
  }
}

