import "server-only";
import { runFormAction } from "@/lib/forms/run-form-action";
import { asFormData, formDataToObject } from "@/lib/validation";
import type { ApplicationFormState, ApplicationReceipt } from "./form-state";

/**
 * Submits an application through the shared form runtime (shared with the console's registration
 * form): the receipt on success; on refusal the field errors and what was typed, so that a form
 * posted without JavaScript keeps it.
 */
export async function runApplicationForm(
  formData: FormData,
  submit: (input: Record<string, unknown>) => Promise<ApplicationReceipt>,
  successMessage: string,
): Promise<ApplicationFormState> {
  // A server action can be called with anything: what is not a form has no fields.
  const form = asFormData(formData);
  return runFormAction<ApplicationReceipt>(async () => ({ message: successMessage, result: await submit(formDataToObject(form)) }), { keepValues: form });
}
