import Link from "next/link";
import { notFound } from "next/navigation";
import { publicPage } from "@/app/(public)/_lib/public-metadata";
import { Pagination } from "@/components/public/pagination";
import { RegisterBreadcrumb } from "@/components/public/register-breadcrumb";
import { agencyHref, agencyParameter } from "@/lib/agency/agency-address";
import { findPublicAgency } from "@/lib/agency/public-agency";
import { readPositiveInteger } from "@/lib/api/route-params";
import { isIsoDate } from "@/lib/deadlines/iso-date";
import { decisionKinds, isDecisionKind } from "@/lib/decisions/decision-fields";
import { findDecisionNotices, findPublicDecisionYears, findPublicDecisions } from "@/lib/decisions/public-decisions";
import { messages } from "@/lib/i18n";

export const dynamic = "force-dynamic";

const d = messages.registers.decisions;

export const generateMetadata = publicPage(d.title, "disclosure");

type Props = { searchParams: Promise<{ kind?: string; q?: string; year?: string; from?: string; to?: string; page?: string; agency?: string | string[] }> };

/** The 双公示 list of the default agency, or with `?agency=CODE` that agency's (集约化); an unknown code is 404. */
export default async function DecisionsPage({ searchParams }: Props) {
  const query = await searchParams;
  const agency = await findPublicAgency(query.agency);
  if (!agency) notFound();
  const kind = isDecisionKind(query.kind) ? query.kind : undefined;
  const q = query.q?.trim().slice(0, 100) || undefined;
  const year = readPositiveInteger(query.year ?? null);
  const from = query.from && isIsoDate(query.from) ? query.from : undefined;
  const to = query.to && isIsoDate(query.to) ? query.to : undefined;
  const page = readPositiveInteger(query.page ?? null) ?? 1;
  const [result, years, notices] = await Promise.all([
    findPublicDecisions({ agencyCode: agency.code, kind, q, year, from, to, page }),
    findPublicDecisionYears(agency.code),
    kind && !q && !from && !to ? findDecisionNotices(kind, year, agency.code) : [],
  ]);
  const title = kind ? d.kindTitles[kind] : d.title;
  const tabClass = "rounded border border-gray-400 px-3 py-1 aria-[current=page]:border-red-800 aria-[current=page]:bg-red-800 aria-[current=page]:text-white";
  const input = "mt-1 max-w-full rounded border border-gray-400 bg-white px-2 py-1";
  return (
    <div className="space-y-4">
      <RegisterBreadcrumb agency={agency} steps={[{ label: d.title }]} className="text-sm text-gray-700" />
      <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="decisions-title">
        <h1 id="decisions-title" className="text-xl font-bold">
          {title}
        </h1>
        <p className="mt-2 text-sm leading-6 text-gray-800">{d.publicIntro}</p>
        <nav aria-label={d.kind} className="no-print mt-4 flex flex-wrap gap-2 text-sm">
          <Link href={agencyHref("/decisions", agency)} aria-current={kind ? undefined : "page"} className={tabClass}>
            {d.allKinds}
          </Link>
          {decisionKinds.map((value) => (
            <Link key={value} href={agencyHref(`/decisions?kind=${value}`, agency)} aria-current={kind === value ? "page" : undefined} className={tabClass}>
              {d.kindTitles[value]}
            </Link>
          ))}
        </nav>
        <form key={JSON.stringify(query)} method="get" role="search" className="no-print mt-4 flex flex-wrap items-end gap-3 text-sm" aria-label={d.filter}>
          {kind ? <input type="hidden" name="kind" value={kind} /> : null}
          {agency.isDefault ? null : <input type="hidden" name="agency" value={agency.code} />}
          <label className="flex min-w-64 flex-col">
            {d.search}
            <input name="q" type="search" defaultValue={q} maxLength={100} className={input} />
          </label>
          <label className="flex max-w-full min-w-0 flex-col">
            {d.year}
            <select name="year" defaultValue={year ?? ""} className={input}>
              <option value="">{d.allYears}</option>
              {years.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
          </label>
          <label className="flex max-w-full min-w-0 flex-col">
            {d.dateFrom}
            <input name="from" type="date" defaultValue={from} className={input} />
          </label>
          <label className="flex max-w-full min-w-0 flex-col">
            {d.dateTo}
            <input name="to" type="date" defaultValue={to} className={input} />
          </label>
          <button type="submit" className="rounded border border-gray-500 bg-white px-3 py-1 hover:bg-gray-100">
            {d.filter}
          </button>
          <span className="ml-auto text-gray-700" data-testid="result-count">
            {d.total(result.total)}
          </span>
        </form>
        <div className="mt-4 overflow-x-auto">
          <table className="stack-table w-full text-left text-sm">
            <caption className="sr-only">{title}</caption>
            <thead className="bg-gray-100">
              <tr>
                {[d.fields.documentNumber, d.fields.counterpartyName, d.fields.creditCode, d.kind, d.summary, d.fields.decisionDate].map((label) => (
                  <th key={label} scope="col" className="px-3 py-2">
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.items.map((decision) => (
                <tr key={decision.id} className="border-t border-gray-200 align-top" data-testid="decision-row">
                  <td className="px-3 py-2" data-label={d.fields.documentNumber}>
                    <Link href={agencyHref(`/decisions/${decision.id}`, agency)}>{decision.documentNumber}</Link>
                  </td>
                  <td className="px-3 py-2" data-label={d.fields.counterpartyName}>
                    {decision.counterpartyName}
                  </td>
                  <td className="px-3 py-2 font-mono text-xs" data-label={d.fields.creditCode}>
                    {decision.creditCode ?? "—"}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap" data-label={d.kind}>
                    {messages.registers.decisionKinds[decision.kind]}
                  </td>
                  <td className="px-3 py-2" data-label={d.summary}>
                    {decision.content}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap" data-label={d.fields.decisionDate}>
                    {decision.decisionDate}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.items.length === 0 ? <p className="p-4 text-gray-700">{d.empty}</p> : null}
        </div>
        <Pagination
          page={page}
          pageSize={result.pageSize}
          total={result.total}
          basePath="/decisions"
          query={{ kind, q, year: query.year, from, to, agency: agencyParameter(agency) }}
        />
      </section>
      {kind && notices.length ? (
        <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="decision-notices" data-testid="decision-notices">
          <div className="flex flex-wrap items-baseline justify-between gap-3">
            <h2 id="decision-notices" className="text-lg font-semibold">
              {d.noticesTitle[kind]}
            </h2>
            <span className="text-sm text-gray-700">{d.noticesCount(notices.length)}</span>
          </div>
          <p className="mt-1 text-sm text-gray-700">{d.noticesIntro}</p>
          <ul className="mt-3 divide-y divide-gray-200">
            {notices.map((notice) => (
              <li key={notice.id} className="flex justify-between gap-4 py-2 text-sm">
                <Link href={agencyHref(`/items/${notice.id}`, agency)}>{notice.title}</Link>
                <span className="shrink-0 text-gray-700">{notice.publishedAt}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
