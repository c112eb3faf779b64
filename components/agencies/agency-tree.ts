type TreeNode = { code: string; parentCode: string | null };

/**
 * The agencies in tree order (each after its parent, siblings in the order given), with their depth.
 * An agency whose parent is not in the list stands at the root; a loop cannot hide an agency.
 */
export function orderAsTree<T extends TreeNode>(agencies: readonly T[]): (T & { depth: number })[] {
  const codes = new Set(agencies.map((agency) => agency.code));
  const children = new Map<string | null, T[]>();
  for (const agency of agencies) {
    const parent = agency.parentCode && codes.has(agency.parentCode) && agency.parentCode !== agency.code ? agency.parentCode : null;
    children.set(parent, [...(children.get(parent) ?? []), agency]);
  }
  const ordered: (T & { depth: number })[] = [];
  const placed = new Set<string>();
  const visit = (agency: T, depth: number) => {
    if (placed.has(agency.code)) return;
    placed.add(agency.code);
    ordered.push({ ...agency, depth });
    for (const child of children.get(agency.code) ?? []) visit(child, depth + 1);
  };
  for (const root of children.get(null) ?? []) visit(root, 0);
  // Agencies caught in a loop have no path from the root: still listed, at the end.
  for (const agency of agencies) visit(agency, 0);
  return ordered;
}

/** The codes of an agency and of every agency below it (none of them can be its parent). */
export function codesAtAndBelow(agencies: readonly TreeNode[], code: string): Set<string> {
  const found = new Set([code]);
  for (let grew = true; grew;) {
    grew = false;
    for (const agency of agencies) {
      if (agency.parentCode && found.has(agency.parentCode) && !found.has(agency.code)) {
        found.add(agency.code);
        grew = true;
      }
    }
  }
  return found;
}
