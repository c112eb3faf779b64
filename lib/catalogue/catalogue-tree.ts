import "server-only";
import { findDefaultAgency } from "@/lib/agency/agencies";
import { db } from "@/lib/db";
import { readThroughPublicCache } from "@/lib/public-content/cached";

export type CategoryNode = {
  id: number;
  slug: string;
  name: string;
  kind: "list" | "page";
  parentId: number | null;
  sortOrder: number;
  /** The agency whose own column it is (集约化); null: the platform template every agency inherits. */
  agencyId: number | null;
  children: CategoryNode[];
};

export function buildCategoryTree(rows: Omit<CategoryNode, "children">[]): CategoryNode[] {
  const nodes = new Map(rows.map((row) => [row.id, { ...row, children: [] as CategoryNode[] }]));
  const roots: CategoryNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  // An agency's own columns below the template's (集约化), each group in its order.
  const sort = (list: CategoryNode[]) => {
    list.sort((a, b) => Number(a.agencyId !== null) - Number(b.agencyId !== null) || a.sortOrder - b.sortOrder || a.id - b.id);
    list.forEach((node) => sort(node.children));
  };
  sort(roots);
  return roots;
}

/**
 * Whose catalogue: an agency's (the platform template and its own columns), the default agency's
 * without one (the addresses without an agency serve it), or "all" (every agency's columns: finding
 * any item's category, the site map of every page).
 */
export type CatalogueScope = { agencyId: number } | "all";

async function readCategoryRows(scope: { agencyId: number } | "all"): Promise<Omit<CategoryNode, "children">[]> {
  return db.category.findMany({
    where: scope === "all" ? {} : { OR: [{ agencyId: null }, { agencyId: scope.agencyId }] },
    select: { id: true, slug: true, name: true, kind: true, parentId: true, sortOrder: true, agencyId: true },
  });
}

/** The catalogue tree (public information: no actor needed); the template's columns before an agency's own. */
export async function findCategoryTree(scope?: CatalogueScope): Promise<CategoryNode[]> {
  const resolved = scope ?? { agencyId: (await findDefaultAgency()).id };
  return readThroughPublicCache("category-tree", [resolved === "all" ? "all" : resolved.agencyId], async () =>
    buildCategoryTree(await readCategoryRows(resolved)),
  );
}

export function flattenCategoryTree(tree: CategoryNode[], depth = 0): (CategoryNode & { depth: number })[] {
  return tree.flatMap((node) => [{ ...node, depth }, ...flattenCategoryTree(node.children, depth + 1)]);
}

/** A category of any agency by its slug (slugs are unique on the platform), with the path down to it. */
export async function findCategoryBySlug(slug: string): Promise<(CategoryNode & { path: CategoryNode[] }) | null> {
  const flat = flattenCategoryTree(await findCategoryTree("all"));
  const node = flat.find((candidate) => candidate.slug === slug);
  if (!node) return null;
  const path: CategoryNode[] = [];
  for (let current: CategoryNode | undefined = node; current; current = flat.find((candidate) => candidate.id === current!.parentId)) path.unshift(current);
  return { ...node, path };
}

/** The ids of a category and all categories below it. */
export function collectDescendantIds(node: CategoryNode): number[] {
  return [node.id, ...node.children.flatMap(collectDescendantIds)];
}
