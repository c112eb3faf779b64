import { comparePowerCodes, type PowerEntry } from "./power-entry";

export type PowerEntryField = Exclude<keyof PowerEntry, "code">;

export type ChangedPowerEntry = { code: string; before: PowerEntry; after: PowerEntry; fields: PowerEntryField[] };

export type PowerListDiff = {
  added: PowerEntry[];
  removed: PowerEntry[];
  changed: ChangedPowerEntry[];
  unchanged: number;
};

const comparedFields: readonly PowerEntryField[] = [
  "name",
  "type",
  "status",
  "statusNote",
  "effectiveOn",
  "legalBasis",
  "sectionName",
  "responsibilities",
  "accountability",
];

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * What changed from one version of the power list to another. Entries are matched by code (the
 * code of a power does not change); an entry present in both with any field different is
 * `changed`, with the fields named. Status changes (保留 → 取消) are changes, not removals.
 */
export function diffPowerLists(before: readonly PowerEntry[], after: readonly PowerEntry[]): PowerListDiff {
  const beforeByCode = new Map(before.map((entry) => [entry.code, entry]));
  const afterByCode = new Map(after.map((entry) => [entry.code, entry]));
  const byCode = (a: PowerEntry, b: PowerEntry) => comparePowerCodes(a.code, b.code);
  const added = after.filter((entry) => !beforeByCode.has(entry.code)).sort(byCode);
  const removed = before.filter((entry) => !afterByCode.has(entry.code)).sort(byCode);
  const changed: ChangedPowerEntry[] = [];
  let unchanged = 0;
  for (const entry of [...after].sort(byCode)) {
    const previous = beforeByCode.get(entry.code);
    if (!previous) continue;
    const fields = comparedFields.filter((field) => !sameValue(previous[field], entry[field]));
    if (fields.length) changed.push({ code: entry.code, before: previous, after: entry, fields });
    else unchanged++;
  }
  return { added, removed, changed, unchanged };
}
