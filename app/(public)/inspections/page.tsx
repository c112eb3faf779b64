import Link from "next/link";
import { notFound } from "next/navigation";
import { publicPage } from "@/app/(public)/_lib/public-metadata";
import { Pagination } from "@/components/public/pagination";
import { RegisterBreadcrumb } from "@/components/public/register-breadcrumb";
import { agencyHref, agencyParameter } from "@/lib/agency/agency-address";
import { findPublicAgency } from "@/lib/agency/public-agency";
import { readPositiveInteger } from "@/lib/api/route-params";
import { messages } from "@/lib/i18n";
import { findPublishedInspectionYears, findPublishedInspections } from "@/lib/inspections/public-inspections";

export const dynamic = "force-dynamic";
export const generateMetadata = publicPage(messages.inspections.title, "disclosure");

type Props = { searchParams: Promise<{ year?: string; page?: string; agency?: string | string[] }> };

/** The published inspection tasks of the default agency, or with `?agency=CODE` that agency's (集约化); an unknown code is 404. */
export default async function PublicInspectionsPage({ searchParams }: Props) {
  const query = await searchParams;
  const agency = await findPublicAgency(query.agency);
  if (!agency) notFound();
  const year = readPositiveInteger(query.year ?? null);
  const page = readPositiveInteger(query.page ?? null) ?? 1;
  const [result, years] = await Promise.all([findPublishedInspections({ agencyCode: agency.code, year, page }), findPublishedInspectionYears(agency.code)]);
  const m = messages.inspections;
  const p = m.public;
  return (
    <div>
      <RegisterBreadcrumb agency={agency} steps={[{ label: m.title }]} className="no-print mb-4 text-sm text-gray-700" />
      <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="inspections-title">
        <h1 id="inspections-title" className="text-xl font-bold">
          {m.title}
        </h1>
        <p className="mt-3 text-sm leading-7">{m.publicIntro}</p>
        <form method="get" className="no-print mt-4 flex flex-wrap items-end gap-3 text-sm" aria-label={p.filter}>
          {agency.isDefault ? null : <input type="hidden" name="agency" value={agency.code} />}
          <label className="flex max-w-full min-w-0 flex-col">
            {p.year}
            <select name="year" defaultValue={year ?? ""} className="mt-1 max-w-full rounded border border-gray-400 px-2 py-1">
              <option value="">{p.allYears}</option>
              {years.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="rounded border border-gray-500 bg-white px-3 py-1 hover:bg-gray-100">
            {p.filter}
          </button>
          <span className="ml-auto text-gray-700" data-testid="result-count">
            {p.total(result.total)}
          </span>
        </form>
        {result.items.length ? (
          <ul className="mt-4 divide-y divide-gray-200" data-testid="inspection-list">
            {result.items.map((item) => (
              <li key={item.id} className="py-4">
                <h2 className="text-base font-semibold">
                  <Link href={agencyHref(`/inspections/${item.id}`, agency)}>{item.title}</Link>
                </h2>
                <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm text-gray-800 sm:grid-cols-2">
                  <div className="flex gap-2">
                    <dt className="shrink-0 text-gray-700">{p.period}</dt>
                    <dd>{m.detail.periodValue(item.startOn, item.endOn)}</dd>
                  </div>
                  <div className="flex gap-2">
                    <dt className="shrink-0 text-gray-700">{p.targetCount}</dt>
                    <dd>{p.targetCountValue(item.targetCount)}</dd>
                  </div>
                  <div className="flex gap-2">
                    <dt className="shrink-0 text-gray-700">{p.items}</dt>
                    <dd>{item.items.join("、")}</dd>
                  </div>
                  <div className="flex gap-2">
                    <dt className="shrink-0 text-gray-700">{p.results}</dt>
                    <dd className={item.resultsDeadline.status === "overdue" ? "font-semibold text-red-700" : ""}>
                      {item.resultsPublished
                        ? `${p.resultsPublished}（${m.timeliness[item.resultsDeadline.status]}）`
                        : item.resultsDeadline.status === "overdue"
                          ? p.resultsOverdue(item.resultsDeadline.due)
                          : p.resultsPending(item.resultsDeadline.due)}
                    </dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-4 text-sm text-gray-700">{p.empty}</p>
        )}
        <Pagination
          page={page}
          pageSize={result.pageSize}
          total={result.total}
          basePath="/inspections"
          query={{ year: query.year, agency: agencyParameter(agency) }}
        />
      </section>
    </div>
  );
}
