import { normaliseAgencyCode, type AgencyKind } from "@/lib/agency/agencies";
import { agencyImportAliases, agencyImportExamples, kindSpellings } from "@/lib/agency/agency-import-spellings";
import { createAgencySchema } from "@/lib/agency/manage-agencies";
import { messages } from "@/lib/i18n";
import {
  defineImportTemplate,
  problem,
  readImport,
  schemaCell,
  type ImportColumnKey,
  type ImportFile,
  type ImportRowContext,
  type ImportRowValues,
  type ImportSheet,
} from "@/lib/imports";
import { createUserSchema } from "@/lib/users/user-schemas";

/**
 * The platform's agencies as one spreadsheet (集约化): one agency a row, with its first
 * administrator. The template, and the check that turns a row into an agency and an account or
 * reports its problems by column; lib/agency/import-agencies.ts adds the database's checks and
 * stores the rows. Each field is checked by the same schema as the 新增机关 form
 * (lib/agency/manage-agencies.ts) and the 新建用户 form (lib/users/user-schemas.ts).
 */

const c = messages.agencies.importPage;
const fields = createAgencySchema.shape;

function parseKind(text: string): AgencyKind {
  if (!text) problem(c.kindRequired);
  // Full-width brackets fold to plain ones (NFKC); spaces are dropped.
  const key = text.normalize("NFKC").replace(/\s+/g, "");
  return kindSpellings[key] ?? kindSpellings[key.toLowerCase()] ?? problem(c.kindInvalid(text));
}

/** A contact field the import may leave blank (the agency's administrator completes it under 本机关信息). */
function optionalContact<Output>(schema: Parameters<typeof schemaCell<Output>>[0]): (text: string) => Output | "" {
  const parse = schemaCell(schema);
  return (text) => (text ? parse(text) : "");
}

export const agencyImportTemplate = defineImportTemplate({
  fileName: c.templateFileName,
  sheetName: c.sheetName,
  // Each new administrator's password is hashed on import (about 0.1 s each): a request must stay short.
  maxRows: 300,
  unknownColumns: "reject",
  columns: {
    code: { header: c.columns.code, required: true, unique: true, text: true, note: c.notes.code, width: 16, parse: schemaCell(fields.code) },
    name: { header: c.columns.name, aliases: agencyImportAliases.name, required: true, note: c.notes.name, width: 36, parse: schemaCell(fields.name) },
    shortName: { header: c.columns.shortName, required: true, note: c.notes.shortName, width: 20, parse: schemaCell(fields.shortName) },
    organizationCode: {
      header: c.columns.organizationCode,
      required: true,
      unique: true,
      longCode: true,
      note: c.notes.organizationCode,
      width: 24,
      parse: (text: string) => (text ? schemaCell(fields.organizationCode)(text) : null),
    },
    parentCode: {
      header: c.columns.parentCode,
      required: true,
      text: true,
      note: c.notes.parentCode,
      width: 16,
      parse: (text: string) => (text ? normaliseAgencyCode(text) : null),
    },
    kind: { header: c.columns.kind, aliases: agencyImportAliases.kind, required: true, note: c.notes.kind, width: 14, parse: parseKind },
    adminUsername: {
      header: c.columns.adminUsername,
      required: true,
      unique: true,
      text: true,
      note: c.notes.adminUsername,
      width: 18,
      parse: (text: string) => (text ? schemaCell(createUserSchema.shape.username)(text) : null),
    },
    adminName: {
      header: c.columns.adminName,
      required: true,
      note: c.notes.adminName,
      width: 14,
      parse: (text: string) => (text ? schemaCell(createUserSchema.shape.displayName)(text) : null),
    },
    address: { header: c.columns.address, note: c.notes.address, width: 30, parse: optionalContact(fields.address) },
    postcode: {
      header: c.columns.postcode,
      aliases: agencyImportAliases.postcode,
      text: true,
      note: c.notes.postcode,
      width: 10,
      parse: optionalContact(fields.postcode),
    },
    email: { header: c.columns.email, note: c.notes.email, width: 24, parse: optionalContact(fields.email) },
  },
  examples: agencyImportExamples,
});

type AgencyImportColumns = typeof agencyImportTemplate.columns;
export type AgencyImportColumn = ImportColumnKey<AgencyImportColumns>;

/** One good row: the agency, where it stands, and its first administrator (if the row names one). */
export type ImportedAgency = {
  code: string;
  name: string;
  shortName: string;
  organizationCode: string | null;
  parentCode: string | null;
  kind: AgencyKind;
  address: string;
  postcode: string;
  email: string;
  administrator: { username: string; displayName: string } | null;
};

/**
 * The row check: the manage-agencies rules that need the whole row. Only the government stands
 * without a parent; the parent is an agency already on the platform or one on an earlier row of
 * the file (so the file's new agencies can form no loop: each hangs below something that exists
 * before it, and only the agency itself as its own parent is left to refuse); an administrator
 * needs both a username and a name.
 */
export function agencyImportRow(existingCodes: ReadonlySet<string>) {
  const earlierRows = new Set<string>();
  return (values: ImportRowValues<AgencyImportColumns>, { text, report, complete }: ImportRowContext<AgencyImportColumns>): ImportedAgency | undefined => {
    let problems = 0;
    const reportProblem: typeof report = (key, message) => {
      problems++;
      report(key, message);
    };
    const parentCode = values.parentCode;
    if (parentCode === null && values.kind !== undefined && values.kind !== "government") reportProblem("parentCode", messages.agencies.errors.parentRequired);
    const code = values.code ?? normaliseAgencyCode(text.code);
    if (parentCode === code) reportProblem("parentCode", messages.agencies.errors.parentLoop);
    else if (parentCode && !existingCodes.has(parentCode) && !earlierRows.has(parentCode)) reportProblem("parentCode", c.parentMissing(parentCode));
    if (values.adminUsername && values.adminName === null) reportProblem("adminName", c.adminNameRequired);
    if (values.adminName && values.adminUsername === null) reportProblem("adminUsername", c.adminUsernameRequired);
    // A row below may hang under this one even if this one has a problem: that problem is reported once, here.
    if (code) earlierRows.add(code);
    const row = problems ? undefined : complete();
    if (!row) return undefined;
    const { adminUsername, adminName, ...agency } = row;
    return { ...agency, administrator: adminUsername && adminName ? { username: adminUsername, displayName: adminName } : null };
  };
}

/**
 * Reads and checks the agencies' file (everything but the database's own checks): `existingCodes`
 * are the codes already on the platform, which a row may name as its parent.
 */
export async function readAgencyImport(file: ImportFile, existingCodes: ReadonlySet<string>): Promise<ImportSheet<AgencyImportColumn, ImportedAgency>> {
  const row = agencyImportRow(existingCodes);
  return readImport(agencyImportTemplate, file, { row });
}
