import type { Metadata } from "next";
import { PageHeader } from "@/components/console/page-header";
import { Panel } from "@/components/console/panel";
import { requirePageUser } from "@/lib/auth/page-guard";
import { collectDescendantIds, findCategoryTree, flattenCategoryTree, type CategoryNode } from "@/lib/catalogue/catalogue-tree";
import { messages } from "@/lib/i18n";
import { CreateCategoryForm, DeleteCategoryForm, EditCategoryForm, type EditableCategory, type ParentOption } from "./catalogue-forms";

export const metadata: Metadata = { title: messages.catalogueAdmin.title };

const m = messages.catalogueAdmin;

export default async function CatalogueAdminPage() {
  await requirePageUser("catalogue.manage");
  // The tree itself is public information (the site's navigation); the page guard above is what
  // limits this console page, and every change goes through lib/catalogue/manage-catalogue.ts.
  const tree = await findCategoryTree();
  const flat = flattenCategoryTree(tree);
  const parentOptionsFor = (excluded: Set<number>): ParentOption[] => [
    { value: "", label: m.topLevel },
    ...flat.filter((node) => !excluded.has(node.id)).map((node) => ({ value: node.id, label: `${"　".repeat(node.depth)}${node.name}` })),
  ];
  return (
    <div className="space-y-6">
      <PageHeader title={m.title} description={m.intro} />
      <Panel id="catalogue-tree" title={m.tree}>
        {tree.length ? <CategoryList nodes={tree} parentOptionsFor={parentOptionsFor} /> : <p className="text-gray-700">{m.empty}</p>}
      </Panel>
      <Panel id="create-category" title={m.create}>
        <CreateCategoryForm parentOptions={parentOptionsFor(new Set())} />
      </Panel>
    </div>
  );
}

function editableFields(node: CategoryNode): EditableCategory {
  return { id: node.id, name: node.name, slug: node.slug, parentId: node.parentId, kind: node.kind, sortOrder: node.sortOrder };
}

function CategoryList({ nodes, parentOptionsFor }: { nodes: CategoryNode[]; parentOptionsFor: (excluded: Set<number>) => ParentOption[] }) {
  return (
    <ul className="space-y-2">
      {nodes.map((node) => (
        <li key={node.id} data-testid={`category-${node.slug}`}>
          <div className="rounded border border-gray-200 px-3 py-2">
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div>
                <span className="font-medium">{node.name}</span>
                <span className="ml-2 font-mono text-xs text-gray-700">{node.slug}</span>
                <span className="ml-2 rounded bg-gray-100 px-2 py-0.5 text-xs text-gray-800">{m.kinds[node.kind]}</span>
                <span className="ml-2 text-xs text-gray-700">
                  {m.sortOrder}：{node.sortOrder}
                </span>
              </div>
              <DeleteCategoryForm category={{ id: node.id, name: node.name }} />
            </div>
            <details className="mt-1">
              <summary className="cursor-pointer text-sm text-blue-800">
                {m.edit}
                <span className="sr-only">：{node.name}</span>
              </summary>
              {/* A category cannot move under itself or one of its descendants. */}
              <EditCategoryForm category={editableFields(node)} parentOptions={parentOptionsFor(new Set(collectDescendantIds(node)))} />
            </details>
          </div>
          {node.children.length ? (
            <div className="mt-2 border-l-2 border-gray-200 pl-6">
              <CategoryList nodes={node.children} parentOptionsFor={parentOptionsFor} />
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
