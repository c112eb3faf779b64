import type { Metadata } from "next";
import Link from "next/link";
import { publicPage } from "@/app/(public)/_lib/public-metadata";
import { FoldOnPhone } from "@/components/public/fold-on-phone";
import { Pagination } from "@/components/public/pagination";
import { findCategoryTree, flattenCategoryTree } from "@/lib/catalogue/catalogue-tree";
import { ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { listIssuingBodies } from "@/lib/items/issuing-bodies";
import { findPublicationYears } from "@/lib/items/public-items";
import { MAX_QUERY_LENGTH } from "@/lib/search/query";
import { searchPublicContent, type PublicSearchPage } from "@/lib/search/search-public";
import type { TextSegment } from "@/lib/search/snippet";
import { SEARCH_DOCUMENT_TYPES } from "@/lib/search/types";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { ...(await publicPage(messages.search.title, "disclosure")()), robots: { index: false, follow: true } };
}

type Params = { q?: string; type?: string; category?: string; year?: string; issuingBody?: string; validity?: string; sort?: string; page?: string };

function Highlighted({ segments }: { segments: TextSegment[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.hit ? (
          <mark key={index} className="bg-yellow-200 px-0.5 text-gray-900">
            {segment.text}
          </mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </>
  );
}

const selectClass = "mt-1 max-w-full rounded border border-gray-500 bg-white px-2 py-1 text-gray-900";

export default async function SearchPage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const m = messages.search;
  const q = (params.q ?? "").slice(0, MAX_QUERY_LENGTH);
  const [tree, years, bodies] = await Promise.all([findCategoryTree(), findPublicationYears(), listIssuingBodies()]);
  const categories = flattenCategoryTree(tree).filter((node) => node.kind === "list" || node.children.length);

  let result: PublicSearchPage | null = null;
  let errors: Record<string, string[]> | null = null;
  if (q.trim()) {
    try {
      result = await searchPublicContent({ ...params, q });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      errors = error.fields;
    }
  }
  const keep = {
    q,
    type: params.type,
    category: params.category,
    year: params.year,
    issuingBody: params.issuingBody,
    validity: params.validity,
    sort: params.sort,
  };
  const errorList = errors ? Object.values(errors).flat() : [];
  const filtered = Boolean(params.type || params.category || params.year || params.issuingBody || params.validity || errorList.length);

  return (
    <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="search-title">
      <h1 id="search-title" className="mb-4 text-xl font-bold">
        {m.title}
      </h1>
      <form action="/search" method="get" role="search" className="no-print space-y-3" aria-describedby="search-hint">
        <div className="flex gap-2">
          <label htmlFor="search-q" className="sr-only">
            {m.queryLabel}
          </label>
          <input
            id="search-q"
            name="q"
            type="search"
            defaultValue={q}
            placeholder={m.placeholder}
            maxLength={MAX_QUERY_LENGTH}
            aria-invalid={errors?.q ? true : undefined}
            aria-describedby={errors ? "search-errors" : undefined}
            className="min-w-0 flex-1 rounded border border-gray-500 bg-white px-3 py-2 text-base text-gray-900 placeholder:text-gray-600"
          />
          <button type="submit" className="rounded bg-red-800 px-4 py-2 text-white hover:bg-red-900">
            {m.submit}
          </button>
        </div>
        <p id="search-hint" className="text-sm text-gray-700">
          {m.hint}
        </p>
        <FoldOnPhone summary={m.filters} open={filtered}>
          <fieldset className="flex flex-wrap items-end gap-3 text-sm max-sm:mt-3">
            <legend className="sr-only">{m.filters}</legend>
            <label className="flex max-w-full min-w-0 flex-col">
              {m.filterType}
              <select name="type" defaultValue={params.type ?? ""} className={selectClass}>
                <option value="">{m.allTypes}</option>
                {SEARCH_DOCUMENT_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {m.types[type]}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex max-w-full min-w-0 flex-col">
              {m.filterCategory}
              <select name="category" defaultValue={params.category ?? ""} className={selectClass}>
                <option value="">{m.allCategories}</option>
                {categories.map((node) => (
                  <option key={node.id} value={node.slug}>{`${"　".repeat(node.depth)}${node.name}`}</option>
                ))}
              </select>
            </label>
            <label className="flex max-w-full min-w-0 flex-col">
              {m.filterYear}
              <select name="year" defaultValue={params.year ?? ""} className={selectClass}>
                <option value="">{m.allYears}</option>
                {years.map((year) => (
                  <option key={year} value={year}>
                    {year}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex max-w-full min-w-0 flex-col">
              {m.filterIssuingBody}
              <select name="issuingBody" defaultValue={params.issuingBody ?? ""} className={selectClass}>
                <option value="">{m.allIssuingBodies}</option>
                {bodies.map((body) => (
                  <option key={body.value} value={body.value}>
                    {body.label}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex max-w-full min-w-0 flex-col">
              {m.filterValidity}
              <select name="validity" defaultValue={params.validity ?? ""} className={selectClass}>
                <option value="">{m.allValidity}</option>
                {Object.entries(messages.validity).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex max-w-full min-w-0 flex-col">
              {m.sort}
              <select name="sort" defaultValue={params.sort ?? "relevance"} className={selectClass}>
                <option value="relevance">{m.sortRelevance}</option>
                <option value="date">{m.sortDate}</option>
              </select>
            </label>
            <button type="submit" className="rounded border border-gray-600 bg-white px-3 py-1 text-gray-900 hover:bg-gray-100">
              {m.apply}
            </button>
          </fieldset>
        </FoldOnPhone>
      </form>

      {errorList.length ? (
        <ul id="search-errors" className="mt-4 rounded border border-red-700 bg-red-50 p-3 text-sm text-red-900" data-testid="search-errors">
          {errorList.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}

      {!q.trim() ? (
        <div className="mt-6 text-gray-700" data-testid="search-prompt">
          <h2 className="font-semibold text-gray-900">{m.promptTitle}</h2>
          <p className="mt-1">{m.prompt}</p>
        </div>
      ) : null}

      {result ? (
        <>
          <p className="mt-6 text-sm text-gray-700" data-testid="result-count" aria-live="polite">
            {m.resultCount(result.query, result.total, result.totalIsEstimate)}
          </p>
          {result.results.length ? (
            <ol className="mt-2 divide-y divide-gray-200" data-testid="search-results" start={(result.page - 1) * result.pageSize + 1}>
              {result.results.map((entry) => (
                <li key={`${entry.type}-${entry.id}`} className="py-4">
                  <h2 className="text-base font-semibold">
                    <span className="mr-2 rounded border border-gray-400 px-1 text-xs font-normal text-gray-700">{m.types[entry.type]}</span>
                    <Link href={entry.url}>
                      <Highlighted segments={entry.titleSegments} />
                    </Link>
                  </h2>
                  {entry.snippetSegments.length ? (
                    <p className="mt-1 text-sm leading-6 text-gray-800" data-testid="snippet">
                      <Highlighted segments={entry.snippetSegments} />
                    </p>
                  ) : null}
                  <p className="mt-1 flex flex-wrap gap-x-4 text-xs text-gray-700">
                    <span>
                      {m.publishedOn}：<time dateTime={entry.publishedAt}>{entry.publishedAt}</time>
                    </span>
                    {entry.category ? <span>{entry.category.name}</span> : null}
                    {entry.issuingBody ? <span>{entry.issuingBody}</span> : null}
                    {entry.validity && entry.validity in messages.validity ? (
                      <span>
                        {messages.search.filterValidity}：{messages.validity[entry.validity as keyof typeof messages.validity]}
                      </span>
                    ) : null}
                  </p>
                </li>
              ))}
            </ol>
          ) : result.total === 0 ? (
            <div className="mt-4 rounded border border-gray-300 bg-gray-50 p-4" data-testid="search-empty">
              <h2 className="font-semibold">{m.emptyTitle}</h2>
              <ul className="mt-2 list-disc space-y-1 pl-6 text-sm text-gray-800">
                {m.emptyTips.map((tip) => (
                  <li key={tip}>{tip}</li>
                ))}
              </ul>
              <p className="mt-3 text-sm">
                <Link href="/catalogue/statutory">{m.emptyBrowse}</Link>
              </p>
            </div>
          ) : null}
          {result.page * result.pageSize >= result.resultWindow && result.total > result.resultWindow ? (
            <p className="mt-3 text-sm text-gray-700">{m.windowNote(result.resultWindow)}</p>
          ) : null}
          <Pagination page={result.page} pageSize={result.pageSize} total={Math.min(result.total, result.resultWindow)} basePath="/search" query={keep} />
        </>
      ) : null}
    </section>
  );
}
