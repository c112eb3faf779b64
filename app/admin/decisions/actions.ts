"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireSessionUser } from "@/lib/auth/session";
import { transitionDecision, transitionDecisionBatch } from "@/lib/decisions/decision-review";
import { setAnnualFeeIncome } from "@/lib/decisions/fee-income";
import { createDecision, updateDecision } from "@/lib/decisions/manage-decisions";
import { setPublicityPeriods } from "@/lib/decisions/publicity-periods";
import { decidePublicityRemoval, proposePublicityRemoval } from "@/lib/decisions/publicity-removal";
import type { FormState } from "@/lib/forms/form-state";
import { runFormAction } from "@/lib/forms/run-form-action";
import type { DecisionKind } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { asFormData, formDataToObject } from "@/lib/validation";

const m = messages.registers;

function decisionFields(formData: FormData): Record<string, unknown> {
  const fields = formDataToObject(formData);
  // Unticked checkboxes send nothing: an empty list must still reach the data layer.
  fields.penaltyCategories = asFormData(formData).getAll("penaltyCategories").map(String);
  return fields;
}

export async function createDecisionAction(kind: DecisionKind, _state: FormState, formData: FormData): Promise<FormState> {
  let createdId = 0;
  const state = await runFormAction(async () => {
    createdId = (await createDecision(await requireSessionUser(), { ...decisionFields(formData), kind })).id;
    return m.review.created;
  });
  if (createdId) redirect(`/admin/decisions/${createdId}`);
  return state;
}

export async function updateDecisionAction(decisionId: number, _state: FormState, formData: FormData): Promise<FormState> {
  let saved = false;
  const state = await runFormAction(async () => {
    await updateDecision(await requireSessionUser(), decisionId, decisionFields(formData));
    saved = true;
    return m.review.saved;
  });
  if (saved) redirect(`/admin/decisions/${decisionId}?saved=1`);
  return state;
}

export async function transitionDecisionAction(decisionId: number, _state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await transitionDecision(await requireSessionUser(), decisionId, formDataToObject(formData));
    redirect(`/admin/decisions/${decisionId}?done=1`);
  });
}

export async function transitionBatchAction(batchId: number, _state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    const { count } = await transitionDecisionBatch(await requireSessionUser(), batchId, formDataToObject(formData));
    // The step taken is no longer offered, so its form goes: the notice lives on the page.
    redirect(`/admin/decisions/batches/${batchId}?done=${count}`);
  });
}

export async function setPublicityPeriodsAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await setPublicityPeriods(await requireSessionUser(), formDataToObject(formData));
    revalidatePath("/admin/decisions/settings");
    return m.decisions.settings.saved;
  });
}

export async function setFeeIncomeAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    const entry = await setAnnualFeeIncome(await requireSessionUser(), formDataToObject(formData));
    revalidatePath("/admin/decisions/fee-income");
    return m.feeIncome.saved(entry.year);
  });
}

/** 信用修复: staff propose ending a published penalty's publicity early, with the date and the reason. */
export async function proposePublicityRemovalAction(decisionId: number, _state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await proposePublicityRemoval(await requireSessionUser(), decisionId, formDataToObject(formData));
    revalidatePath(`/admin/decisions/${decisionId}`);
    return m.decisions.removal.proposed;
  });
}

/** 信用修复: the section head approves or rejects a proposal. */
export async function decidePublicityRemovalAction(removalId: number, _state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    const { state } = await decidePublicityRemoval(await requireSessionUser(), removalId, formDataToObject(formData));
    revalidatePath("/admin/decisions");
    return state === "approved" ? m.decisions.removal.approved : m.decisions.removal.rejected;
  });
}
