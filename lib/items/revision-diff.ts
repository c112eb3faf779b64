import { diffChars, diffLines } from "diff";
import type { RevisionContentView } from "@/lib/items/console-items";

export type DiffPart = { value: string; added?: boolean; removed?: boolean };
export type FieldChange = { field: keyof RevisionContentView | "attachments"; before: string; after: string };
export type RevisionDiff = { fields: FieldChange[]; title: DiffPart[]; body: DiffPart[] };

const comparedFields: (keyof RevisionContentView)[] = [
  "categoryName",
  "issuingBody",
  "documentNumber",
  "writtenAt",
  "formedAt",
  "validity",
  "validityDate",
  "replacedByItemId",
  "interpretedItemId",
  "channels",
  "keywords",
];

function display(value: unknown): string {
  if (Array.isArray(value)) return value.join("、");
  return value == null ? "" : String(value);
}

/**
 * What changed between two revisions: metadata fields side by side, the title by character and the
 * body text by line, then by character within changed lines (Chinese has no spaces between words).
 */
export function diffRevisions(before: RevisionContentView, after: RevisionContentView): RevisionDiff {
  const fields: FieldChange[] = comparedFields
    .filter((field) => display(before[field]) !== display(after[field]))
    .map((field) => ({ field, before: display(before[field]), after: display(after[field]) }));
  const attachmentsBefore = before.attachments.map((attachment) => attachment.name).join("、");
  const attachmentsAfter = after.attachments.map((attachment) => attachment.name).join("、");
  if (attachmentsBefore !== attachmentsAfter) fields.push({ field: "attachments", before: attachmentsBefore, after: attachmentsAfter });
  const lineParts = diffLines(before.bodyText + "\n", after.bodyText + "\n");
  const body: DiffPart[] = [];
  for (let index = 0; index < lineParts.length; index++) {
    const part = lineParts[index];
    const next = lineParts[index + 1];
    if (part.removed && next?.added) {
      body.push(...diffChars(part.value, next.value).map(({ value, added, removed }) => ({ value, added, removed })));
      index++;
    } else body.push({ value: part.value, added: part.added, removed: part.removed });
  }
  return { fields, title: diffChars(before.title, after.title).map(({ value, added, removed }) => ({ value, added, removed })), body };
}
