import Link from "next/link";
import { notFound } from "next/navigation";
import { publicPage } from "@/app/(public)/_lib/public-metadata";
import { agencyQuery, findPublicAgency } from "@/lib/agency/public-agency";
import { messages } from "@/lib/i18n";
import { listPublishedReports } from "@/lib/reports/manage-reports";

export const dynamic = "force-dynamic";
export const generateMetadata = publicPage(messages.reports.title, "disclosure");

/** The annual reports of the default agency, or with `?agency=CODE` of that agency (集约化). */
export default async function AnnualReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const agency = await findPublicAgency((await searchParams).agency);
  if (!agency) notFound();
  const query = agencyQuery(agency);
  const reports = (await listPublishedReports({ agencyId: agency.id })).map((report) => ({
    ...report,
    href: report.href.startsWith("/reports/annual/") ? `${report.href}${query}` : report.href,
  }));
  const m = messages.reports;
  return (
    <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="reports-title">
      <h1 id="reports-title" className="text-xl font-bold">
        {agency.isDefault ? m.title : m.agencyTitle(agency.name)}
      </h1>
      {reports.length ? (
        <ul className="mt-4 divide-y divide-gray-200" data-testid="report-list">
          {reports.map((report) => (
            <li key={report.year} className="flex justify-between gap-4 py-3">
              <Link href={report.href}>{report.title}</Link>
              <span className="shrink-0 text-sm text-gray-700">
                {report.edition > 1 ? `${m.edition(report.edition)} · ` : ""}
                {report.publishedAt}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-4 text-gray-700">{m.noReports}</p>
      )}
    </section>
  );
}
