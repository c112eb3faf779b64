import "server-only";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { recordAuditEvent } from "@/lib/audit/record";
import { applicationOutcomes, type ApplicationOutcomeSlug } from "@/lib/applications/outcomes";
import { isoDateToDateColumn, todayInBeijing } from "@/lib/dates";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { applicantTypes, ledgerExampleRow } from "@/lib/reports/ledger-spellings";
import { parseSpreadsheetDate, readTable, writeCsv, writeXlsx, type SpreadsheetProblem } from "@/lib/spreadsheets";

/** The ledger (台账) template's columns, as offices keep them. */
const ledger = messages.reports.ledgerSpreadsheet;

export const ledgerColumns = [
  { key: "number", header: ledger.columns.number, required: true },
  { key: "receivedOn", header: ledger.columns.receivedOn, required: true },
  { key: "applicantType", header: ledger.columns.applicantType, required: true },
  { key: "outcome", header: ledger.columns.outcome, required: true },
  { key: "closedOn", header: ledger.columns.closedOn, required: true },
] as const;

type LedgerKey = (typeof ledgerColumns)[number]["key"];


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
    super(422, "invalid_ledger", ledger.rejected(errors.length));
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
    if (!number) problem(ledger.columns.number, ledger.numberMissing);
    else if (number.length > 60) problem(ledger.columns.number, ledger.numberTooLong(60));
    else if (seen.has(number)) problem(ledger.columns.number, ledger.numberRepeated(seen.get(number)!));
    else seen.set(number, rowNumber);
    const receivedOn = parseSpreadsheetDate(values.receivedOn);
    if (!values.receivedOn.trim()) problem(ledger.columns.receivedOn, ledger.receivedOnMissing);
    else if (!receivedOn) problem(ledger.columns.receivedOn, ledger.invalidDate(values.receivedOn));
    else if (receivedOn > today) problem(ledger.columns.receivedOn, ledger.receivedInFuture);
    const applicant = applicantTypes[values.applicantType.trim()];
    if (!applicant) problem(ledger.columns.applicantType, ledger.invalidApplicantType(values.applicantType, Object.keys(applicantTypes).join("、")));
    const outcomeText = values.outcome.trim();
    const outcome = outcomeText ? (outcomeLookup.get(outcomeText) ?? outcomeLookup.get(normaliseOutcomeName(outcomeText)) ?? null) : null;
    if (outcomeText && !outcome) problem(ledger.columns.outcome, ledger.invalidOutcome(outcomeText));
    const closedOn = values.closedOn.trim() ? parseSpreadsheetDate(values.closedOn) : null;
    if (values.closedOn.trim() && !closedOn) problem(ledger.columns.closedOn, ledger.invalidDate(values.closedOn));
    if (closedOn && receivedOn && closedOn < receivedOn) problem(ledger.columns.closedOn, ledger.closedBeforeReceived);
    if (closedOn && !outcomeText) problem(ledger.columns.outcome, ledger.outcomeRequiredWhenClosed);
    if (outcomeText && !values.closedOn.trim()) problem(ledger.columns.closedOn, ledger.closedOnRequiredWithOutcome);
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
    if (taken.has(number)) errors.push({ row: row.rowNumber, column: ledger.columns.number, message: ledger.numberTaken(number) });
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
  const rows = [ledgerExampleRow];
  return format === "csv" ? writeCsv({ columns, rows }) : writeXlsx([{ name: ledger.sheetName, columns, rows }]);
}
