"use server";

import { redirect } from "next/navigation";
import { requireSessionUser } from "@/lib/auth/session";
import { transitionFeedbackReply } from "@/lib/feedback/feedback-reply-review";
import { assignFeedback, moderateFeedback, saveFeedbackReply, unpublishFeedback } from "@/lib/feedback/manage-feedback";
import type { FormState } from "@/lib/forms/form-state";
import { runFormAction } from "@/lib/forms/run-form-action";
import { acknowledgementsFromForm } from "@/lib/screening/acknowledgements";
import { asFormData, formDataToObject } from "@/lib/validation";

function done(feedbackId: number, notice: string): never {
  redirect(`/admin/feedback/${feedbackId}?done=${notice}`);
}

export async function moderateFeedbackAction(feedbackId: number, _state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await moderateFeedback(await requireSessionUser(), feedbackId, formDataToObject(formData));
    done(feedbackId, "moderated");
  });
}

export async function assignFeedbackAction(feedbackId: number, _state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await assignFeedback(await requireSessionUser(), feedbackId, formDataToObject(formData));
    done(feedbackId, "assigned");
  });
}

export async function saveFeedbackReplyAction(feedbackId: number, _state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await saveFeedbackReply(await requireSessionUser(), feedbackId, formDataToObject(formData));
    done(feedbackId, "reply");
  });
}

export async function transitionFeedbackReplyAction(feedbackId: number, _state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    // Acknowledgements of screening findings come as `ack:<finding key>` fields, as on item pages.
    const acknowledgements = acknowledgementsFromForm(asFormData(formData));
    const input = Object.fromEntries(Object.entries(formDataToObject(formData)).filter(([key]) => !key.startsWith("ack:")));
    const result = await transitionFeedbackReply(await requireSessionUser(), feedbackId, { ...input, acknowledgements });
    redirect(`/admin/feedback/${feedbackId}?done=transition&step=${result.published ? "published" : (result.replyState ?? "")}`);
  });
}

export async function unpublishFeedbackAction(feedbackId: number, _state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await unpublishFeedback(await requireSessionUser(), feedbackId, formDataToObject(formData));
    done(feedbackId, "unpublished");
  });
}
