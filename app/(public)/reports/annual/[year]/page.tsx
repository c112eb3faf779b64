import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { publicMetadata } from "@/app/(public)/_lib/public-metadata";
import { PrintButton } from "@/components/public/print-button";
import { articleDate } from "@/lib/agency/page-identity";
import { agencyQuery, findPublicAgency } from "@/lib/agency/public-agency";
import { sanitizeItemBody } from "@/lib/content/sanitize-html";
import { withScrollableTables } from "@/lib/content/scrollable-tables";
import { messages } from "@/lib/i18n";
import { findPublishedReport } from "@/lib/reports/manage-reports";
import { renderReportHtml, reportPublicationDate, reportSignature } from "@/lib/reports/report-document";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ year: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The default agency's report of the year, or with `?agency=CODE` that agency's (集约化). */
async function load(params: Props["params"], searchParams: Props["searchParams"]) {
  const raw = (await params).year;
  const agency = await findPublicAgency((await searchParams).agency);
  const report = agency && /^\d{4}$/.test(raw) ? await findPublishedReport(Number(raw), { agencyId: agency.id }) : null;
  return report && agency ? { ...report, query: agencyQuery(agency) } : null;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const report = await load(params, searchParams);
  return publicMetadata({
    page: report?.title ?? messages.reports.title,
    column: "disclosure",
    columnName: messages.reports.title,
    article: report
      ? {
          title: report.title,
          publishedAt: articleDate(`${reportPublicationDate(report)}T00:00:00+08:00`),
          source: report.agencyName,
          keywords: [messages.reports.title, String(report.year)],
          description: report.texts.overview,
          path: `/reports/annual/${report.year}${report.query}`,
        }
      : undefined,
  });
}

export default async function AnnualReportPage({ params, searchParams }: Props) {
  const report = await load(params, searchParams);
  if (!report) notFound();
  const m = messages.reports;
  const signature = reportSignature(report);
  // The title breaks only between the agency's name and the rest, never leaving "报告" alone on a line.
  const rest = report.title.startsWith(report.agencyName) ? report.title.slice(report.agencyName.length) : null;
  return (
    <article className="annual-report rounded border border-gray-300 bg-white p-6 print:border-0 print:p-0" aria-labelledby="report-title">
      <h1 id="report-title" className="report-title text-center text-2xl font-bold leading-9">
        {rest ? (
          <>
            <span className="inline-block">{report.agencyName}</span>
            <span className="inline-block">{rest}</span>
          </>
        ) : (
          report.title
        )}
      </h1>
      <p className="no-print mt-4 flex flex-wrap justify-center gap-3 text-sm">
        <a href={`/reports/annual/${report.year}/download/docx${report.query}`}>{m.docx}</a>
        <a href={`/reports/annual/${report.year}/download/xlsx${report.query}`}>{m.xlsx}</a>
        <PrintButton label={m.print} />
      </p>
      <div
        className="item-body report-body mt-6 leading-8"
        data-testid="annual-report"
        dangerouslySetInnerHTML={{ __html: withScrollableTables(sanitizeItemBody(renderReportHtml(report, { signature: false }))) }}
      />
      <div className="report-signature mt-10 text-right leading-8" data-testid="report-signature">
        <p className="pr-8">{signature.agencyName}</p>
        <p className="pr-16">{signature.date}</p>
      </div>
    </article>
  );
}
