import "server-only";
import { sectionsInScope } from "@/lib/agency/agency-scope";
import { recordAuditEvent } from "@/lib/audit/record";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { dateColumnToIsoDate } from "@/lib/dates";
import { db } from "@/lib/db";
import { consoleDecisionWhere, type ConsoleDecisionFilter } from "@/lib/decisions/console-decisions";
import {
  counterpartyCategoryLabel,
  decisionColumns,
  isDecisionKind,
  penaltyProcedureLabel,
  penaltySeverityLabel,
  type DecisionColumn,
} from "@/lib/decisions/decision-fields";
import { decisionImportTemplate } from "@/lib/decisions/import-decisions";
import { ValidationError } from "@/lib/errors";
import type { DecisionKind } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { maskIdentityDocumentNumber } from "@/lib/identifiers";
import {
  buildSpreadsheetDownload,
  buildTemplateDownload,
  isTemplateFormat,
  spreadsheetResponse,
  type SpreadsheetDownload,
  type TemplateFormat,
} from "@/lib/imports";
import type { SheetCell } from "@/lib/spreadsheets";

export type { SpreadsheetDownload };

export type DownloadFormat = TemplateFormat;

export function isDownloadFormat(value: unknown): value is DownloadFormat {
  return isTemplateFormat(value);
}

function kindName(kind: DecisionKind): string {
  return messages.registers.decisionKinds[kind];
}

/** A spreadsheet in the kind's import template (lib/decisions/import-decisions.ts): the export re-imports. */
function download(kind: DecisionKind, format: DownloadFormat, baseName: string, rows: SheetCell[][]): Promise<SpreadsheetDownload> {
  return buildSpreadsheetDownload(decisionImportTemplate(kind), format, baseName, rows);
}

function assertKindAndFormat(kind: unknown, format: unknown): asserts kind is DecisionKind {
  const problems: Record<string, string[]> = {};
  if (!isDecisionKind(kind)) problems.kind = [messages.registers.decisions.problems.kindInvalid];
  if (!isDownloadFormat(format)) problems.format = [messages.registers.common.formatInvalid];
  if (Object.keys(problems).length) throw new ValidationError(problems);
}

/** The empty import template of a kind: its header row is the Chinese names of the data items. */
export async function buildDecisionTemplate(kind: unknown, format: unknown): Promise<SpreadsheetDownload> {
  assertKindAndFormat(kind, format);
  return buildTemplateDownload(decisionImportTemplate(kind), format as DownloadFormat);
}

function cellOf(column: DecisionColumn, decision: Record<string, unknown>): SheetCell {
  const value = decision[column.key];
  if (value === null || value === undefined) return null;
  if (column.key === "counterpartyCategory") return counterpartyCategoryLabel(value as never);
  if (column.key === "penaltyProcedure") return penaltyProcedureLabel(value as never);
  if (column.key === "penaltySeverity") return penaltySeverityLabel(value as never);
  if (column.key === "penaltyAmount" || column.key === "fineAmount" || column.key === "confiscationAmount") return Number(String(value));
  // Masked in every download (issue 14): a file travels further than the console.
  if (column.key === "idNumber") return maskIdentityDocumentNumber(String(value));
  if (value instanceof Date) return dateColumnToIsoDate(value);
  if (Array.isArray(value)) return value.join("；");
  return String(value);
}

/**
 * A filtered console list in the kind's template, ID numbers masked (a natural person's decision
 * re-imports only after its number is typed in again); the export is audited.
 */
export async function exportDecisions(actor: ActingUser, filter: ConsoleDecisionFilter, format: unknown): Promise<SpreadsheetDownload> {
  assertPermitted(actor, "decision.export");
  assertKindAndFormat(filter.kind, format);
  const kind = filter.kind;
  const decisions = await db.administrativeDecision.findMany({
    // Only the actor's agency's decisions (集约化), or every agency's for a platform role.
    where: { AND: [consoleDecisionWhere({ ...filter, kind }), { section: sectionsInScope(actor) }] },
    orderBy: [{ decisionDate: "asc" }, { id: "asc" }],
  });
  const columns = decisionColumns(kind);
  const rows = decisions.map((decision) => columns.map((column) => cellOf(column, decision as unknown as Record<string, unknown>)));
  await db.$transaction(async (tx) => {
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "decision.export",
      entityType: "AdministrativeDecision",
      details: { kind, format: String(format), rows: rows.length, filter: JSON.parse(JSON.stringify(filter)) },
    });
  });
  return download(kind, format as DownloadFormat, messages.registers.decisionFiles.export(kindName(kind)), rows);
}

/** The HTTP response that downloads a spreadsheet. */
export { spreadsheetResponse };
