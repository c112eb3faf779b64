"use server";

import { headers } from "next/headers";
import { rateFeedbackReply } from "@/lib/feedback/public-feedback";
import { submitFeedback } from "@/lib/feedback/submit-feedback";
import type { FormState } from "@/lib/forms/form-state";
import { runFormAction } from "@/lib/forms/run-form-action";
import { messages } from "@/lib/i18n";
import { clientKeyOf } from "@/lib/rate-limit/client-key";
import { asFormData, formDataToObject } from "@/lib/validation";

export async function submitFeedbackAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    const { id } = await submitFeedback(formDataToObject(formData), { clientKey: clientKeyOf(await headers()) });
    return messages.proposals.feedback.public.submitted(id);
  });
}

export async function rateFeedbackAction(feedbackId: number, _state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await rateFeedbackReply(feedbackId, { rating: asFormData(formData).get("rating") }, { clientKey: clientKeyOf(await headers()) });
    return messages.proposals.feedback.public.rated;
  });
}
