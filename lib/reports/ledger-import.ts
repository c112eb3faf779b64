import "server-only";
import { applicantColumnLabels, applicantOfColumn, applicationOutcomes, type ApplicationOutcomeSlug } from "@/lib/applications/outcomes";
import { recordAuditEvent } from "@/lib/audit/record";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { isoDateToDateColumn, todayInBeijing } from "@/lib/dates";
import { db } from "@/lib/db";
import { messages } from "@/lib/i18n";
import {
  buildTemplateDownload,
  defineImportTemplate,
  optionalDate,
  problem,
  readImport,
  requiredDate,
  requiredText,
  type ImportFile,
  type SpreadsheetDownload,
  type TemplateFormat,
} from "@/lib/imports";

/** Table 3's applicant columns, by the names the annual report gives them (自然人, 商业企业, …). */
const applicantTypes = new Map(applicantColumnLabels.map(({ column, label }) => [label, applicantOfColumn(column)]));

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

const l = messages.imports.ledger;
type ApplicantType = ReturnType<typeof applicantOfColumn>;

/** The ledger (台账) as offices keep it: the import's columns and the downloadable template. */
export const ledgerTemplate = defineImportTemplate({
  fileName: l.fileName,
  sheetName: l.sheetName,
  maxRows: 20_000,
  columns: {
    number: { header: l.columns.number, required: true, width: 20, unique: true, parse: requiredText(l.columns.number, 60) },
    receivedOn: { header: l.columns.receivedOn, required: true, width: 20, parse: requiredDate(l.columns.receivedOn) },
    applicantType: {
      header: l.columns.applicantType,
      required: true,
      width: 20,
      parse: (text): ApplicantType => applicantTypes.get(text) ?? problem(l.applicantTypeInvalid(text)),
    },
    outcome: {
      header: l.columns.outcome,
      required: true,
      width: 20,
      parse: (text): ApplicationOutcomeSlug | null =>
        text ? (outcomeLookup.get(text) ?? outcomeLookup.get(normaliseOutcomeName(text)) ?? problem(l.outcomeInvalid(text))) : null,
    },
    closedOn: { header: l.columns.closedOn, required: true, width: 20, parse: optionalDate },
  },
  examples: [["2019-001", "2019-03-01", messages.applications.applicantColumns.natural_person, messages.applications.outcomeRowNames.disclose, "2019-03-20"]],
});

/**
 * Imports a ledger of past applications, all or nothing: the whole file is checked first and any
 * problem refuses it with every problem listed by row and column. Imported rows count in the
 * annual report exactly like applications handled in Gongkai.
 */
export async function importApplicationLedger(actor: ActingUser, file: ImportFile): Promise<{ imported: number }> {
  assertPermitted(actor, "ledger.import");
  const today = todayInBeijing();
  const sheet = await readImport(ledgerTemplate, file, {
    row: (values, { text, report, complete }) => {
      if (values.receivedOn && values.receivedOn > today) report("receivedOn", l.receivedInFuture);
      if (values.closedOn && values.receivedOn && values.closedOn < values.receivedOn) report("closedOn", l.closedBeforeReceived);
      if (text.closedOn && !text.outcome) report("outcome", l.outcomeRequired);
      if (text.outcome && !text.closedOn) report("closedOn", l.closedOnRequired);
      return complete();
    },
  });
  const numbers = sheet.cells.map((row) => row.values.number).filter(Boolean);
  const taken = new Set((await db.application.findMany({ where: { number: { in: numbers } }, select: { number: true } })).map((row) => row.number));
  for (const row of sheet.cells) {
    if (taken.has(row.values.number)) sheet.problems.add(row.rowNumber, "number", l.numberExists(row.values.number));
  }
  sheet.problems.rejectIfAny();
  const rows = sheet.rows.map((row) => row.values);
  return db.$transaction(
    async (tx) => {
      await tx.application.createMany({
        data: rows.map((row) => ({
          number: row.number,
          source: "ledger" as const,
          status: row.outcome ? ("closed" as const) : ("processing" as const),
          submittedOn: isoDateToDateColumn(row.receivedOn),
          receivedOn: isoDateToDateColumn(row.receivedOn),
          applicantType: row.applicantType.applicantType,
          organisationKind: row.applicantType.organisationKind,
          outcome: row.outcome,
          decidedOn: isoDateToDateColumn(row.closedOn),
          closedOn: isoDateToDateColumn(row.closedOn),
          registeredById: actor.id,
        })),
      });
      await recordAuditEvent(tx, {
        actorId: actor.id,
        action: "application.import_ledger",
        entityType: "Application",
        details: { fileName: file.name, imported: rows.length },
      });
      return { imported: rows.length };
      // A ledger of 10,000 rows takes seconds on a busy server: more than the default 5 s of an interactive transaction.
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

/** The empty template with an example row, as .xlsx or .csv. */
export function buildLedgerTemplate(format: TemplateFormat): Promise<SpreadsheetDownload> {
  return buildTemplateDownload(ledgerTemplate, format);
}
