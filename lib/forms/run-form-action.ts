import "server-only";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { currentTime } from "@/lib/clock";
import { refusalOf } from "@/lib/database/unstorable-input";
import { ValidationError } from "@/lib/errors";
import type { FormState } from "@/lib/forms/form-state";
import { messages } from "@/lib/i18n";
import { ImportRejectedError } from "@/lib/imports/problems";
import { asFormData } from "@/lib/validation";

type Options = {
  /**
   * The submitted form, to send its text values back with an error (FormState.values), so that a
   * form posted without JavaScript keeps what was typed. Only for forms without secrets.
   */
  keepValues?: FormData;
};

/** Runs a server action's work and turns the data layer's errors into form state. */
export async function runFormAction<Result = unknown>(
  work: () => Promise<string | Omit<FormState<Result>, "status">>,
  options: Options = {},
): Promise<FormState<Result>> {
  const values = options.keepValues ? typedValues(asFormData(options.keepValues)) : undefined;
  try {
    const result = await work();
    const extra = typeof result === "string" ? { message: result } : result;
    return { status: "success", submittedAt: currentTime().getTime(), ...extra };
  } catch (caught) {
    if (isRedirectError(caught)) throw caught;
    const error = refusalOf(caught);
    if (error instanceof ImportRejectedError)
      return { status: "error", message: error.message, importProblems: error.problems, errorStatus: error.status, submittedAt: currentTime().getTime() };
    if (error instanceof ValidationError) {
      const findings = (error.details as { findings?: FormState["findings"] } | undefined)?.findings;
      return {
        status: "error",
        message: error.message,
        fields: error.fields,
        findings,
        errorStatus: error.status,
        values,
        submittedAt: currentTime().getTime(),
      };
    }
    if (error) return { status: "error", message: error.message, errorStatus: error.status, values, submittedAt: currentTime().getTime() };
    console.error(caught);
    return { status: "error", message: messages.errors.generic, errorStatus: 500, values, submittedAt: currentTime().getTime() };
  }
}

function typedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value === "string" && !name.startsWith("$ACTION")) values[name] = value;
  }
  return values;
}
