import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { publicMetadata } from "@/app/(public)/_lib/public-metadata";
import { CatalogueNav } from "@/components/public/catalogue-nav";
import { ItemArticle } from "@/components/public/item-article";
import { ItemList } from "@/components/public/item-list";
import { Pagination } from "@/components/public/pagination";
import { agencyQuery, findPublicAgency } from "@/lib/agency/public-agency";
import { readPositiveInteger } from "@/lib/api/route-params";
import { findCategoryBySlug, findCategoryTree } from "@/lib/catalogue/catalogue-tree";
import { registerLinks } from "@/lib/catalogue/register-links";
import { messages } from "@/lib/i18n";
import { listIssuingBodies } from "@/lib/items/issuing-bodies";
import { findCategoryPageItem, findPublicationYears, findPublishedItems } from "@/lib/items/public-items";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string; year?: string; issuingBody?: string; agency?: string }> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const [category, agency] = await Promise.all([findCategoryBySlug((await params).slug), findPublicAgency((await searchParams).agency)]);
  if (!category || !agency) return publicMetadata({ page: messages.errors.notFoundTitle, column: "disclosure" });
  // Another agency's catalogue (集约化) advertises that agency's feeds; the default agency's, the site's.
  const feeds = { category: { slug: category.slug, name: category.name }, agency: agency.isDefault ? undefined : agency };
  return publicMetadata({ page: category.name, column: "disclosure", columnName: category.name }, { feeds });
}

export default async function CategoryPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  // The default agency's catalogue, or with `?agency=CODE` that agency's (集约化): the platform
  // template and the agency's own columns; another agency's own column is not in it.
  const agency = await findPublicAgency(query.agency);
  const category = await findCategoryBySlug(slug);
  if (!agency || !category || (category.agencyId !== null && category.agencyId !== agency.id)) notFound();
  const tree = await findCategoryTree({ agencyId: agency.id });
  const agencySuffix = agencyQuery(agency);
  const m = messages.publicItems;
  const breadcrumb = (
    <nav aria-label={messages.common.breadcrumb} className="mb-4 text-sm text-gray-700">
      <Link href="/">{messages.site.home}</Link>
      {agency.isDefault ? null : (
        <>
          {" "}
          › <Link href="/agencies">{messages.agencies.directory.breadcrumb}</Link> › <Link href={`/agencies/${agency.code}`}>{agency.name}</Link>
        </>
      )}
      {category.path.map((node) => (
        <span key={node.id}>
          {" "}
          › {node.slug === slug ? <span aria-current="page">{node.name}</span> : <Link href={`/catalogue/${node.slug}${agencySuffix}`}>{node.name}</Link>}
        </span>
      ))}
    </nav>
  );
  let content: React.ReactNode;
  if (category.kind === "page") {
    const pageItem = await findCategoryPageItem(category.id, agency.id);
    content = pageItem ? <ItemArticle item={pageItem} /> : <p className="rounded border border-gray-300 bg-white p-6">{m.pageNotPublished}</p>;
  } else {
    const year = readPositiveInteger(query.year ?? null);
    const page = readPositiveInteger(query.page ?? null) ?? 1;
    const [result, years, bodies] = await Promise.all([
      findPublishedItems({ agencyCode: agency.code, categorySlug: slug, year, issuingBody: query.issuingBody || undefined, page }),
      findPublicationYears(),
      listIssuingBodies(),
    ]);
    content = (
      <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="category-title">
        <h1 id="category-title" className="text-xl font-bold">
          {category.name}
        </h1>
        {registerLinks[slug]?.length ? (
          <ul className="mt-3 space-y-2" data-testid="register-links">
            {registerLinks[slug].map((link) => (
              <li key={link.href}>
                <Link href={link.href} className="inline-block rounded border border-red-800 bg-red-50 px-3 py-2 font-medium text-red-900">
                  {link.label} →
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
        <form method="get" className="no-print mt-4 flex flex-wrap items-end gap-3 text-sm" aria-label={m.filter}>
          {agency.isDefault ? null : <input type="hidden" name="agency" value={agency.code} />}
          <label className="flex max-w-full min-w-0 flex-col">
            {m.filterYear}
            <select name="year" defaultValue={year ?? ""} className="mt-1 max-w-full rounded border border-gray-400 px-2 py-1">
              <option value="">{m.allYears}</option>
              {years.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
          </label>
          <label className="flex max-w-full min-w-0 flex-col">
            {m.filterIssuingBody}
            <select name="issuingBody" defaultValue={query.issuingBody ?? ""} className="mt-1 max-w-full rounded border border-gray-400 px-2 py-1">
              <option value="">{m.allIssuingBodies}</option>
              {bodies.map((body) => (
                <option key={body.value} value={body.value}>
                  {body.label}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="rounded border border-gray-500 bg-white px-3 py-1 hover:bg-gray-100">
            {m.filter}
          </button>
          <span className="ml-auto text-gray-700" data-testid="result-count">
            {m.total(result?.total ?? 0)}
          </span>
        </form>
        <ItemList items={result?.items ?? []} emptyText={m.empty} showCategory={category.children.length > 0} />
        <Pagination
          page={page}
          pageSize={result?.pageSize ?? 20}
          total={result?.total ?? 0}
          basePath={`/catalogue/${slug}`}
          query={{ year: query.year, issuingBody: query.issuingBody, agency: agency.isDefault ? undefined : agency.code }}
        />
      </section>
    );
  }
  return (
    <div className="grid gap-6 md:grid-cols-4">
      <aside className="md:col-span-1">
        <CatalogueNav tree={tree} currentSlug={slug} query={agencySuffix} />
      </aside>
      <div className="min-w-0 md:col-span-3">
        {breadcrumb}
        {content}
      </div>
    </div>
  );
}
