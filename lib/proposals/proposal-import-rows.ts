import type { ProposalKind } from "@/lib/generated/prisma/enums";
import { proposalFieldsSchema } from "@/lib/proposals/proposal-schemas";
import { parseSpreadsheetDate, type SpreadsheetProblem, type TableColumn, type TableRow } from "@/lib/spreadsheets";

/**
 * The yearly assignment list (交办清单) as a spreadsheet: one proposal per row. Pure: turns the
 * rows read by lib/spreadsheets into proposal fields, or into a list of problems naming the row
 * and the column.
 */
export type ImportColumnKey =
  | "year" | "session" | "number" | "kind" | "title" | "proposers" | "receivedOn" | "leadSection" | "assistingSections" | "assignedOn" | "deadline";

export const proposalImportColumns: readonly (TableColumn<ImportColumnKey> & { note: string })[] = [
  { key: "year", header: "年度", required: true, note: "例如 2017" },
  { key: "session", header: "届次会议", aliases: ["会议", "届次"], required: true, note: "例如 市第十六届人民代表大会第一次会议" },
  { key: "number", header: "编号", aliases: ["建议提案编号", "案号"], required: true, note: "例如 第12号" },
  { key: "kind", header: "类别", aliases: ["类型"], required: true, note: "人大代表建议 或 政协提案" },
  { key: "title", header: "标题", aliases: ["案由", "题目"], required: true, note: "建议或提案的标题" },
  { key: "proposers", header: "提出人", aliases: ["代表委员", "领衔人"], required: true, note: "多人用顿号分隔" },
  { key: "receivedOn", header: "收到日期", required: true, note: "例如 2017-03-01" },
  { key: "leadSection", header: "主办科室", aliases: ["主办单位", "主办"], note: "本机关的科室名称；留空为待交办" },
  { key: "assistingSections", header: "协办科室", aliases: ["协办单位", "协办"], note: "多个科室用顿号分隔" },
  { key: "assignedOn", header: "交办日期", note: "留空则同收到日期" },
  { key: "deadline", header: "办理期限", aliases: ["答复期限"], note: "留空则自交办日期起按规定期限计算" },
];

const headerOf = Object.fromEntries(proposalImportColumns.map((column) => [column.key, column.header])) as Record<ImportColumnKey, string>;

const kindNames: Record<string, ProposalKind> = {
  人大代表建议: "suggestion", 人大建议: "suggestion", 代表建议: "suggestion", 建议: "suggestion", suggestion: "suggestion",
  政协提案: "proposal", 政协委员提案: "proposal", 委员提案: "proposal", 提案: "proposal", proposal: "proposal",
};

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
  if (!parsed) problems.push({ row: rowNumber, column: headerOf[column], message: `“${text}”不是有效日期（例如 2017-03-01）。` });
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
    if (values.kind && !kind) rowProblems.push({ row: rowNumber, column: headerOf.kind, message: `“${values.kind}”不是有效类别，请填写“人大代表建议”或“政协提案”。` });
    const sectionId = (name: string, column: ImportColumnKey) => {
      const id = sectionIdsByName.get(name);
      if (id === undefined) rowProblems.push({ row: rowNumber, column: headerOf[column], message: `科室“${name}”不存在。` });
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
        rowProblems.push({ row: rowNumber, column: headerOf.assistingSections, message: "主办科室不能同时作为协办科室。" });
      }
      if (fields.assignedOn && fields.assignedOn < fields.receivedOn) rowProblems.push({ row: rowNumber, column: headerOf.assignedOn, message: "交办日期不能早于收到日期。" });
      if (fields.deadline && fields.deadline < (fields.assignedOn ?? fields.receivedOn)) rowProblems.push({ row: rowNumber, column: headerOf.deadline, message: "办理期限不能早于交办日期。" });
      const key = [fields.year, fields.kind, fields.session, fields.number].join("|");
      const earlier = seen.get(key);
      if (earlier) rowProblems.push({ row: rowNumber, column: headerOf.number, message: `与第 ${earlier} 行重复（同一年度、类别、届次会议和编号）。` });
      else seen.set(key, rowNumber);
      if (!rowProblems.length) parsed.push({ rowNumber, fields });
    }
    problems.push(...rowProblems);
  }
  return { rows: problems.length ? [] : parsed, problems };
}

/** "第 3 行「标题」：请填写标题。" */
export function describeImportProblem(problem: SpreadsheetProblem): string {
  const where = [problem.row ? `第 ${problem.row} 行` : null, problem.column ? `「${problem.column}」` : null].filter(Boolean).join("");
  return where ? `${where}：${problem.message}` : problem.message;
}
