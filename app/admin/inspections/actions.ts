"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActingUser } from "@/lib/auth/acting-user";
import { requireSessionUser } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms/form-state";
import { runFormAction } from "@/lib/forms/run-form-action";
import { inspectionsMessages as m } from "@/lib/i18n/zh-CN/inspections";
import type { ImportFile } from "@/lib/imports";
import { importFileFromFormData } from "@/lib/imports/upload";
import { transitionInspection } from "@/lib/inspections/inspection-review";
import { createInspectionItem, setInspectionItemActive, updateInspectionItem } from "@/lib/inspections/manage-inspection-items";
import { createInspection, drawInspection, recordInspectionResults, updateInspection } from "@/lib/inspections/manage-inspections";
import {
  addInspectorConflict,
  createInspector,
  createTarget,
  importInspectors,
  importTargets,
  removeInspectorConflict,
  setInspectorActive,
  setTargetActive,
  updateInspector,
  updateTarget,
} from "@/lib/inspections/manage-lists";
import { asFormData, formDataToObject } from "@/lib/validation";

function planFields(formData: FormData): Record<string, unknown> {
  const fields = formDataToObject(formData);
  // Unticked checkboxes send nothing: an empty list must still reach the data layer.
  fields.itemIds = asFormData(formData).getAll("itemIds");
  fields.targetCategories = asFormData(formData).getAll("targetCategories");
  return fields;
}

export async function createInspectionAction(_state: FormState, formData: FormData): Promise<FormState> {
  let createdId = 0;
  const state = await runFormAction(async () => {
    createdId = (await createInspection(await requireSessionUser(), planFields(formData))).id;
    return m.created;
  });
  if (createdId) redirect(`/admin/inspections/${createdId}`);
  return state;
}

export async function updateInspectionAction(inspectionId: number, _state: FormState, formData: FormData): Promise<FormState> {
  let saved = false;
  const state = await runFormAction(async () => {
    await updateInspection(await requireSessionUser(), inspectionId, planFields(formData));
    saved = true;
    return m.saved;
  });
  if (saved) redirect(`/admin/inspections/${inspectionId}`);
  return state;
}

export async function drawInspectionAction(inspectionId: number, _state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await drawInspection(await requireSessionUser(), inspectionId, { version: asFormData(formData).get("version") || undefined });
    revalidatePath(`/admin/inspections/${inspectionId}`);
    return m.detail.drawDone;
  });
}

export async function transitionInspectionAction(inspectionId: number, _state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    const subject = asFormData(formData).get("subject");
    const result = await transitionInspection(await requireSessionUser(), inspectionId, {
      subject,
      action: asFormData(formData).get("action"),
      comment: asFormData(formData).get("comment") || null,
      version: asFormData(formData).get("version") || undefined,
    });
    // The notice says what happened and who acts next, from the state the reviewed part reached.
    redirect(`/admin/inspections/${inspectionId}?done=transition&step=${subject === "results" ? result.resultsState : result.state}`);
  });
}

export async function recordResultsAction(inspectionId: number, _state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    const results = asFormData(formData)
      .getAll("assignmentId")
      .map((assignmentId) => ({
        assignmentId,
        outcome: asFormData(formData).get(`outcome-${assignmentId}`) ?? "",
        inspectedOn: asFormData(formData).get(`inspectedOn-${assignmentId}`) ?? "",
        note: asFormData(formData).get(`note-${assignmentId}`) ?? "",
      }));
    await recordInspectionResults(await requireSessionUser(), inspectionId, { version: asFormData(formData).get("version") || undefined, results });
    revalidatePath(`/admin/inspections/${inspectionId}`);
    return m.detail.resultsSaved;
  });
}

// ─── Lists ──────────────────────────────────────────────────────────────────────────────────

/** Imports a list; a refused file comes back with every problem by row and column (runFormAction). */
function importWith(formData: FormData, importer: (actor: ActingUser, file: ImportFile) => Promise<{ imported: number }>, path: string): Promise<FormState> {
  return runFormAction(async () => {
    // Signed in first: a signed-out visitor is told so, whatever the file.
    const actor = await requireSessionUser();
    const { imported } = await importer(actor, await importFileFromFormData(formData));
    revalidatePath(path);
    return m.importForm.imported(imported);
  });
}

export async function importTargetsAction(_state: FormState, formData: FormData): Promise<FormState> {
  return importWith(formData, importTargets, "/admin/inspections/targets");
}

export async function importInspectorsAction(_state: FormState, formData: FormData): Promise<FormState> {
  return importWith(formData, importInspectors, "/admin/inspections/inspectors");
}

export async function createTargetAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await createTarget(await requireSessionUser(), formDataToObject(formData));
    revalidatePath("/admin/inspections/targets");
    return m.targets.created;
  });
}

export async function updateTargetAction(targetId: number, _state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await updateTarget(await requireSessionUser(), targetId, formDataToObject(formData));
    revalidatePath(`/admin/inspections/targets/${targetId}`);
    return m.targets.saved;
  });
}

export async function setTargetActiveAction(targetId: number, active: boolean, _state: FormState): Promise<FormState> {
  return runFormAction(async () => {
    await setTargetActive(await requireSessionUser(), targetId, { active });
    revalidatePath("/admin/inspections/targets");
    return active ? m.targets.activated : m.targets.deactivated;
  });
}

export async function addConflictAction(targetId: number, _state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await addInspectorConflict(await requireSessionUser(), { ...formDataToObject(formData), targetId });
    revalidatePath("/admin/inspections", "layout");
    return m.targets.conflictAdded;
  });
}

export async function removeConflictAction(conflictId: number, _state: FormState): Promise<FormState> {
  return runFormAction(async () => {
    await removeInspectorConflict(await requireSessionUser(), conflictId);
    revalidatePath("/admin/inspections", "layout");
    return m.inspectors.conflictRemoved;
  });
}

export async function createInspectorAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await createInspector(await requireSessionUser(), formDataToObject(formData));
    revalidatePath("/admin/inspections/inspectors");
    return m.inspectors.created;
  });
}

export async function updateInspectorAction(inspectorId: number, _state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await updateInspector(await requireSessionUser(), inspectorId, formDataToObject(formData));
    revalidatePath("/admin/inspections/inspectors");
    return m.inspectors.saved;
  });
}

export async function setInspectorActiveAction(inspectorId: number, active: boolean, _state: FormState): Promise<FormState> {
  return runFormAction(async () => {
    await setInspectorActive(await requireSessionUser(), inspectorId, { active });
    revalidatePath("/admin/inspections/inspectors");
    return active ? m.inspectors.activated : m.inspectors.deactivated;
  });
}

export async function createInspectionItemAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await createInspectionItem(await requireSessionUser(), formDataToObject(formData));
    revalidatePath("/admin/inspections/items");
    return m.items.created;
  });
}

export async function updateInspectionItemAction(itemId: number, _state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await updateInspectionItem(await requireSessionUser(), itemId, formDataToObject(formData));
    revalidatePath("/admin/inspections/items");
    return m.items.saved;
  });
}

export async function setInspectionItemActiveAction(itemId: number, active: boolean, _state: FormState): Promise<FormState> {
  return runFormAction(async () => {
    await setInspectionItemActive(await requireSessionUser(), itemId, { active });
    revalidatePath("/admin/inspections/items");
    return m.items.saved;
  });
}
