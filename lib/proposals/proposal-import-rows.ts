import type { ProposalKind } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import {
  defineImportTemplate,
  optionalDate,
  problem,
  readImport,
  type ImportColumnKey,
  type ImportFile,
  type ImportRowContext,
  type ImportRowValues,
  type ImportSheet,
} from "@/lib/imports";
import { headerSpellings, kindSpellings } from "@/lib/proposals/proposal-import-spellings";
import { proposalFieldsSchema } from "@/lib/proposals/proposal-schemas";

/**
 * The yearly assignment list (交办清单) as a spreadsheet: one proposal per row. Pure: the
 * template, and the check that turns a row into proposal fields or reports its problems by
 * column; lib/proposals/import-proposals.ts adds the database's checks and stores the rows.
 */

const c = messages.imports.proposals;

export const proposalImportTemplate = defineImportTemplate({
  fileName: c.fileName,
  sheetName: c.sheetName,
  maxRows: 2000,
  columns: {
    year: { header: c.columns.year, required: true, note: c.notes.year },
    session: { header: c.columns.session, aliases: headerSpellings.session, required: true, note: c.notes.session },
    number: { header: c.columns.number, aliases: headerSpellings.number, required: true, text: true, note: c.notes.number },
    kind: {
      header: c.columns.kind,
      aliases: headerSpellings.kind,
      required: true,
      note: c.notes.kind,
      parse: (text): ProposalKind | null => (text ? (kindSpellings[text.replace(/\s+/g, "")] ?? problem(c.kindInvalid(text))) : null),
    },
    title: { header: c.columns.title, aliases: headerSpellings.title, required: true, note: c.notes.title },
    proposers: { header: c.columns.proposers, aliases: headerSpellings.proposers, required: true, note: c.notes.proposers },
    receivedOn: { header: c.columns.receivedOn, required: true, note: c.notes.receivedOn, parse: optionalDate },
    leadSection: { header: c.columns.leadSection, aliases: headerSpellings.leadSection, note: c.notes.leadSection },
    assistingSections: { header: c.columns.assistingSections, aliases: headerSpellings.assistingSections, note: c.notes.assistingSections },
    assignedOn: { header: c.columns.assignedOn, note: c.notes.assignedOn, parse: optionalDate },
    deadline: { header: c.columns.deadline, aliases: headerSpellings.deadline, note: c.notes.deadline, parse: optionalDate },
  },
});

type ProposalImportColumns = typeof proposalImportTemplate.columns;

export type ImportedProposalFields = {
  year: number;
  session: string;
  number: string;
  kind: ProposalKind;
  title: string;
  proposers: string[];
  receivedOn: string;
  leadSectionId: number | null;
  assistingSectionIds: number[];
  assignedOn: string | null;
  deadline: string | null;
};

// The schema's field names, mapped to the column they came from.
const columnOfField: Record<string, ImportColumnKey<ProposalImportColumns>> = {
  year: "year",
  session: "session",
  number: "number",
  kind: "kind",
  title: "title",
  proposers: "proposers",
  receivedOn: "receivedOn",
  leadSectionId: "leadSection",
  assistingSectionIds: "assistingSections",
  assignedOn: "assignedOn",
  deadline: "deadline",
};

// A refused cell has been reported already: a stand-in value keeps the schema from reporting it twice.
const standInDate = "2000-01-01";

/**
 * The row check of the assignment list: sections by name, the proposal schema, dates in order and
 * not after `today`, and the same proposal (year, kind, session, number) twice in the file.
 * Reports every problem of the row; returns the fields of a good row.
 */
export function proposalImportRow(sectionIdsByName: Map<string, number>, today: string) {
  const seen = new Map<string, number>();
  return (
    values: ImportRowValues<ProposalImportColumns>,
    { rowNumber, report }: ImportRowContext<ProposalImportColumns>,
  ): ImportedProposalFields | undefined => {
    let problems = 0;
    const reportProblem: typeof report = (key, message) => {
      problems++;
      report(key, message);
    };
    const sectionId = (name: string, key: "leadSection" | "assistingSections") => {
      const id = sectionIdsByName.get(name);
      if (id === undefined) reportProblem(key, c.sectionUnknown(name));
      return id ?? null;
    };
    const leadSectionId = values.leadSection ? sectionId(values.leadSection, "leadSection") : null;
    const assistingSectionIds = values.assistingSections
      ? values.assistingSections
          .split(/[,，、;；\s]+/)
          .filter(Boolean)
          .map((name) => sectionId(name, "assistingSections"))
          .filter((id): id is number => id !== null)
      : [];
    const result = proposalFieldsSchema.safeParse({
      year: values.year,
      session: values.session,
      number: values.number,
      kind: values.kind === undefined ? "suggestion" : (values.kind ?? undefined),
      title: values.title,
      proposers: values.proposers,
      receivedOn: values.receivedOn === undefined ? standInDate : (values.receivedOn ?? undefined),
      leadSectionId,
      assistingSectionIds,
      assignedOn: values.assignedOn === undefined ? standInDate : values.assignedOn,
      deadline: values.deadline === undefined ? standInDate : values.deadline,
    });
    if (!result.success) {
      for (const issue of result.error.issues) reportProblem(columnOfField[String(issue.path[0])] ?? null, issue.message);
      return undefined;
    }
    const fields: ImportedProposalFields = {
      ...result.data,
      leadSectionId: result.data.leadSectionId ?? null,
      assistingSectionIds: [...new Set(result.data.assistingSectionIds ?? [])],
      assignedOn: result.data.assignedOn ?? null,
      deadline: result.data.deadline ?? null,
    };
    if (fields.receivedOn > today) reportProblem("receivedOn", c.receivedInFuture);
    if (fields.assignedOn && fields.assignedOn > today) reportProblem("assignedOn", c.assignedInFuture);
    if (fields.leadSectionId && fields.assistingSectionIds.includes(fields.leadSectionId)) reportProblem("assistingSections", c.leadAlsoAssisting);
    if (fields.assignedOn && fields.assignedOn < fields.receivedOn) reportProblem("assignedOn", c.assignedBeforeReceived);
    if (fields.deadline && fields.deadline < (fields.assignedOn ?? fields.receivedOn)) reportProblem("deadline", c.deadlineBeforeAssigned);
    if (problems) return undefined;
    const key = proposalKey(fields);
    const earlier = seen.get(key);
    if (earlier) reportProblem("number", c.duplicateInFile(earlier));
    else seen.set(key, rowNumber);
    return fields;
  };
}

/** What makes a proposal the same one: year, kind, session and number. */
export function proposalKey(fields: Pick<ImportedProposalFields, "year" | "kind" | "session" | "number">): string {
  return [fields.year, fields.kind, fields.session, fields.number].join("|");
}

/** Reads and checks an assignment list (everything but the database's checks). */
export function readProposalImport(
  file: ImportFile,
  sectionIdsByName: Map<string, number>,
  today: string,
): Promise<ImportSheet<ImportColumnKey<ProposalImportColumns>, ImportedProposalFields>> {
  return readImport(proposalImportTemplate, file, { row: proposalImportRow(sectionIdsByName, today) });
}
