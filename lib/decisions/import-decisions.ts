import "server-only";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { recordAuditEvent } from "@/lib/audit/record";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-calendar";
import { todayInBeijing } from "@/lib/dates";
import { db, Prisma, type DatabaseTransaction } from "@/lib/db";
import { decisionColumns, isDecisionKind } from "@/lib/decisions/decision-fields";
import { loadPublicityPeriods } from "@/lib/decisions/publicity-periods";
import { computeDecisionDisclosureDeadline, computePublicUntil } from "@/lib/decisions/publicity-rules";
import { validateDecisionValues, type DecisionRecord } from "@/lib/decisions/validate-decision";
import { AppError, ConflictError, ValidationError } from "@/lib/errors";
import type { DecisionKind } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { readTable, type SpreadsheetProblem } from "@/lib/spreadsheets";
import { currentTime } from "@/lib/clock";

const p = messages.registers.decisions.problems;

/** Problems of an import: `row` is the sheet's row number, `column` the header text (null for the whole file). */
export type DecisionImportProblem = SpreadsheetProblem;

/** The whole file was refused: nothing was imported. The API answers 422 `{errors}`. */
export class DecisionImportRejected extends AppError {
  constructor(readonly problems: DecisionImportProblem[]) {
    super(422, "import_rejected", p.importRejected(problems.length));
  }
}

export type DecisionImportResult = { imported: number; batchId: number };

const insertChunk = 2000;
const lookupChunk = 5000;
export const maximumImportRows = 50_000;

/** The stored columns of an imported decision, dates as YYYY-MM-DD (JSON for jsonb_to_recordset). */
function decisionRowOf(record: DecisionRecord, disclosureDueOn: string, publicUntil: string | null) {
  return { ...record, disclosureDueOn, publicUntil };
}

type ImportedRow = ReturnType<typeof decisionRowOf> & { sectionId: number; authorId: number; lastEditorId: number; importBatchId: number; createdAt: string; updatedAt: string };

// Column name → PostgreSQL type, as in prisma/migrations/…_registers/migration.sql.
const importedColumns: Record<keyof ImportedRow, string> = {
  kind: '"DecisionKind"', counterpartyName: "text", counterpartyCategory: '"CounterpartyCategory"', creditCode: "text", legalRepresentative: "text",
  idNumber: "text", documentNumber: "text", licenseName: "text", licenseContent: "text", violationType: "text", violationFacts: "text",
  penaltyBasis: "text", penaltyCategories: "text[]", penaltyContent: "text", penaltyAmount: "numeric(18,6)", coercionCategory: "text",
  coercionContent: "text", decisionDate: "date", validFrom: "date", validUntil: "date", authorityName: "text", authorityCreditCode: "text",
  dataSourceName: "text", remarks: "text", disclosureDueOn: "date", publicUntil: "date", sectionId: "integer", authorId: "integer",
  lastEditorId: "integer", importBatchId: "integer", createdAt: "timestamptz(3)", updatedAt: "timestamptz(3)",
};
const columnList = Prisma.raw(Object.keys(importedColumns).map((name) => `"${name}"`).join(", "));
const recordDefinition = Prisma.raw(Object.entries(importedColumns).map(([name, type]) => `"${name}" ${type}`).join(", "));

/**
 * Inserts many decisions with one statement and one parameter (the rows as JSON). Prisma's
 * createMany spent about half a millisecond per row building its query here, most of the time
 * budget of a 10,000-row import; PostgreSQL unpacks the JSON in a few milliseconds.
 */
async function insertDecisionRows(tx: DatabaseTransaction, rows: ImportedRow[]): Promise<void> {
  await tx.$executeRaw`INSERT INTO "AdministrativeDecision" (${columnList}) SELECT ${columnList} FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS row(${recordDefinition})`;
}

/**
 * Imports a licensing, penalty or coercion file (.xlsx or .csv, the kind's template). The whole
 * file is checked first — header, every cell, 决定书文号 duplicates within the file and against
 * the register — and any problem refuses the file with every problem listed by row and column.
 * Otherwise every row becomes a draft decision of one import batch, in one transaction, inserted
 * in chunks.
 */
export async function importDecisions(
  actor: ActingUser,
  input: { kind: unknown; fileName: string; bytes: Uint8Array },
  now = currentTime(),
): Promise<DecisionImportResult> {
  assertPermitted(actor, "decision.import");
  if (!isDecisionKind(input.kind)) throw new ValidationError({ kind: [p.kindInvalid] });
  const kind: DecisionKind = input.kind;
  if (!input.bytes.byteLength) throw new ValidationError({ file: [p.fileRequired] });
  const columns = decisionColumns(kind);
  const table = await readTable(input.bytes, {
    fileName: input.fileName,
    columns: columns.map((column) => ({ key: column.key, header: column.header, aliases: column.aliases, required: column.requiredColumn })),
    unknownColumns: "reject",
    maxRows: maximumImportRows,
  });
  if (table.problems.length) throw new DecisionImportRejected(table.problems);

  const headerOf = new Map(columns.map((column) => [column.key, column.header]));
  const documentNumberHeader = headerOf.get("documentNumber")!;
  const today = todayInBeijing(now);
  const problems: DecisionImportProblem[] = [];
  const records: { row: number; record: DecisionRecord }[] = [];
  const firstRowOf = new Map<string, number>();
  for (const row of table.rows) {
    const { record, problems: rowProblems } = validateDecisionValues(kind, row.values, { today });
    for (const problem of rowProblems) problems.push({ row: row.rowNumber, column: headerOf.get(problem.field) ?? problem.field, message: problem.message });
    const documentNumber = row.values.documentNumber.trim();
    if (documentNumber) {
      const first = firstRowOf.get(documentNumber);
      if (first !== undefined) problems.push({ row: row.rowNumber, column: documentNumberHeader, message: p.duplicateInFile(first) });
      else firstRowOf.set(documentNumber, row.rowNumber);
    }
    if (record) records.push({ row: row.rowNumber, record });
  }
  const numbers = [...firstRowOf.keys()];
  for (let index = 0; index < numbers.length; index += lookupChunk) {
    const existing = await db.administrativeDecision.findMany({
      where: { kind, documentNumber: { in: numbers.slice(index, index + lookupChunk) } },
      select: { documentNumber: true },
    });
    for (const { documentNumber } of existing) problems.push({ row: firstRowOf.get(documentNumber)!, column: documentNumberHeader, message: p.duplicateExisting });
  }
  if (problems.length) {
    problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || columns.findIndex((c) => c.header === a.column) - columns.findIndex((c) => c.header === b.column));
    throw new DecisionImportRejected(problems);
  }

  const [calendar, periods] = await Promise.all([loadWorkingDayCalendar(), loadPublicityPeriods()]);
  const dueOn = new Map<string, string>();
  const rows = records.map(({ record }) => {
    let due = dueOn.get(record.decisionDate);
    if (!due) dueOn.set(record.decisionDate, (due = computeDecisionDisclosureDeadline(calendar, record.decisionDate).due));
    return decisionRowOf(record, due, computePublicUntil(record.decisionDate, periods[kind]));
  });
  try {
    return await db.$transaction(async (tx) => {
      const batch = await tx.decisionImportBatch.create({ data: { kind, fileName: input.fileName.slice(0, 255), rowCount: records.length, importedById: actor.id, importedAt: now } });
      const owner = { sectionId: actor.sectionId, authorId: actor.id, lastEditorId: actor.id, importBatchId: batch.id, createdAt: now.toISOString(), updatedAt: now.toISOString() };
      for (let index = 0; index < rows.length; index += insertChunk) {
        await insertDecisionRows(tx, rows.slice(index, index + insertChunk).map((row) => ({ ...row, ...owner })));
      }
      await recordAuditEvent(tx, {
        actorId: actor.id, action: "decision.import", entityType: "DecisionImportBatch", entityId: batch.id, toState: "draft",
        details: { kind, fileName: batch.fileName, rows: records.length },
      });
      return { imported: records.length, batchId: batch.id };
    }, { timeout: 120_000, maxWait: 10_000 });
  } catch (error) {
    // Someone saved the same 文号 between the check and the insert.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new ConflictError(p.duplicateRace, "duplicate");
    throw error;
  }
}
