import "server-only";
import { recordAuditEvent } from "@/lib/audit/record";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-calendar";
import { currentTime } from "@/lib/clock";
import { todayInBeijing } from "@/lib/dates";
import { db, Prisma, type DatabaseTransaction } from "@/lib/db";
import { decisionColumns, isDecisionKind, type DecisionFieldKey } from "@/lib/decisions/decision-fields";
import { loadPublicityPeriods } from "@/lib/decisions/publicity-periods";
import { computeDecisionDisclosureDeadline, computePublicUntil, publicityMonthsOf } from "@/lib/decisions/publicity-rules";
import { validateDecisionValues, type DecisionRecord } from "@/lib/decisions/validate-decision";
import { ConflictError, ValidationError } from "@/lib/errors";
import type { DecisionKind } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { defineImportTemplate, readImport, type ImportColumn, type ImportFile, type ImportTemplate } from "@/lib/imports";

const p = messages.registers.decisions.problems;

// A kind has only some of the data items as columns: the record holds those (templateKeys lists them).
type DecisionImportColumns = Record<DecisionFieldKey, ImportColumn>;

// The codes whose digits Excel drops when a cell is a number (it keeps 15).
const longCodes: readonly DecisionFieldKey[] = ["creditCode", "idNumber", "authorityCreditCode", "dataSourceCreditCode", "licenseNumber"];
const templates = new Map<DecisionKind, ImportTemplate<DecisionImportColumns>>();

/**
 * A kind's import template: the national data items as columns (decision-fields.ts), in the
 * order of the template download and the export. Its cells are checked row by row by
 * validateDecisionValues (the same rules as the console form); 决定书文号 is unique in a file.
 */
export function decisionImportTemplate(kind: DecisionKind): ImportTemplate<DecisionImportColumns> {
  let template = templates.get(kind);
  if (!template) {
    const columns = Object.fromEntries(
      decisionColumns(kind).map((column) => [
        column.key,
        {
          header: column.header,
          aliases: column.aliases,
          required: column.requiredColumn,
          text: column.text,
          note: column.note,
          width: column.width,
          longCode: longCodes.includes(column.key),
          unique: column.key === "documentNumber",
        } satisfies ImportColumn,
      ]),
    ) as DecisionImportColumns;
    const kindName = messages.registers.decisionKinds[kind];
    template = defineImportTemplate({
      fileName: messages.registers.decisionFiles.template(kindName),
      sheetName: kindName,
      columns,
      maxRows: maximumImportRows,
      unknownColumns: "reject",
    });
    templates.set(kind, template);
  }
  return template;
}

export type DecisionImportResult = { imported: number; batchId: number };

const insertChunk = 2000;
const lookupChunk = 5000;
export const maximumImportRows = 50_000;

/** The stored columns of an imported decision, dates as YYYY-MM-DD (JSON for jsonb_to_recordset). */
function decisionRowOf(record: DecisionRecord, disclosureDueOn: string, publicUntil: string | null) {
  return { ...record, disclosureDueOn, publicUntil };
}

type ImportedRow = ReturnType<typeof decisionRowOf> & {
  sectionId: number;
  authorId: number;
  lastEditorId: number;
  importBatchId: number;
  createdAt: string;
  updatedAt: string;
};

// Column name → PostgreSQL type, as in prisma/migrations/…_registers/migration.sql.
const importedColumns: Record<keyof ImportedRow, string> = {
  kind: '"DecisionKind"',
  counterpartyName: "text",
  counterpartyCategory: '"CounterpartyCategory"',
  creditCode: "text",
  legalRepresentative: "text",
  idType: "text",
  idNumber: "text",
  documentNumber: "text",
  licenseCategory: "text",
  licenseDocumentName: "text",
  licenseNumber: "text",
  licenseName: "text",
  licenseContent: "text",
  licenseStatus: "text",
  violationType: "text",
  violationFacts: "text",
  penaltyBasis: "text",
  penaltyCategories: "text[]",
  penaltyContent: "text",
  penaltyAmount: "numeric(18,6)",
  fineAmount: "numeric(18,6)",
  confiscationAmount: "numeric(18,6)",
  suspendedLicense: "text",
  penaltyProcedure: '"PenaltyProcedure"',
  penaltySeverity: '"PenaltySeverity"',
  coercionCategory: "text",
  coercionContent: "text",
  decisionDate: "date",
  validFrom: "date",
  validUntil: "date",
  authorityName: "text",
  authorityCreditCode: "text",
  dataSourceName: "text",
  dataSourceCreditCode: "text",
  remarks: "text",
  disclosureDueOn: "date",
  publicUntil: "date",
  sectionId: "integer",
  authorId: "integer",
  lastEditorId: "integer",
  importBatchId: "integer",
  createdAt: "timestamptz(3)",
  updatedAt: "timestamptz(3)",
};
const columnList = Prisma.raw(
  Object.keys(importedColumns)
    .map((name) => `"${name}"`)
    .join(", "),
);
const recordDefinition = Prisma.raw(
  Object.entries(importedColumns)
    .map(([name, type]) => `"${name}" ${type}`)
    .join(", "),
);

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
export async function importDecisions(actor: ActingUser, input: { kind: unknown; file: ImportFile }, now = currentTime()): Promise<DecisionImportResult> {
  assertPermitted(actor, "decision.import");
  if (!isDecisionKind(input.kind)) throw new ValidationError({ kind: [p.kindInvalid] });
  const kind: DecisionKind = input.kind;
  const today = todayInBeijing(now);
  const sheet = await readImport(decisionImportTemplate(kind), input.file, {
    row: (values, { report }) => {
      const { record, problems } = validateDecisionValues(kind, values, { today });
      for (const problem of problems) report(problem.field, problem.message);
      return record ?? undefined;
    },
  });

  // 决定书文号 already in the register, for every row (a row with other problems too).
  const firstRowOf = new Map<string, number>();
  for (const row of sheet.cells) {
    const documentNumber = row.values.documentNumber;
    if (documentNumber && !firstRowOf.has(documentNumber)) firstRowOf.set(documentNumber, row.rowNumber);
  }
  const numbers = [...firstRowOf.keys()];
  for (let index = 0; index < numbers.length; index += lookupChunk) {
    const existing = await db.administrativeDecision.findMany({
      where: { kind, documentNumber: { in: numbers.slice(index, index + lookupChunk) } },
      select: { documentNumber: true },
    });
    for (const { documentNumber } of existing) sheet.problems.add(firstRowOf.get(documentNumber)!, "documentNumber", p.duplicateExisting);
  }
  sheet.problems.rejectIfAny();
  const records = sheet.rows.map((row) => row.values);

  const [calendar, periods] = await Promise.all([loadWorkingDayCalendar(), loadPublicityPeriods()]);
  const dueOn = new Map<string, string>();
  const rows = records.map((record) => {
    let due = dueOn.get(record.decisionDate);
    if (!due) dueOn.set(record.decisionDate, (due = computeDecisionDisclosureDeadline(calendar, record.decisionDate).due));
    return decisionRowOf(record, due, computePublicUntil(record.decisionDate, publicityMonthsOf(record, periods)));
  });
  try {
    return await db.$transaction(
      async (tx) => {
        const batch = await tx.decisionImportBatch.create({
          data: { kind, fileName: input.file.name.slice(0, 255), rowCount: records.length, importedById: actor.id, importedAt: now },
        });
        const owner = {
          sectionId: actor.sectionId,
          authorId: actor.id,
          lastEditorId: actor.id,
          importBatchId: batch.id,
          createdAt: now.toISOString(),
          updatedAt: now.toISOString(),
        };
        for (let index = 0; index < rows.length; index += insertChunk) {
          await insertDecisionRows(
            tx,
            rows.slice(index, index + insertChunk).map((row) => ({ ...row, ...owner })),
          );
        }
        await recordAuditEvent(tx, {
          actorId: actor.id,
          action: "decision.import",
          entityType: "DecisionImportBatch",
          entityId: batch.id,
          toState: "draft",
          details: { kind, fileName: batch.fileName, rows: records.length },
        });
        return { imported: records.length, batchId: batch.id };
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
  } catch (error) {
    // Someone saved the same 文号 between the check and the insert.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new ConflictError(p.duplicateRace, "duplicate");
    throw error;
  }
}
