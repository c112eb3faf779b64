"use server";

import { headers } from "next/headers";
import { submitApplication } from "@/lib/applications/submit-application";
import { messages } from "@/lib/i18n";
import { clientKeyOf } from "@/lib/rate-limit/client-key";
import type { ApplicationFormState } from "./form-state";
import { runApplicationForm } from "./run-application-form";

export async function submitApplicationAction(_state: ApplicationFormState, formData: FormData): Promise<ApplicationFormState> {
  const clientKey = clientKeyOf(await headers());
  return runApplicationForm(formData, (input) => submitApplication(input, { clientKey }), messages.applications.publicForm.submitted);
}
