import Link from "next/link";
import { publicPage } from "@/app/(public)/_lib/public-metadata";
import { hrefWith } from "@/components/console/table-links";
import { Pagination } from "@/components/public/pagination";
import { findAgencyDirectory, QUERY_MAX_LENGTH, type AgencyDirectory, type DirectoryGroup } from "@/lib/agency/agency-directory";
import { readPositiveInteger } from "@/lib/api/route-params";
import { messages } from "@/lib/i18n";

export const dynamic = "force-dynamic";
export const generateMetadata = publicPage(messages.agencies.publicNav);

const m = messages.agencies;

type Props = { searchParams: Promise<{ q?: string | string[]; kind?: string | string[]; page?: string | string[] }> };

/**
 * 机关导航: the platform's agencies (集约化) by kind — 本级政府, 政府办公室, 部门, 乡镇（街道） — each
 * name leading to its 政府信息公开 column. Light at hundreds of agencies: each kind shows its count and
 * its first names, `?kind=` the whole kind page by page, `?q=` filters by name (a GET form, no JS).
 */
export default async function AgencyDirectoryPage({ searchParams }: Props) {
  const query = await searchParams;
  const page = readPositiveInteger(typeof query.page === "string" ? query.page : null) ?? 1;
  const directory = await findAgencyDirectory({ q: query.q, kind: query.kind, page });
  const { q, kind } = directory;
  return (
    <div className="space-y-6">
      <nav aria-label={messages.common.breadcrumb} className="text-sm text-gray-700">
        <Link href="/">{messages.site.home}</Link> ›{" "}
        {kind ? (
          <>
            <Link href="/agencies">{m.directory.breadcrumb}</Link> › <span aria-current="page">{m.kinds[kind]}</span>
          </>
        ) : (
          <span aria-current="page">{m.directory.breadcrumb}</span>
        )}
      </nav>
      <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="directory-title">
        <h1 id="directory-title" className="text-xl font-bold">
          {m.directory.title}
        </h1>
        <p className="mt-2 leading-7">{m.directory.intro}</p>
        <form method="get" action="/agencies" role="search" aria-label={m.directory.filter} className="no-print mt-4 flex flex-wrap items-end gap-3 text-sm">
          {kind ? <input type="hidden" name="kind" value={kind} /> : null}
          <label className="flex max-w-full min-w-0 flex-col">
            {m.directory.filterName}
            <input name="q" type="search" defaultValue={q} maxLength={QUERY_MAX_LENGTH} className="mt-1 rounded border border-gray-400 px-2 py-1" />
          </label>
          <button type="submit" className="rounded border border-gray-500 bg-white px-3 py-1 hover:bg-gray-100">
            {m.directory.filterSubmit}
          </button>
          {q ? null : (
            <span className="ml-auto text-gray-700" data-testid="agency-count">
              {m.directory.agencyCount(directory.total)}
            </span>
          )}
        </form>
        {q ? (
          <p className="mt-3 text-sm" data-testid="agency-filter-result">
            {directory.total ? m.directory.matches(q, directory.total) : m.directory.noMatch(q)}{" "}
            <Link href={hrefWith("/agencies", { kind })}>{m.directory.filterClear}</Link>
          </p>
        ) : null}
      </section>
      {directory.total || q ? null : <p className="rounded border border-gray-300 bg-white p-6 text-gray-700">{m.directory.empty}</p>}
      {directory.groups.map((group) => (
        <KindSection key={group.kind} group={group} directory={directory} />
      ))}
      {kind ? (
        <p className="text-sm">
          <Link href={hrefWith("/agencies", { q })}>‹ {m.directory.backToAll}</Link>
        </p>
      ) : null}
    </div>
  );
}

/** One kind's agencies: its count, its names (a preview on the overview, one page of the kind with `kind=`). */
function KindSection({ group, directory }: { group: DirectoryGroup; directory: AgencyDirectory }) {
  const { q, kind } = directory;
  const more = !kind && group.total > group.agencies.length;
  return (
    <section className="rounded border border-gray-300 bg-white" aria-labelledby={`agencies-${group.kind}`} data-testid={`agency-group-${group.kind}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2 border-b-2 border-red-800 px-6 py-3">
        <h2 id={`agencies-${group.kind}`} className="text-lg font-semibold text-red-900">
          {m.directoryGroups[group.kind]}
        </h2>
        <span className="text-sm text-gray-700" data-testid="agency-kind-count">
          {m.directory.kindCount(group.total)}
        </span>
      </div>
      {/* The links' look is set once here: a long list sends each name with its address only. */}
      <ul className="grid gap-3 p-6 sm:grid-cols-2 lg:grid-cols-3 [&_a]:flex [&_a]:h-full [&_a]:items-center [&_a]:rounded [&_a]:border [&_a]:border-l-4 [&_a]:border-gray-300 [&_a]:border-l-red-800 [&_a]:px-4 [&_a]:py-3 [&_a]:leading-6 [&_a]:text-gray-900 [&_a:hover]:border-red-800 [&_a:hover]:bg-red-50 [&_a:hover]:text-red-900 [&_a:hover]:no-underline">
        {group.agencies.map((agency) => (
          <li key={agency.code}>
            <Link href={`/agencies/${agency.code}`} prefetch={false}>
              {agency.name}
            </Link>
          </li>
        ))}
      </ul>
      {more ? (
        <p className="px-6 pb-5 text-right">
          <Link href={hrefWith("/agencies", { q, kind: group.kind })} className="font-medium text-red-900">
            {m.directory.showAll(group.total, m.kinds[group.kind])} ›
          </Link>
        </p>
      ) : null}
      {kind ? (
        <div className="px-6 pb-5">
          <Pagination page={directory.page} pageSize={directory.pageSize} total={group.total} basePath="/agencies" query={{ q, kind }} />
        </div>
      ) : null}
    </section>
  );
}
