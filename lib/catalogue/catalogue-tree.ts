import "server-only";
import { db } from "@/lib/db";
import { readThroughPublicCache } from "@/lib/public-content/cached";

export type CategoryNode = {
  id: number;
  slug: string;
  name: string;
  kind: "list" | "page";
  parentId: number | null;
  sortOrder: number;
  children: CategoryNode[];
};

export function buildCategoryTree(rows: Omit<CategoryNode, "children">[]): CategoryNode[] {
  const nodes = new Map(rows.map((row) => [row.id, { ...row, children: [] as CategoryNode[] }]));
  const roots: CategoryNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: CategoryNode[]) => {
    list.sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
    list.forEach((node) => sort(node.children));
  };
  sort(roots);
  return roots;
}

async function readCategoryRows(): Promise<Omit<CategoryNode, "children">[]> {
  return db.category.findMany({ select: { id: true, slug: true, name: true, kind: true, parentId: true, sortOrder: true } });
}

/** The catalogue tree (public information: no actor needed). */
export async function findCategoryTree(): Promise<CategoryNode[]> {
  return readThroughPublicCache("category-tree", [], async () => buildCategoryTree(await readCategoryRows()));
}

export function flattenCategoryTree(tree: CategoryNode[], depth = 0): (CategoryNode & { depth: number })[] {
  return tree.flatMap((node) => [{ ...node, depth }, ...flattenCategoryTree(node.children, depth + 1)]);
}

export async function findCategoryBySlug(slug: string): Promise<(CategoryNode & { path: CategoryNode[] }) | null> {
  const flat = flattenCategoryTree(await findCategoryTree());
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
