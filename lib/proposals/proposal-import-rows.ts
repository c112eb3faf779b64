import type { ProposalKind } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { kindNames, otherSpellings } from "@/lib/proposals/proposal-import-spellings";
import { proposalFieldsSchema } from "@/lib/proposals/proposal-schemas";
import { parseSpreadsheetDate, type SpreadsheetProblem, type TableColumn, type TableRow } from "@/lib/spreadsheets";

/**
 * The yearly assignment list (交办清单) as a spreadsheet: one proposal per row. Pure: turns the
 * rows read by lib/spreadsheets into proposal fields, or into a list of problems naming the row
 * and the column.
 */
export type ImportColumnKey =
  | "year" | "session" | "number" | "kind" | "title" | "proposers" | "receivedOn" | "leadSection" | "assistingSections" | "assignedOn" | "deadline";

const l = messages.proposals.importList;
const c = l.columns;

export const proposalImportColumns: readonly (TableColumn<ImportColumnKey> & { note: string })[] = [
  { key: "year", header: c.year.header, required: true, note: c.year.note },
  { key: "session", header: c.session.header, aliases: otherSpellings.session, required: true, note: c.session.note },
  { key: "number", header: c.number.header, aliases: otherSpellings.number, required: true, note: c.number.note },
  { key: "kind", header: c.kind.header, aliases: otherSpellings.kind, required: true, note: c.kind.note },
  { key: "title", header: c.title.header, aliases: otherSpellings.title, required: true, note: c.title.note },
  { key: "proposers", header: c.proposers.header, aliases: otherSpellings.proposers, required: true, note: c.proposers.note },
  { key: "receivedOn", header: c.receivedOn.header, required: true, note: c.receivedOn.note },
  { key: "leadSection", header: c.leadSection.header, aliases: otherSpellings.leadSection, note: c.leadSection.note },
  { key: "assistingSections", header: c.assistingSections.header, aliases: otherSpellings.assistingSections, note: c.assistingSections.note },
  { key: "assignedOn", header: c.assignedOn.header, note: c.assignedOn.note },
  { key: "deadline", header: c.deadline.header, aliases: otherSpellings.deadline, note: c.deadline.note },
];

const headerOf = Object.fromEntries(proposalImportColumns.map((column) => [column.key, column.header])) as Record<ImportColumnKey, string>;


export type ImportedProposalRow = {
  rowNumber: number;
  fields: {
    year: number; session: string; number: string; kind: ProposalKind; title: string; proposers: string[]; receivedOn: string;
    leadSectionId: number | null; assistingSectionIds: number[]; assignedOn: string | null; deadline: string | null;
  };
};

// The schema's field names, mapped to the column they came from.
const columnOfField: Record<string, ImportColumnKey> = {
  year: "year", session: "session", number: "number", kind: "kind", title: "title", proposers: "proposers", receivedOn: "receivedOn",
  leadSectionId: "leadSection", assistingSectionIds: "assistingSections", assignedOn: "assignedOn", deadline: "deadline",
};

function dateCell(text: string, column: ImportColumnKey, rowNumber: number, problems: SpreadsheetProblem[]): string | null {
  if (!text) return null;
  const parsed = parseSpreadsheetDate(text);
  if (!parsed) problems.push({ row: rowNumber, column: headerOf[column], message: l.invalidDate(text) });
  return parsed;
}

/**
 * Checks every row and returns the fields of each, or every problem found (all rows, not just the
 * first bad one), so the person importing can fix the file in one go.
 */
export function parseProposalImportRows(rows: TableRow<ImportColumnKey>[], sectionIdsByName: Map<string, number>): { rows: ImportedProposalRow[]; problems: SpreadsheetProblem[] } {
  const problems: SpreadsheetProblem[] = [];
  const parsed: ImportedProposalRow[] = [];
  const seen = new Map<string, number>();
  for (const { rowNumber, values } of rows) {
    const rowProblems: SpreadsheetProblem[] = [];
    const kind = values.kind ? kindNames[values.kind.replace(/\s+/g, "")] : undefined;
    if (values.kind && !kind) rowProblems.push({ row: rowNumber, column: headerOf.kind, message: l.invalidKind(values.kind) });
    const sectionId = (name: string, column: ImportColumnKey) => {
      const id = sectionIdsByName.get(name);
      if (id === undefined) rowProblems.push({ row: rowNumber, column: headerOf[column], message: l.unknownSection(name) });
      return id ?? null;
    };
    const leadSectionId = values.leadSection ? sectionId(values.leadSection, "leadSection") : null;
    const assistingSectionIds = values.assistingSections
      ? values.assistingSections.split(/[,，、;；\s]+/).filter(Boolean).map((name) => sectionId(name, "assistingSections")).filter((id): id is number => id !== null)
      : [];
    const receivedOn = dateCell(values.receivedOn, "receivedOn", rowNumber, rowProblems);
    const assignedOn = dateCell(values.assignedOn, "assignedOn", rowNumber, rowProblems);
    const deadline = dateCell(values.deadline, "deadline", rowNumber, rowProblems);
    const result = proposalFieldsSchema.safeParse({
      year: values.year, session: values.session, number: values.number, kind: kind ?? (values.kind ? "suggestion" : undefined), title: values.title,
      proposers: values.proposers, receivedOn: receivedOn ?? (values.receivedOn ? "2000-01-01" : undefined),
      leadSectionId, assistingSectionIds, assignedOn: assignedOn ?? (values.assignedOn ? "2000-01-01" : null), deadline: deadline ?? (values.deadline ? "2000-01-01" : null),
    });
    if (!result.success) {
      for (const issue of result.error.issues) {
        const column = columnOfField[String(issue.path[0])];
        rowProblems.push({ row: rowNumber, column: column ? headerOf[column] : null, message: issue.message });
      }
    }
    if (result.success && !rowProblems.length) {
      const fields = { ...result.data, leadSectionId: result.data.leadSectionId ?? null, assistingSectionIds: [...new Set(result.data.assistingSectionIds ?? [])], assignedOn: result.data.assignedOn ?? null, deadline: result.data.deadline ?? null };
      if (fields.leadSectionId && fields.assistingSectionIds.includes(fields.leadSectionId)) {
        rowProblems.push({ row: rowNumber, column: headerOf.assistingSections, message: l.leadAlsoAssisting });
      }
      if (fields.assignedOn && fields.assignedOn < fields.receivedOn) rowProblems.push({ row: rowNumber, column: headerOf.assignedOn, message: l.assignedBeforeReceived });
      if (fields.deadline && fields.deadline < (fields.assignedOn ?? fields.receivedOn)) rowProblems.push({ row: rowNumber, column: headerOf.deadline, message: l.deadlineBeforeAssigned });
      const key = [fields.year, fields.kind, fields.session, fields.number].join("|");
      const earlier = seen.get(key);
      if (earlier) rowProblems.push({ row: rowNumber, column: headerOf.number, message: l.duplicateRow(earlier) });
      else seen.set(key, rowNumber);
      if (!rowProblems.length) parsed.push({ rowNumber, fields });
    }
    problems.push(...rowProblems);
  }
  return { rows: problems.length ? [] : parsed, problems };
}

/** "第 3 行「标题」：请填写标题。" */
export function describeImportProblem(problem: SpreadsheetProblem): string {
  const where = [problem.row ? l.row(problem.row) : null, problem.column ? l.column(problem.column) : null].filter(Boolean).join("");
  return where ? l.problem(where, problem.message) : problem.message;
}
