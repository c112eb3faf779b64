import { defaultCatalogue, type DefaultCategory } from "@/lib/catalogue/default-catalogue";
import { db } from "@/lib/db";
import { demoAgency } from "./agency";

async function insertCategories(nodes: DefaultCategory[], parentId: number | null): Promise<void> {
  for (const [index, node] of nodes.entries()) {
    const category = await db.category.create({ data: { slug: node.slug, name: node.name, kind: node.kind ?? "list", sortOrder: (index + 1) * 10, parentId } });
    await insertCategories(node.children ?? [], category.id);
  }
}

/**
 * Data every installation needs, inserted only where missing so it is safe on every start.
 * The agency details are the demo customer's until an administrator edits them.
 */
export async function seedBaseData(): Promise<void> {
  if ((await db.agency.count()) === 0) await db.agency.create({ data: { ...demoAgency, isDefault: true } });
  if ((await db.category.count()) === 0) await insertCategories(defaultCatalogue, null);
}
