import "server-only";
import { normaliseAgencyCode } from "@/lib/agency/agencies";
import { agencyImportTemplate, readAgencyImport, type ImportedAgency } from "@/lib/agency/agency-import-rows";
import { recordAuditEvent } from "@/lib/audit/record";
import type { ActingUser } from "@/lib/auth/acting-user";
import { generateOneTimePassword } from "@/lib/auth/one-time-password";
import { hashPassword } from "@/lib/auth/password";
import { assertPermitted } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { messages } from "@/lib/i18n";
import {
  buildSpreadsheetDownload,
  buildTemplateDownload,
  defineImportTemplate,
  type ImportFile,
  type SpreadsheetDownload,
  type TemplateFormat,
} from "@/lib/imports";
import { bumpPublicContentVersion } from "@/lib/public-content/content-version";
import { normaliseUsername } from "@/lib/users/username";

/**
 * 批量导入机关 (集约化): the platform administrator sets up dozens of agencies and their first
 * administrators from one spreadsheet (lib/agency/agency-import-rows.ts), all rows or none. Each
 * new agency gets a first section (办公室) and, where its row names one, an administrator there
 * with a one-time password: returned once to the importer, stored only as a bcrypt hash, never
 * in the audit log; the account must change it at its first sign-in (User.mustChangePassword).
 */

const c = messages.agencies.importPage;

/** A new administrator's sign-in, shown once after the import and never stored in the clear. */
export type OneTimeCredential = { agencyCode: string; agencyName: string; username: string; displayName: string; password: string };

export type AgencyImportResult = {
  agencies: { code: string; name: string }[];
  credentials: OneTimeCredential[];
};

/**
 * Refuses rows whose agency code, credit code or administrator's username is already on the
 * platform. Every row is looked at (by its cells' text, normalised as the cells' parsers do), also
 * one with other problems, so that the whole file's problems are listed at once.
 */
async function addDatabaseProblems(sheet: Awaited<ReturnType<typeof readAgencyImport>>): Promise<void> {
  const rows = sheet.cells.map(({ rowNumber, values }) => ({
    rowNumber,
    code: normaliseAgencyCode(values.code),
    organizationCode: values.organizationCode.replace(/[\s-]/g, "").toUpperCase(),
    username: normaliseUsername(values.adminUsername),
  }));
  if (!rows.length) return;
  const [agencies, users] = await Promise.all([
    db.agency.findMany({
      where: {
        OR: [
          { code: { in: rows.map((row) => row.code).filter(Boolean) } },
          { organizationCode: { in: rows.map((row) => row.organizationCode).filter(Boolean) } },
        ],
      },
      select: { code: true, name: true, organizationCode: true },
    }),
    db.user.findMany({ where: { username: { in: rows.map((row) => row.username).filter(Boolean) } }, select: { username: true } }),
  ]);
  const codes = new Set(agencies.map((agency) => agency.code));
  const creditHolders = new Map(agencies.flatMap((agency) => (agency.organizationCode ? [[agency.organizationCode, agency.name] as const] : [])));
  const usernames = new Set(users.map((user) => user.username));
  for (const row of rows) {
    if (codes.has(row.code)) sheet.problems.add(row.rowNumber, "code", c.codeTaken);
    const holder = creditHolders.get(row.organizationCode);
    if (holder) sheet.problems.add(row.rowNumber, "organizationCode", c.organizationCodeTaken(holder));
    if (usernames.has(row.username)) sheet.problems.add(row.rowNumber, "adminUsername", c.usernameTaken);
  }
}

/**
 * Imports the agencies' file: every row is checked first (the fields by the 新增机关 and 新建用户
 * rules, parents, duplicates in the file and on the platform); any problem refuses the whole file
 * (ImportRejectedError, every problem by row and column). Then, in one transaction, the agencies
 * in file order (a parent before its children), each one's 办公室 and administrator, each audited.
 */
export async function importAgencies(actor: ActingUser, file: ImportFile): Promise<AgencyImportResult> {
  assertPermitted(actor, "agency.manage");
  const existingCodes = new Set((await db.agency.findMany({ select: { code: true } })).map((agency) => agency.code));
  const sheet = await readAgencyImport(file, existingCodes);
  await addDatabaseProblems(sheet);
  sheet.problems.rejectIfAny();
  const rows: ImportedAgency[] = sheet.rows.map((row) => row.values);

  // Hashing takes a while per password: done before the transaction, which then only writes.
  const credentials = new Map<string, { password: string; passwordHash: string }>();
  for (const row of rows) {
    if (!row.administrator) continue;
    const password = generateOneTimePassword();
    credentials.set(row.code, { password, passwordHash: await hashPassword(password) });
  }

  return db.$transaction(
    async (tx) => {
      const idByCode = new Map((await tx.agency.findMany({ select: { id: true, code: true } })).map((agency) => [agency.code, agency.id]));
      const result: AgencyImportResult = { agencies: [], credentials: [] };
      for (const row of rows) {
        const { administrator, parentCode, ...fields } = row;
        const parentId = parentCode === null ? null : idByCode.get(parentCode);
        // The row check found the parent on the platform or on an earlier row, created just before.
        if (parentId === undefined) throw new Error(`The parent ${parentCode} of ${row.code} is missing.`);
        const agency = await tx.agency.create({ data: { ...fields, parentId } });
        idByCode.set(agency.code, agency.id);
        await recordAuditEvent(tx, {
          actorId: actor.id,
          action: "agency.create",
          entityType: "Agency",
          entityId: agency.id,
          details: { code: agency.code, name: agency.name, kind: agency.kind, parentCode, imported: true },
        });
        const section = await tx.section.create({ data: { agencyId: agency.id, name: c.firstSection, sortOrder: 0 } });
        await recordAuditEvent(tx, {
          actorId: actor.id,
          action: "section.create",
          entityType: "Section",
          entityId: section.id,
          details: { name: section.name, agency: agency.code },
        });
        result.agencies.push({ code: agency.code, name: agency.name });
        const credential = credentials.get(row.code);
        if (!administrator || !credential) continue;
        const user = await tx.user.create({
          data: {
            username: administrator.username,
            displayName: administrator.displayName,
            role: "admin",
            sectionId: section.id,
            passwordHash: credential.passwordHash,
            mustChangePassword: true,
          },
        });
        // Neither the password nor its hash: the audit row says only that it is a one-time one.
        await recordAuditEvent(tx, {
          actorId: actor.id,
          action: "user.create",
          entityType: "User",
          entityId: user.id,
          details: { username: user.username, role: user.role, section: section.name, agency: agency.name, mustChangePassword: true },
        });
        result.credentials.push({
          agencyCode: agency.code,
          agencyName: agency.name,
          username: user.username,
          displayName: user.displayName,
          password: credential.password,
        });
      }
      await recordAuditEvent(tx, {
        actorId: actor.id,
        action: "agency.import",
        entityType: "Agency",
        details: {
          fileName: file.name,
          agencies: result.agencies.map((agency) => agency.code),
          administrators: result.credentials.map((credential) => credential.username),
        },
      });
      // The new agencies stand in the public directory at once.
      await bumpPublicContentVersion(tx);
      return result;
    },
    { timeout: 60_000 },
  );
}

/** The empty template (with example rows) and a note on each column. */
export function buildAgencyImportTemplate(format: TemplateFormat = "xlsx"): Promise<SpreadsheetDownload> {
  return buildTemplateDownload(agencyImportTemplate, format);
}

const resultSheet = defineImportTemplate({
  fileName: c.resultFileName,
  sheetName: c.resultTitle,
  maxRows: agencyImportTemplate.maxRows,
  columns: {
    agencyCode: { header: c.resultColumns.agencyCode, text: true, width: 16 },
    agencyName: { header: c.resultColumns.agencyName, width: 36 },
    username: { header: c.resultColumns.username, text: true, width: 18 },
    displayName: { header: c.resultColumns.displayName, width: 14 },
    password: { header: c.resultColumns.password, text: true, width: 18 },
  },
});

/**
 * The new administrators' one-time passwords as an .xlsx, made from the import's result in the
 * same response and stored nowhere: after that page is gone, nobody can download it again.
 */
export function buildOneTimePasswordDownload(credentials: readonly OneTimeCredential[]): Promise<SpreadsheetDownload> {
  return buildSpreadsheetDownload(
    resultSheet,
    "xlsx",
    c.resultFileName,
    credentials.map((credential) => [credential.agencyCode, credential.agencyName, credential.username, credential.displayName, credential.password]),
  );
}
