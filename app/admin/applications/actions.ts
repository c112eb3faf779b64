"use server";

import { redirect } from "next/navigation";
import type { ApplicationFormState } from "@/app/(public)/apply/form-state";
import { runApplicationForm } from "@/app/(public)/apply/run-application-form";
import { recordAppeal, recordProactiveAppeal, updateAppealResult } from "@/lib/applications/appeals";
import { recordDecision, recordStep } from "@/lib/applications/handle-application";
import { updateHandlingSection } from "@/lib/applications/handling-section";
import { registerOfflineApplication } from "@/lib/applications/submit-application";
import { transferApplication } from "@/lib/applications/transfer-application";
import { requireSessionUser } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms/form-state";
import { runFormAction } from "@/lib/forms/run-form-action";
import { messages } from "@/lib/i18n";
import { updateReplyDraft } from "@/lib/reply-letters/manage-replies";
import { transitionReply } from "@/lib/reply-letters/reply-letter-review";
import { formDataToObject } from "@/lib/validation";

export async function registerApplicationAction(_state: ApplicationFormState, formData: FormData): Promise<ApplicationFormState> {
  // Signed out (an expired session): the form says so, as every other console form does.
  return runApplicationForm(formData, async (input) => registerOfflineApplication(await requireSessionUser(), input), messages.applications.console.registered);
}

/** Runs a write on one application and comes back to its page with a notice. */
async function onApplication(applicationId: number, notice: string, work: () => Promise<unknown>): Promise<FormState> {
  return runFormAction(async () => {
    const result = await work();
    // A review step names the state it reached, so the notice says who acts next.
    const step = notice === "transition" ? `&step=${(result as { state: string }).state}` : "";
    redirect(`/admin/applications/${applicationId}?done=${notice}${step}`);
  });
}

/** 转送: the application leaves this agency, so the console goes back to the list. */
export async function transferApplicationAction(applicationId: number, _state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await transferApplication(await requireSessionUser(), applicationId, formDataToObject(formData));
    redirect("/admin/applications?done=transferred");
  });
}

export async function recordStepAction(applicationId: number, _state: FormState, formData: FormData): Promise<FormState> {
  return onApplication(applicationId, "step", async () => recordStep(await requireSessionUser(), applicationId, formDataToObject(formData)));
}

export async function recordDecisionAction(applicationId: number, _state: FormState, formData: FormData): Promise<FormState> {
  return onApplication(applicationId, "decided", async () => recordDecision(await requireSessionUser(), applicationId, formDataToObject(formData)));
}

export async function updateReplyAction(applicationId: number, _state: FormState, formData: FormData): Promise<FormState> {
  return onApplication(applicationId, "reply", async () => updateReplyDraft(await requireSessionUser(), applicationId, formDataToObject(formData)));
}

export async function transitionReplyAction(applicationId: number, _state: FormState, formData: FormData): Promise<FormState> {
  return onApplication(applicationId, "transition", async () => transitionReply(await requireSessionUser(), applicationId, formDataToObject(formData)));
}

export async function recordAppealAction(applicationId: number, _state: FormState, formData: FormData): Promise<FormState> {
  return onApplication(applicationId, "appeal", async () => recordAppeal(await requireSessionUser(), applicationId, formDataToObject(formData)));
}

export async function updateAppealAction(
  applicationId: number,
  kind: "reconsideration" | "litigation",
  appealId: number,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return onApplication(applicationId, "appeal", async () => updateAppealResult(await requireSessionUser(), kind, appealId, formDataToObject(formData)));
}

/** A case about proactive disclosure, recorded on the page of all cases (no application). */
export async function recordProactiveAppealAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await recordProactiveAppeal(await requireSessionUser(), formDataToObject(formData));
    redirect("/admin/applications/appeals?done=appeal");
  });
}

/** The result of a case, changed on the page of all cases. */
export async function updateAppealOnListAction(
  kind: "reconsideration" | "litigation",
  appealId: number,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runFormAction(async () => {
    await updateAppealResult(await requireSessionUser(), kind, appealId, formDataToObject(formData));
    redirect("/admin/applications/appeals?done=appeal");
  });
}

export async function updateSettingsAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await updateHandlingSection(await requireSessionUser(), formDataToObject(formData));
    return messages.applications.console.settingsForm.saved;
  });
}
