import Link from "next/link";
import { publicHomeMetadata } from "@/app/(public)/_lib/public-metadata";
import { CatalogueNav } from "@/components/public/catalogue-nav";
import { ItemList } from "@/components/public/item-list";
import { SearchBox } from "@/components/public/search-box";
import { findLeadingGroup } from "@/lib/agency/find-agency";
import { findCategoryTree } from "@/lib/catalogue/catalogue-tree";
import { messages } from "@/lib/i18n";
import { findPublishedItems } from "@/lib/items/public-items";

export const dynamic = "force-dynamic";

export const generateMetadata = () => publicHomeMetadata({ page: messages.site.home, column: "disclosure" });

export default async function HomePage() {
  const [group, tree, latest] = await Promise.all([findLeadingGroup(), findCategoryTree(), findPublishedItems({ page: 1, pageSize: 12 })]);
  const m = messages.home;
  const statutory = tree.find((node) => node.slug === "statutory");
  return (
    <div className="space-y-6">
      <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="welcome">
        <h1 id="welcome" className="text-xl font-bold">
          {m.welcomeTitle}
        </h1>
        <p className="mt-2 leading-7">{m.welcomeText}</p>
        <div className="mt-4 max-w-xl">
          <SearchBox />
        </div>
      </section>
      <section aria-labelledby="entry-points">
        <h2 id="entry-points" className="sr-only">
          {m.catalogueTitle}
        </h2>
        <ul className="grid grid-cols-2 gap-3 md:grid-cols-4">
          {tree.map((node) => (
            <li key={node.id}>
              <Link
                href={`/catalogue/${node.slug}`}
                className="block h-full rounded border border-red-800 bg-white px-4 py-4 text-center font-semibold text-red-900 hover:bg-red-50"
              >
                {node.name}
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <div className="grid gap-6 md:grid-cols-3">
        <section className="rounded border border-gray-300 bg-white p-6 md:col-span-2" aria-labelledby="latest">
          <div className="flex items-baseline justify-between">
            <h2 id="latest" className="text-lg font-semibold">
              {m.latestTitle}
            </h2>
            <Link href="/catalogue/statutory" className="text-sm">
              {messages.publicItems.more}
            </Link>
          </div>
          <ItemList items={latest?.items ?? []} emptyText={m.noItems} showCategory />
        </section>
        <div className="space-y-6">
          {statutory ? <CatalogueNav tree={[statutory]} /> : null}
          <section className="rounded border border-gray-300 bg-white p-4" aria-labelledby="leading-group">
            <h2 id="leading-group" className="mb-2 font-semibold">
              {m.leadingGroup}
            </h2>
            <ul className="space-y-1 text-sm">
              {group.map((member) => (
                <li key={member.name}>
                  {member.groupRole}：{member.name}（{member.position}）
                </li>
              ))}
            </ul>
          </section>
        </div>
      </div>
    </div>
  );
}
