import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/console/data-table";
import { FilterBar, FilterInput } from "@/components/console/filter-bar";
import { Notice } from "@/components/console/notice";
import { PageHeader } from "@/components/console/page-header";
import { Panel } from "@/components/console/panel";
import { requirePageUser } from "@/lib/auth/page-guard";
import { isPermitted } from "@/lib/auth/permissions";
import { sanitizeItemBody } from "@/lib/content/sanitize-html";
import { ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { liveFigureSources } from "@/lib/reports/live-figure-sources";
import { currentReportYear } from "@/lib/reports/report-deadline";
import { renderReportTablesHtml, sectionHeadings } from "@/lib/reports/report-document";
import { computeReportSummary, type SummaryAgencyRow, type SummaryReportStatus } from "@/lib/reports/summary-report";

const m = messages.reports.summary;

export const metadata: Metadata = { title: m.navLabel };

const statusTone: Record<SummaryReportStatus, string> = {
  published: "bg-green-100 text-green-900",
  late: "bg-red-100 text-red-900",
  draft: "bg-amber-100 text-amber-900",
  not_started: "bg-gray-100 text-gray-900",
};

/** The 政务公开办's summary of a year's reports over the agencies (platform roles). */
export default async function ReportSummaryPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageUser("report.read_summary");
  const readsReports = isPermitted(actor.role, "report.read");
  const query = await searchParams;
  const year = /^\d{4}$/.test(query.year ?? "") ? Number(query.year) : currentReportYear();
  const agencies = (query.agencies ?? "").trim();
  let summary;
  let refusal: string | null = null;
  try {
    summary = await computeReportSummary(actor, year, agencies);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    refusal = error.fields.agencies?.join("") ?? error.message;
    summary = await computeReportSummary(actor, year);
  }
  const tables = renderReportTablesHtml({ ...summary, outcomes: [...liveFigureSources.outcomes()] });
  const count = (status: SummaryReportStatus) => summary.agencies.filter((agency) => agency.status === status).length;
  const exportHref = `/admin/reports/summary/export?${new URLSearchParams({ year: String(year), ...(agencies && !refusal ? { agencies } : {}) })}`;
  const total = (agency: SummaryAgencyRow, row: string) => agency.table3.rows[row]?.[6] ?? 0;
  return (
    <div className="space-y-6">
      <PageHeader title={m.title(year)} breadcrumbs={readsReports ? [{ href: "/admin/reports", label: messages.reports.consoleTitle }] : []} />
      <p className="text-sm text-gray-700">{m.intro(summary.dueOn)}</p>
      <FilterBar
        label={m.title(year)}
        submitLabel={m.apply}
        summary={`${m.agencyCount(summary.agencies.length)}；${m.statusCounts(count("published"), count("late"), count("draft") + count("not_started"))}`}
        summaryTestId="summary-counts"
        after={
          <a href={exportHref} download data-testid="summary-export">
            {m.exportXlsx}
          </a>
        }
      >
        <FilterInput name="year" label={m.yearLabel} type="number" defaultValue={year} min={2008} max={2100} width="narrow" />
        <FilterInput name="agencies" label={m.agenciesLabel} defaultValue={agencies} width="wide" />
      </FilterBar>
      {refusal ? (
        <Notice role="alert" tone="error" testId="summary-refusal">
          {refusal}
        </Notice>
      ) : null}
      <DataTable
        caption={m.perAgencyHeading}
        testId="summary-agencies"
        rows={summary.agencies}
        rowKey={(agency) => agency.code}
        empty={null}
        columns={[
          {
            key: "name",
            header: m.agencyColumn,
            rowHeader: true,
            // The agency's own report workspace of the year, for those who read reports (the supervisor;
            // the platform administrator reads the summary only).
            cell: (agency) =>
              readsReports ? <Link href={`/admin/reports/${summary.year}?agency=${encodeURIComponent(agency.code)}`}>{agency.name}</Link> : agency.name,
          },
          { key: "code", header: m.codeColumn, className: "font-mono", cell: (agency) => agency.code },
          {
            key: "status",
            header: m.statusColumn,
            cell: (agency) => (
              <span className={`whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ${statusTone[agency.status]}`}>{m.status[agency.status]}</span>
            ),
          },
          { key: "publishedAt", header: m.publishedAtColumn, className: "whitespace-nowrap", cell: (agency) => agency.publishedAt ?? "—" },
          { key: "from", header: m.figuresFromColumn, cell: (agency) => m.figuresFrom[agency.figuresFrom] },
          { key: "received", header: m.table3Columns.received, cell: (agency) => total(agency, "new") },
          { key: "decided", header: m.table3Columns.decided, cell: (agency) => total(agency, "total") },
          { key: "carriedOut", header: m.table3Columns.carriedOut, cell: (agency) => total(agency, "carried_out") },
          { key: "licensing", header: m.table2Columns.licensing, cell: (agency) => agency.table2.licensing },
          { key: "penalties", header: m.table2Columns.penalties, cell: (agency) => agency.table2.penalties },
          { key: "reconsideration", header: m.table4Columns.reconsideration, cell: (agency) => agency.table4[4] },
          { key: "litigation", header: m.table4Columns.litigationDirect, cell: (agency) => agency.table4[9] + agency.table4[14] },
        ]}
      />
      {(["table2", "table3", "table4"] as const).map((table, index) => (
        <Panel key={table} id={table} title={sectionHeadings[index + 1]}>
          <div
            className="item-body report-body overflow-x-auto text-sm"
            data-testid={`summary-${table}`}
            dangerouslySetInnerHTML={{ __html: sanitizeItemBody(tables[table]) }}
          />
        </Panel>
      ))}
    </div>
  );
}
