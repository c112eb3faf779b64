"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireSessionUser } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms/form-state";
import { runFormAction } from "@/lib/forms/run-form-action";
import { ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { importApplicationLedger, LedgerImportError } from "@/lib/reports/ledger-import";
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
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0) throw new ValidationError({ file: ["请选择要导入的台账文件（.xlsx 或 .csv）。"] });
    try {
      const { imported } = await importApplicationLedger(await requireSessionUser(), new Uint8Array(await file.arrayBuffer()), file.name);
      return messages.reports.ledgerImported(imported);
    } catch (error) {
      if (error instanceof LedgerImportError) {
        throw new ValidationError({ file: error.errors.map((problem) => `${problem.row ? `第 ${problem.row} 行` : ""}${problem.column ? `“${problem.column}”列` : ""}：${problem.message}`) }, error.message);
      }
      throw error;
    }
  });
}
