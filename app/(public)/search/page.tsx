import type { Metadata } from "next";
import { ItemList } from "@/components/public/item-list";
import { Pagination } from "@/components/public/pagination";
import { SearchBox } from "@/components/public/search-box";
import { readPositiveInteger } from "@/lib/api/route-params";
import { messages } from "@/lib/i18n";
import { searchPublishedItems } from "@/lib/search/search-published-items";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: messages.publicItems.searchButton };

export default async function SearchPage({ searchParams }: { searchParams: Promise<{ q?: string; page?: string }> }) {
  const { q = "", page: rawPage } = await searchParams;
  const query = q.slice(0, 100);
  const page = readPositiveInteger(rawPage ?? null) ?? 1;
  const result = query.trim() ? await searchPublishedItems(query, page) : null;
  const m = messages.publicItems;
  return (
    <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="search-title">
      <h1 id="search-title" className="mb-4 text-xl font-bold">{m.searchLabel}</h1>
      <SearchBox defaultValue={query} />
      {result ? (
        <>
          <p className="mt-4 text-sm text-gray-700" data-testid="result-count">{m.searchResults(query, result.total)}</p>
          <ItemList items={result.items} emptyText={m.searchEmpty} showCategory />
          <Pagination page={page} pageSize={result.pageSize} total={result.total} basePath="/search" query={{ q: query }} />
        </>
      ) : null}
    </section>
  );
}
