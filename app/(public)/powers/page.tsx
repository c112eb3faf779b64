import Link from "next/link";
import { notFound } from "next/navigation";
import { publicPage } from "@/app/(public)/_lib/public-metadata";
import { Pagination } from "@/components/public/pagination";
import { PrintButton } from "@/components/public/print-button";
import { RegisterBreadcrumb } from "@/components/public/register-breadcrumb";
import { agencyHref, agencyParameter } from "@/lib/agency/agency-address";
import { findPublicAgency } from "@/lib/agency/public-agency";
import { readPositiveInteger } from "@/lib/api/route-params";
import { messages } from "@/lib/i18n";
import { isPowerStatus, isPowerType, powerStatuses, powerStatusesInForce, powerTypes } from "@/lib/powers/power-entry";
import { findPublicPowerList, listPublicPowerListYears } from "@/lib/powers/public-powers";
import { PowerEntryRow } from "./power-entry-row";

export const dynamic = "force-dynamic";

const m = messages.registers;

export const generateMetadata = publicPage(m.powers.title, "disclosure");

type Props = { searchParams: Promise<{ year?: string; type?: string; status?: string; q?: string; page?: string; agency?: string | string[] }> };

/** The power list of the default agency, or with `?agency=CODE` that agency's (集约化); an unknown code is 404. */
export default async function PowersPage({ searchParams }: Props) {
  const query = await searchParams;
  const agency = await findPublicAgency(query.agency);
  if (!agency) notFound();
  const year = readPositiveInteger(query.year ?? null);
  const type = isPowerType(query.type) ? query.type : undefined;
  const status = isPowerStatus(query.status) ? query.status : undefined;
  const page = readPositiveInteger(query.page ?? null) ?? 1;
  const q = query.q?.trim().slice(0, 100) || undefined;
  const [list, years] = await Promise.all([
    findPublicPowerList({ agencyCode: agency.code, year, type, status, q, page }),
    listPublicPowerListYears(agency.code),
  ]);
  if (!list) notFound();
  const p = m.powers;
  const heading = year ? p.yearList(year) : `${p.title}（${p.current}）`;
  const tabClass = "rounded border border-gray-400 px-3 py-1 aria-[current=page]:border-red-800 aria-[current=page]:bg-red-800 aria-[current=page]:text-white";
  return (
    <div className="space-y-4">
      <RegisterBreadcrumb agency={agency} steps={[{ label: p.title }]} className="text-sm text-gray-700" />
      <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="powers-title">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h1 id="powers-title" className="text-xl font-bold">
            {heading}
          </h1>
          <div className="no-print">
            <PrintButton label={messages.registers.common.print} />
          </div>
        </div>
        <p className="mt-2 text-sm leading-6 text-gray-800">{p.publicIntro}</p>
        {list.year ? (
          <p className="mt-1 text-sm text-gray-700">
            {p.yearPublishedAt(list.publishedAt!)}
            {list.note ? `　${list.note}` : ""}
          </p>
        ) : null}
        <nav aria-label={p.years} className="no-print mt-4 flex flex-wrap items-center gap-2 text-sm">
          <Link href={agencyHref("/powers", agency)} aria-current={year ? undefined : "page"} className={tabClass}>
            {p.current}
          </Link>
          {years.map((option) => (
            <Link key={option} href={agencyHref(`/powers?year=${option}`, agency)} aria-current={year === option ? "page" : undefined} className={tabClass}>
              {p.yearList(option)}
            </Link>
          ))}
          {years.length >= 2 ? (
            <Link href={agencyHref(`/powers/changes?from=${years[1]}&to=${years[0]}`, agency)} className="ml-2 underline">
              {p.compare}
            </Link>
          ) : null}
        </nav>
        <form key={JSON.stringify(query)} method="get" className="no-print mt-4 flex flex-wrap items-end gap-3 text-sm" aria-label={p.filter}>
          {year ? <input type="hidden" name="year" value={year} /> : null}
          {agency.isDefault ? null : <input type="hidden" name="agency" value={agency.code} />}
          <label className="flex max-w-full min-w-0 flex-col">
            {p.filterType}
            <select name="type" defaultValue={type ?? ""} className="mt-1 max-w-full rounded border border-gray-400 bg-white px-2 py-1">
              <option value="">{p.allTypes}</option>
              {powerTypes.map((value) => (
                <option key={value} value={value}>
                  {m.powerTypes[value]}
                </option>
              ))}
            </select>
          </label>
          <label className="flex max-w-full min-w-0 flex-col">
            {p.filterStatus}
            <select name="status" defaultValue={status ?? ""} className="mt-1 max-w-full rounded border border-gray-400 bg-white px-2 py-1">
              <option value="">{p.allStatuses}</option>
              {(year ? powerStatuses : powerStatusesInForce).map((value) => (
                <option key={value} value={value}>
                  {m.powerStatuses[value]}
                </option>
              ))}
            </select>
          </label>
          <label className="flex max-w-full min-w-0 flex-col">
            {p.search}
            <input name="q" type="search" defaultValue={q} maxLength={100} className="mt-1 rounded border border-gray-400 px-2 py-1" />
          </label>
          <button type="submit" className="rounded border border-gray-500 bg-white px-3 py-1 hover:bg-gray-100">
            {p.filter}
          </button>
          <span className="ml-auto text-gray-700" data-testid="result-count">
            {p.total(list.total)}（{p.retainedCount(list.retained)}）
          </span>
        </form>
        <div className="mt-4 overflow-x-auto">
          <table className="stack-table w-full text-left text-sm">
            <caption className="sr-only">{heading}</caption>
            <thead className="bg-gray-100">
              <tr>
                {[p.columns.code, p.columns.name, p.columns.type, p.columns.section, p.columns.status].map((label) => (
                  <th key={label} scope="col" className="px-3 py-2">
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {list.items.map((entry) => (
                <PowerEntryRow key={entry.code} entry={entry} agency={agency} />
              ))}
            </tbody>
          </table>
          {list.items.length === 0 ? <p className="p-4 text-gray-700">{p.empty}</p> : null}
        </div>
        <Pagination
          page={page}
          pageSize={list.pageSize}
          total={list.total}
          basePath="/powers"
          query={{ year: query.year, type, status, q, agency: agencyParameter(agency) }}
        />
      </section>
    </div>
  );
}
