import Link from "next/link";
import { publicPage } from "@/app/(public)/_lib/public-metadata";
import { messages } from "@/lib/i18n";
import { listPublishedReports } from "@/lib/reports/manage-reports";

export const dynamic = "force-dynamic";
export const generateMetadata = publicPage(messages.reports.title, "disclosure");

export default async function AnnualReportsPage() {
  const reports = await listPublishedReports();
  const m = messages.reports;
  return (
    <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="reports-title">
      <h1 id="reports-title" className="text-xl font-bold">
        {m.title}
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
