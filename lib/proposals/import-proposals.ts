import "server-only";
import { recordAuditEvent } from "@/lib/audit/record";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-calendar";
import { todayInBeijing } from "@/lib/dates";
import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { buildTemplateDownload, type ImportFile, type SpreadsheetDownload, type TemplateFormat } from "@/lib/imports";
import { insertProposal, readReplyPeriodMonths } from "@/lib/proposals/manage-proposals";
import { mayActOnProposal } from "@/lib/proposals/proposal-access";
import { proposalImportTemplate, proposalKey, readProposalImport } from "@/lib/proposals/proposal-import-rows";
import { bumpPublicContentVersion } from "@/lib/public-content/content-version";

/**
 * Imports the yearly assignment list: all rows or none. Every row is checked first (fields,
 * sections, dates, duplicates in the file and in the database); any problem refuses the file
 * (ImportRejectedError, every problem by row and column).
 */
export async function importProposals(actor: ActingUser, file: ImportFile): Promise<{ imported: number; ids: number[] }> {
  assertPermitted(actor, "proposal.manage");
  // Section names are those of the importing person's agency, whose proposals these become (集约化).
  const sections = new Map(
    (await db.section.findMany({ where: { agencyId: actor.agencyId }, select: { id: true, name: true } })).map((section) => [section.name, section.id]),
  );
  const sheet = await readProposalImport(file, sections, todayInBeijing());
  if (sheet.rows.length) {
    const existing = await db.proposal.findMany({
      where: { OR: sheet.rows.map(({ values }) => ({ year: values.year, kind: values.kind, session: values.session, number: values.number })) },
      select: { year: true, kind: true, session: true, number: true },
    });
    const existingKeys = new Set(existing.map(proposalKey));
    for (const { rowNumber, values } of sheet.rows) {
      if (existingKeys.has(proposalKey(values))) sheet.problems.add(rowNumber, "number", messages.imports.proposals.exists);
    }
  }
  sheet.problems.rejectIfAny();
  const rows = sheet.rows.map((row) => row.values);
  // Rows naming a lead section are assigned on import: 交办 is a section head's or an administrator's job.
  if (rows.some((fields) => fields.leadSectionId !== null) && !mayActOnProposal(actor, "assign", { leadSectionId: null })) {
    throw new ForbiddenError(messages.proposals.access.importNeedsAssign);
  }

  const calendar = await loadWorkingDayCalendar();
  return db.$transaction(
    async (tx) => {
      const months = await readReplyPeriodMonths(tx);
      const ids: number[] = [];
      for (const fields of rows) ids.push((await insertProposal(tx, actor, fields, calendar, months, "proposal.import")).id);
      await recordAuditEvent(tx, {
        actorId: actor.id,
        action: "proposal.import",
        entityType: "Proposal",
        details: { fileName: file.name, imported: ids.length, ids },
      });
      await bumpPublicContentVersion(tx);
      return { imported: ids.length, ids };
    },
    { timeout: 60_000 },
  );
}

/** An empty assignment list with the expected columns and a note on each. */
export function buildProposalImportTemplate(format: TemplateFormat = "xlsx"): Promise<SpreadsheetDownload> {
  return buildTemplateDownload(proposalImportTemplate, format);
}
