import "server-only";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { recordAuditEvent } from "@/lib/audit/record";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-calendar";
import { todayInBeijing } from "@/lib/dates";
import { db } from "@/lib/db";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { insertProposal, readReplyPeriodMonths } from "@/lib/proposals/manage-proposals";
import { mayActOnProposal } from "@/lib/proposals/proposal-access";
import { describeImportProblem, parseProposalImportRows, proposalImportColumns } from "@/lib/proposals/proposal-import-rows";
import { bumpPublicContentVersion } from "@/lib/public-content/content-version";
import { readTable, writeXlsx, type SpreadsheetProblem } from "@/lib/spreadsheets";

const importList = messages.proposals.importList;

export const maxImportBytes = 5 * 1024 * 1024;
export const maxImportRows = 2000;

/** Refuses the whole file: `fields.file` lists each problem as text, `details.problems` as {row, column, message}. */
export class ProposalImportRejected extends ValidationError {
  constructor(readonly problems: SpreadsheetProblem[]) {
    super({ file: problems.slice(0, 200).map(describeImportProblem) }, messages.proposals.importList.rejected(problems.length));
    this.details = { problems };
  }
}

/**
 * Imports the yearly assignment list: all rows or none. Every row is checked first (fields,
 * sections, dates, duplicates in the file and in the database); any problem refuses the file.
 */
export async function importProposals(actor: ActingUser, bytes: Uint8Array, fileName = ""): Promise<{ imported: number; ids: number[] }> {
  assertPermitted(actor, "proposal.manage");
  if (!bytes.byteLength) throw new ValidationError({ file: [messages.proposals.importList.chooseFile] });
  if (bytes.byteLength > maxImportBytes) throw new ValidationError({ file: [messages.proposals.importList.fileTooLarge(maxImportBytes / 1024 / 1024)] });
  const table = await readTable(bytes, { columns: proposalImportColumns, fileName, maxRows: maxImportRows });
  if (table.problems.length) throw new ProposalImportRejected(table.problems);
  const sections = new Map((await db.section.findMany({ select: { id: true, name: true } })).map((section) => [section.name, section.id]));
  const parsed = parseProposalImportRows(table.rows, sections);
  if (parsed.problems.length) throw new ProposalImportRejected(parsed.problems);
  // Rows naming a lead section are assigned on import: 交办 is a section head's or an administrator's job.
  if (parsed.rows.some(({ fields }) => fields.leadSectionId !== null) && !mayActOnProposal(actor, "assign", { leadSectionId: null })) {
    throw new ForbiddenError(messages.proposals.access.importNeedsAssign);
  }

  const today = todayInBeijing();
  const problems: SpreadsheetProblem[] = [];
  for (const { rowNumber, fields } of parsed.rows) {
    if (fields.receivedOn > today) problems.push({ row: rowNumber, column: importList.columns.receivedOn.header, message: importList.receivedInFuture });
    if (fields.assignedOn && fields.assignedOn > today) problems.push({ row: rowNumber, column: importList.columns.assignedOn.header, message: importList.assignedInFuture });
  }
  const existing = await db.proposal.findMany({
    where: { OR: parsed.rows.map(({ fields }) => ({ year: fields.year, kind: fields.kind, session: fields.session, number: fields.number })) },
    select: { year: true, kind: true, session: true, number: true },
  });
  const existingKeys = new Set(existing.map((row) => [row.year, row.kind, row.session, row.number].join("|")));
  for (const { rowNumber, fields } of parsed.rows) {
    if (existingKeys.has([fields.year, fields.kind, fields.session, fields.number].join("|"))) {
      problems.push({ row: rowNumber, column: importList.columns.number.header, message: importList.alreadyInSystem });
    }
  }
  if (problems.length) throw new ProposalImportRejected(problems.sort((first, second) => (first.row ?? 0) - (second.row ?? 0)));

  const calendar = await loadWorkingDayCalendar();
  return db.$transaction(async (tx) => {
    const months = await readReplyPeriodMonths(tx);
    const ids: number[] = [];
    for (const { fields } of parsed.rows) ids.push((await insertProposal(tx, actor, fields, calendar, months, "proposal.import")).id);
    await recordAuditEvent(tx, { actorId: actor.id, action: "proposal.import", entityType: "Proposal", details: { fileName, imported: ids.length, ids } });
    await bumpPublicContentVersion(tx);
    return { imported: ids.length, ids };
  }, { timeout: 60_000 });
}

/** An empty assignment list with the expected columns and a note on each. */
export async function buildProposalImportTemplate(): Promise<Buffer> {
  return writeXlsx([
    {
      name: importList.sheetName,
      columns: proposalImportColumns.map((column) => ({ header: column.header, note: column.note, text: column.key === "number" })),
      rows: [],
    },
  ]);
}
