"use server";

import { redirect } from "next/navigation";
import { requireSessionUser } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms/form-state";
import { runFormAction } from "@/lib/forms/run-form-action";
import { messages } from "@/lib/i18n";
import { saveManualFigures, startReport, transitionReport, updateReportTexts } from "@/lib/reports/manage-reports";
import { formDataToNestedObject, formDataToObject } from "@/lib/validation";

export async function startReportAction(year: number): Promise<FormState> {
  return runFormAction(async () => {
    await startReport(await requireSessionUser(), year);
    redirect(`/admin/reports/${year}`);
  });
}

export async function saveReportTextsAction(reportId: number, _state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await updateReportTexts(await requireSessionUser(), reportId, formDataToObject(formData));
    return messages.reports.saved;
  });
}

export async function transitionReportAction(reportId: number, year: number, _state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await transitionReport(await requireSessionUser(), reportId, formDataToObject(formData));
    redirect(`/admin/reports/${year}?done=1`);
  });
}

export async function saveManualFiguresAction(year: number, _state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    await saveManualFigures(await requireSessionUser(), year, formDataToNestedObject(formData));
    return messages.reports.saved;
  });
}
