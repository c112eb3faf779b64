"use server";

import { redirect } from "next/navigation";
import { requireSessionUser } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms/form-state";
import { runFormAction } from "@/lib/forms/run-form-action";
import { messages } from "@/lib/i18n";
import { importFileFromFormData } from "@/lib/imports/upload";
import { withReceivedUploads } from "@/lib/items/received-uploads";
import { importProposals } from "@/lib/proposals/import-proposals";
import {
  assignProposal,
  closeProposal,
  createProposal,
  recordProposerFeedback,
  reopenProposal,
  updateProposal,
  updateProposalSettings,
} from "@/lib/proposals/manage-proposals";
import { saveProposalReply } from "@/lib/proposals/proposal-replies";
import { transitionProposalReply } from "@/lib/proposals/proposal-reply-review";
import { acknowledgementsFromForm } from "@/lib/screening/acknowledgements";
import { asFormData, formDataToObject } from "@/lib/validation";

const m = messages.proposals.console;

function fields(formData: FormData, lists: string[] = []): Record<string, unknown> {
  const object = formDataToObject(formData);
  // Unticked checkboxes send nothing: an empty list must still reach the data layer.
  for (const name of lists) object[name] = asFormData(formData).getAll(name);
  return object;
}

export async function createProposalAction(_state: FormState, formData: FormData): Promise<FormState> {
  let createdId = 0;
  const state = await runFormAction(async () => {
    createdId = (await createProposal(await requireSessionUser(), fields(formData, ["assistingSectionIds"]))).id;
    return m.created;
  });
  if (createdId) redirect(`/admin/proposals/${createdId}?done=created`);
  return state;
}

export async function updateProposalAction(proposalId: number, _state: FormState, formData: FormData): Promise<FormState> {
  let saved = false;
  const state = await runFormAction(async () => {
    await updateProposal(await requireSessionUser(), proposalId, fields(formData));
    saved = true;
    return m.saved;
  });
  if (saved) redirect(`/admin/proposals/${proposalId}?done=saved`);
  return state;
}

export async function assignProposalAction(proposalId: number, _state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await assignProposal(await requireSessionUser(), proposalId, fields(formData, ["assistingSectionIds"]));
    redirect(`/admin/proposals/${proposalId}?done=assigned`);
  });
}

function uploadedFiles(formData: FormData): File[] {
  return asFormData(formData)
    .getAll("files")
    .filter((value): value is File => value instanceof File && value.size > 0);
}

export async function saveReplyAction(proposalId: number, _state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    const actor = await requireSessionUser();
    const input = fields(formData, ["attachmentFileIds"]);
    delete input.files;
    await withReceivedUploads(uploadedFiles(formData), (uploads) => saveProposalReply(actor, proposalId, input, uploads));
    redirect(`/admin/proposals/${proposalId}?done=reply`);
  });
}

export async function transitionReplyAction(proposalId: number, replyId: number, _state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    const result = await transitionProposalReply(await requireSessionUser(), replyId, {
      action: asFormData(formData).get("action"),
      comment: asFormData(formData).get("comment") || null,
      version: asFormData(formData).get("version"),
      acknowledgements: acknowledgementsFromForm(asFormData(formData)),
    });
    redirect(`/admin/proposals/${proposalId}?done=transition&step=${result.state}`);
  });
}

export async function recordFeedbackAction(proposalId: number, _state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await recordProposerFeedback(await requireSessionUser(), proposalId, fields(formData));
    redirect(`/admin/proposals/${proposalId}?done=feedback`);
  });
}

export async function reopenProposalAction(proposalId: number, _state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await reopenProposal(await requireSessionUser(), proposalId, fields(formData));
    redirect(`/admin/proposals/${proposalId}?done=reopened`);
  });
}

export async function closeProposalAction(proposalId: number, _state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await closeProposal(await requireSessionUser(), proposalId, fields(formData));
    redirect(`/admin/proposals/${proposalId}?done=closed`);
  });
}

export async function importProposalsAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    const result = await importProposals(await requireSessionUser(), await importFileFromFormData(formData));
    return m.importPage.imported(result.imported);
  });
}

export async function updateSettingsAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await updateProposalSettings(await requireSessionUser(), fields(formData));
    return m.settingsPage.saved;
  });
}
