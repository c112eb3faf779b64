import "server-only";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { recordAuditEvent } from "@/lib/audit/record";
import { applicationOutcomes, type ApplicationOutcomeSlug } from "@/lib/applications/outcomes";
import { isoDateToDateColumn, todayInBeijing } from "@/lib/dates";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseSpreadsheetDate, readTable, writeCsv, writeXlsx, type SpreadsheetProblem } from "@/lib/spreadsheets";

/** The ledger (台账) template's columns, as offices keep them. */
export const ledgerColumns = [
  { key: "number", header: "申请编号", required: true },
  { key: "receivedOn", header: "收到日期", required: true },
  { key: "applicantType", header: "申请人类型", required: true },
  { key: "outcome", header: "办理结果", required: true },
  { key: "closedOn", header: "办结日期", required: true },
] as const;

type LedgerKey = (typeof ledgerColumns)[number]["key"];

const applicantTypes: Record<string, { applicantType: "natural_person" | "organisation"; organisationKind: "business" | "research" | "public_interest" | "legal_service" | "other" | null }> = {
  自然人: { applicantType: "natural_person", organisationKind: null },
  商业企业: { applicantType: "organisation", organisationKind: "business" },
  科研机构: { applicantType: "organisation", organisationKind: "research" },
  社会公益组织: { applicantType: "organisation", organisationKind: "public_interest" },
  法律服务机构: { applicantType: "organisation", organisationKind: "legal_service" },
  其他: { applicantType: "organisation", organisationKind: "other" },
};

/** Quotes straight or Chinese, numbering such as "1." or "（一）", and explanatory brackets do not matter. */
function normaliseOutcomeName(text: string): string {
  return text
    .replace(/[“”"'‘’「」]/g, "")
    .replace(/^\s*(?:[（(][一二三四五六七][)）]|\d+\s*[.．、])\s*/, "")
    .replace(/[（(][^）)]*[)）]\s*$/, "")
    .replace(/\s+/g, "");
}

const outcomeLookup = new Map<string, ApplicationOutcomeSlug>();
for (const outcome of applicationOutcomes) {
  outcomeLookup.set(outcome.slug, outcome.slug);
  outcomeLookup.set(normaliseOutcomeName(outcome.rowName), outcome.slug);
}

export class LedgerImportError extends AppError {
  constructor(readonly errors: SpreadsheetProblem[]) {
    super(422, "invalid_ledger", `台账有 ${errors.length} 处错误，未导入任何记录。`);
    this.details = { errors };
  }
}

type LedgerRow = {
  number: string;
  receivedOn: string;
  applicantType: "natural_person" | "organisation";
  organisationKind: "business" | "research" | "public_interest" | "legal_service" | "other" | null;
  outcome: ApplicationOutcomeSlug | null;
  closedOn: string | null;
};

function validateRows(rows: { rowNumber: number; values: Record<LedgerKey, string> }[]): { valid: LedgerRow[]; errors: SpreadsheetProblem[] } {
  const errors: SpreadsheetProblem[] = [];
  const valid: LedgerRow[] = [];
  const seen = new Map<string, number>();
  const today = todayInBeijing();
  for (const { rowNumber, values } of rows) {
    const problem = (column: string, message: string) => errors.push({ row: rowNumber, column, message });
    const before = errors.length;
    const number = values.number.trim();
    if (!number) problem("申请编号", "申请编号不能为空。");
    else if (number.length > 60) problem("申请编号", "申请编号最多 60 个字符。");
    else if (seen.has(number)) problem("申请编号", `与第 ${seen.get(number)} 行的申请编号重复。`);
    else seen.set(number, rowNumber);
    const receivedOn = parseSpreadsheetDate(values.receivedOn);
    if (!values.receivedOn.trim()) problem("收到日期", "收到日期不能为空。");
    else if (!receivedOn) problem("收到日期", `“${values.receivedOn}”不是有效日期（格式：2019-03-01）。`);
    else if (receivedOn > today) problem("收到日期", "收到日期不能晚于今天。");
    const applicant = applicantTypes[values.applicantType.trim()];
    if (!applicant) problem("申请人类型", `“${values.applicantType}”不是有效的申请人类型（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他）。`);
    const outcomeText = values.outcome.trim();
    const outcome = outcomeText ? (outcomeLookup.get(outcomeText) ?? outcomeLookup.get(normaliseOutcomeName(outcomeText)) ?? null) : null;
    if (outcomeText && !outcome) problem("办理结果", `“${outcomeText}”不是年度报告表三的办理结果名称。`);
    const closedOn = values.closedOn.trim() ? parseSpreadsheetDate(values.closedOn) : null;
    if (values.closedOn.trim() && !closedOn) problem("办结日期", `“${values.closedOn}”不是有效日期（格式：2019-03-01）。`);
    if (closedOn && receivedOn && closedOn < receivedOn) problem("办结日期", "办结日期早于收到日期。");
    if (closedOn && !outcomeText) problem("办理结果", "已办结的申请必须填写办理结果。");
    if (outcomeText && !values.closedOn.trim()) problem("办结日期", "填写了办理结果的申请必须填写办结日期。");
    if (errors.length === before) valid.push({ number, receivedOn: receivedOn!, ...applicant!, outcome, closedOn });
  }
  return { valid, errors };
}

/**
 * Imports a ledger of past applications, all or nothing: the whole file is checked first and any
 * problem refuses it with every problem listed by row and column. Imported rows count in the
 * annual report exactly like applications handled in Gongkai.
 */
export async function importApplicationLedger(actor: ActingUser, bytes: Uint8Array, fileName: string): Promise<{ imported: number }> {
  assertPermitted(actor, "ledger.import");
  const table = await readTable(bytes, { columns: ledgerColumns, fileName, maxRows: 20_000 });
  if (table.problems.length) throw new LedgerImportError(table.problems);
  const { valid, errors } = validateRows(table.rows);
  const existing = await db.application.findMany({ where: { number: { in: valid.map((row) => row.number) } }, select: { number: true } });
  const taken = new Set(existing.map((row) => row.number));
  for (const row of table.rows) {
    const number = row.values.number.trim();
    if (taken.has(number)) errors.push({ row: row.rowNumber, column: "申请编号", message: `申请编号 ${number} 已存在。` });
  }
  if (errors.length) throw new LedgerImportError(errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)));
  return db.$transaction(async (tx) => {
    await tx.application.createMany({
      data: valid.map((row) => ({
        number: row.number,
        source: "ledger" as const,
        status: row.outcome ? ("closed" as const) : ("processing" as const),
        submittedOn: isoDateToDateColumn(row.receivedOn),
        receivedOn: isoDateToDateColumn(row.receivedOn),
        applicantType: row.applicantType,
        organisationKind: row.organisationKind,
        outcome: row.outcome,
        decidedOn: isoDateToDateColumn(row.closedOn),
        closedOn: isoDateToDateColumn(row.closedOn),
        registeredById: actor.id,
      })),
    });
    await recordAuditEvent(tx, { actorId: actor.id, action: "application.import_ledger", entityType: "Application", details: { fileName, imported: valid.length } });
    return { imported: valid.length };
  });
}

/** The empty template with an example row, as .xlsx or .csv. */
export async function buildLedgerTemplate(format: "xlsx" | "csv"): Promise<Buffer | string> {
  const columns = ledgerColumns.map((column) => ({ header: column.header, width: 20 }));
  const rows = [["2019-001", "2019-03-01", "自然人", "予以公开", "2019-03-20"]];
  return format === "csv" ? writeCsv({ columns, rows }) : writeXlsx([{ name: "申请台账", columns, rows }]);
}
