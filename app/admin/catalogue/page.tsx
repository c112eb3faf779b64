import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { PageHeader } from "@/components/console/page-header";
import { Panel } from "@/components/console/panel";
import { countAgencies } from "@/lib/agency/agencies";
import { requirePageUser } from "@/lib/auth/page-guard";
import { isPermitted } from "@/lib/auth/permissions";
import { collectDescendantIds, findCategoryTree, flattenCategoryTree, type CategoryNode } from "@/lib/catalogue/catalogue-tree";
import { mayKeepTemplate } from "@/lib/catalogue/manage-catalogue";
import { messages } from "@/lib/i18n";
import { CreateCategoryForm, DeleteCategoryForm, EditCategoryForm, type EditableCategory, type ParentOption } from "./catalogue-forms";

export const metadata: Metadata = { title: messages.catalogueAdmin.title };

const m = messages.catalogueAdmin;

export default async function CatalogueAdminPage() {
  const actor = await requirePageUser();
  if (!isPermitted(actor.role, "catalogue.manage") && !isPermitted(actor.role, "catalogue.manage_template")) forbidden();
  // The tree itself is public information (the site's navigation); the page guard above is what
  // limits this console page, and every change goes through lib/catalogue/manage-catalogue.ts.
  // 集约化: the platform template and the actor's agency's own columns.
  const [tree, template, agencies] = await Promise.all([findCategoryTree({ agencyId: actor.agencyId }), mayKeepTemplate(actor), countAgencies()]);
  const flat = flattenCategoryTree(tree);
  // A template category sits in the template; an agency's own column under the template or its own.
  const parentOptionsFor = (excluded: Set<number>, forTemplate: boolean): ParentOption[] => [
    { value: "", label: m.topLevel },
    ...flat
      .filter((node) => !excluded.has(node.id) && (!forTemplate || node.agencyId === null))
      .map((node) => ({ value: node.id, label: `${"　".repeat(node.depth)}${node.name}` })),
  ];
  const editable = (node: CategoryNode) => (node.agencyId === null ? template : isPermitted(actor.role, "catalogue.manage"));
  return (
    <div className="space-y-6">
      <PageHeader title={m.title} description={agencies > 1 ? `${m.intro}${m.platformIntro}` : m.intro} />
      <Panel id="catalogue-tree" title={m.tree}>
        {tree.length ? (
          <CategoryList nodes={tree} parentOptionsFor={parentOptionsFor} editable={editable} showOwner={agencies > 1} />
        ) : (
          <p className="text-gray-700">{m.empty}</p>
        )}
      </Panel>
      <Panel id="create-category" title={m.create}>
        <CreateCategoryForm parentOptions={parentOptionsFor(new Set(), template)} />
      </Panel>
    </div>
  );
}

function editableFields(node: CategoryNode): EditableCategory {
  return { id: node.id, name: node.name, slug: node.slug, parentId: node.parentId, kind: node.kind, sortOrder: node.sortOrder };
}

function CategoryList({
  nodes,
  parentOptionsFor,
  editable,
  showOwner,
}: {
  nodes: CategoryNode[];
  parentOptionsFor: (excluded: Set<number>, forTemplate: boolean) => ParentOption[];
  editable: (node: CategoryNode) => boolean;
  showOwner: boolean;
}) {
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
                {showOwner ? (
                  <span className={`ml-2 rounded px-2 py-0.5 text-xs ${node.agencyId === null ? "bg-red-50 text-red-900" : "bg-blue-50 text-blue-900"}`}>
                    {node.agencyId === null ? m.templateBadge : m.ownBadge}
                  </span>
                ) : null}
              </div>
              {editable(node) ? <DeleteCategoryForm category={{ id: node.id, name: node.name }} /> : null}
            </div>
            {editable(node) ? (
              <details className="mt-1">
                <summary className="cursor-pointer text-sm text-blue-800">
                  {m.edit}
                  <span className="sr-only">：{node.name}</span>
                </summary>
                {/* A category cannot move under itself or one of its descendants. */}
                <EditCategoryForm
                  category={editableFields(node)}
                  parentOptions={parentOptionsFor(new Set(collectDescendantIds(node)), node.agencyId === null)}
                />
              </details>
            ) : null}
          </div>
          {node.children.length ? (
            <div className="mt-2 border-l-2 border-gray-200 pl-6">
              <CategoryList nodes={node.children} parentOptionsFor={parentOptionsFor} editable={editable} showOwner={showOwner} />
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
