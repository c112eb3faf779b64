import Link from "next/link";
import { notFound } from "next/navigation";
import { publicPage } from "@/app/(public)/_lib/public-metadata";
import { Pagination } from "@/components/public/pagination";
import { RegisterBreadcrumb } from "@/components/public/register-breadcrumb";
import { agencyHref, agencyParameter } from "@/lib/agency/agency-address";
import { findPublicAgency } from "@/lib/agency/public-agency";
import { readPositiveInteger } from "@/lib/api/route-params";
import { messages } from "@/lib/i18n";
import { findPublicServices } from "@/lib/services/public-services";

export const dynamic = "force-dynamic";

const s = messages.registers.services;

export const generateMetadata = publicPage(s.title, "service");

type Props = { searchParams: Promise<{ q?: string; page?: string; agency?: string | string[] }> };

/** The service directory of the default agency, or with `?agency=CODE` that agency's (集约化); an unknown code is 404. */
export default async function ServicesPage({ searchParams }: Props) {
  const query = await searchParams;
  const agency = await findPublicAgency(query.agency);
  if (!agency) notFound();
  const q = query.q?.trim().slice(0, 100) || undefined;
  const page = readPositiveInteger(query.page ?? null) ?? 1;
  const result = await findPublicServices({ agencyCode: agency.code, q, page });
  return (
    <div className="space-y-4">
      <RegisterBreadcrumb agency={agency} steps={[{ label: s.title }]} className="text-sm text-gray-700" />
      <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="services-title">
        <h1 id="services-title" className="text-xl font-bold">
          {s.title}
        </h1>
        <p className="mt-2 text-sm leading-6 text-gray-800">{s.publicIntro}</p>
        <form key={JSON.stringify(query)} method="get" role="search" className="no-print mt-4 flex flex-wrap items-end gap-3 text-sm" aria-label={s.filter}>
          {agency.isDefault ? null : <input type="hidden" name="agency" value={agency.code} />}
          <label className="flex max-w-full min-w-0 flex-col">
            {s.search}
            <input name="q" type="search" defaultValue={q} maxLength={100} className="mt-1 rounded border border-gray-400 px-2 py-1" />
          </label>
          <button type="submit" className="rounded border border-gray-500 bg-white px-3 py-1 hover:bg-gray-100">
            {s.filter}
          </button>
          <span className="ml-auto text-gray-700" data-testid="result-count">
            {s.total(result.total)}
          </span>
        </form>
        <div className="mt-4 overflow-x-auto">
          <table className="stack-table w-full text-left text-sm">
            <caption className="sr-only">{s.title}</caption>
            <thead className="bg-gray-100">
              <tr>
                {Object.values(s.columns).map((label) => (
                  <th key={label} scope="col" className="px-3 py-2">
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.items.map((service) => (
                <tr key={service.id} className="border-t border-gray-200">
                  <td className="px-3 py-2 font-mono text-xs" data-label={s.columns.code}>
                    {service.code}
                  </td>
                  <td className="px-3 py-2" data-label={s.columns.name}>
                    <Link href={agencyHref(`/services/${service.id}`, agency)}>{service.name}</Link>
                  </td>
                  <td className="px-3 py-2" data-label={s.columns.section}>
                    {service.sectionName}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap" data-label={s.columns.timeLimit}>
                    {s.workingDays(service.timeLimitDays)}
                  </td>
                  <td className="px-3 py-2" data-label={s.columns.fee}>
                    {service.fee}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.items.length === 0 ? <p className="p-4 text-gray-700">{s.empty}</p> : null}
        </div>
        <Pagination page={page} pageSize={result.pageSize} total={result.total} basePath="/services" query={{ q, agency: agencyParameter(agency) }} />
      </section>
    </div>
  );
}
