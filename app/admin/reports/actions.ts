"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireSessionUser } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms/form-state";
import { runFormAction } from "@/lib/forms/run-form-action";
import { messages } from "@/lib/i18n";
import { importFileFromFormData } from "@/lib/imports/upload";
import { importApplicationLedger } from "@/lib/reports/ledger-import";
import { saveManualFigures, startReport, updateReportTexts } from "@/lib/reports/manage-reports";
import { transitionReport } from "@/lib/reports/report-review";
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
    // The review forms on the page carry the report's version: they must get the new one.
    revalidatePath("/admin/reports/[year]", "page");
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
    revalidatePath("/admin/reports/[year]", "page");
    return messages.reports.saved;
  });
}

export async function importLedgerAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(async () => {
    const { imported } = await importApplicationLedger(await requireSessionUser(), await importFileFromFormData(formData));
    return messages.reports.ledgerImported(imported);
  });
}
