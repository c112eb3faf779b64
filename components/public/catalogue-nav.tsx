import Link from "next/link";
import { FoldOnPhone } from "@/components/public/fold-on-phone";
import type { CategoryNode } from "@/lib/catalogue/catalogue-tree";
import { messages } from "@/lib/i18n";

/** `query`: what keeps the links on an agency's catalogue (集约化: `?agency=CODE`; empty for the default agency). */
function Branch({ nodes, currentSlug, query }: { nodes: CategoryNode[]; currentSlug?: string; query: string }) {
  return (
    <ul className="space-y-1">
      {nodes.map((node) => (
        <li key={node.id}>
          <Link
            href={`/catalogue/${node.slug}${query}`}
            aria-current={node.slug === currentSlug ? "page" : undefined}
            className="block rounded px-2 py-1 text-sm aria-[current=page]:bg-red-50 aria-[current=page]:font-semibold aria-[current=page]:text-red-900"
          >
            {node.name}
          </Link>
          {node.children.length ? (
            <div className="ml-3 border-l border-gray-200 pl-2">
              <Branch nodes={node.children} currentSlug={currentSlug} query={query} />
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function CatalogueNav({ tree, currentSlug, query = "" }: { tree: CategoryNode[]; currentSlug?: string; query?: string }) {
  return (
    <nav aria-label={messages.publicItems.catalogue} className="no-print rounded border border-gray-300 bg-white p-4">
      <h2 className="mb-2 font-semibold max-sm:sr-only">{messages.publicItems.catalogue}</h2>
      {/* On a phone the menu's twenty links would fill the first screen: they fold behind one button. */}
      <FoldOnPhone summary={messages.publicItems.catalogue}>
        <Branch nodes={tree} currentSlug={currentSlug} query={query} />
        {/* 依申请公开 is not a category of items but belongs in the catalogue a visitor reads: how to ask for what is not published. */}
        <ul className="mt-1 space-y-1" data-testid="catalogue-apply">
          <li>
            <Link href="/apply" className="block rounded px-2 py-1 text-sm">
              {messages.site.apply}
            </Link>
            <div className="ml-3 border-l border-gray-200 pl-2">
              <ul className="space-y-1">
                <li>
                  <Link href="/applications" className="block rounded px-2 py-1 text-sm">
                    {messages.site.applicationStatus}
                  </Link>
                </li>
              </ul>
            </div>
          </li>
        </ul>
      </FoldOnPhone>
    </nav>
  );
}
