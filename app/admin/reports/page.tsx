import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/console/data-table";
import { Notice } from "@/components/console/notice";
import { PageHeader } from "@/components/console/page-header";
import { Panel } from "@/components/console/panel";
import { requirePageUser } from "@/lib/auth/page-guard";
import { isPermitted } from "@/lib/auth/permissions";
import { todayInBeijing } from "@/lib/dates";
import { messages } from "@/lib/i18n";
import { listReportYears } from "@/lib/reports/list-reports";
import { currentReportYear, daysUntilReportDue } from "@/lib/reports/report-deadline";
import { importLedgerAction } from "./actions";
import { LedgerImportForm } from "./report-forms";

export const metadata: Metadata = { title: messages.reports.consoleTitle };

export default async function ReportsPage() {
  const actor = await requirePageUser("report.read");
  const due = currentReportYear();
  const years = await listReportYears(actor, due);
  const m = messages.reports;
  const dueEntry = years.find((entry) => entry.year === due);
  const days = daysUntilReportDue(due, todayInBeijing());
  return (
    <div className="space-y-6">
      <PageHeader title={m.consoleTitle} />
      {isPermitted(actor.role, "report.read_summary") ? (
        <p className="text-sm">
          <Link href={`/admin/reports/summary?year=${due}`}>{m.summary.title(due)}</Link>
        </p>
      ) : null}
      {dueEntry?.publishedEditions.length ? null : (
        <Notice role="status" testId="report-countdown" tone={days < 0 ? "error" : days <= 30 ? "warning" : "info"}>
          {days < 0 ? m.overdue(due) : m.countdown(due, days)}
        </Notice>
      )}
      <DataTable
        caption={m.consoleTitle}
        rows={years}
        rowKey={(entry) => entry.year}
        empty={null}
        columns={[
          { key: "year", header: m.columns.year, cell: (entry) => m.year(entry.year) },
          {
            key: "state",
            header: m.columns.state,
            cell: (entry) => (entry.draftState ? messages.itemStates[entry.draftState] : entry.publishedEditions.length ? m.published : m.notPublishedYet),
          },
          { key: "editions", header: m.editions, cell: (entry) => entry.publishedEditions.map((edition) => m.edition(edition)).join("、") || "—" },
        ]}
        rowActions={{
          header: m.open,
          hideHeader: true,
          cell: (entry) => (
            <Link href={`/admin/reports/${entry.year}`} aria-label={`${m.open} ${m.year(entry.year)}`}>
              {m.open}
            </Link>
          ),
        }}
      />
      {isPermitted(actor.role, "ledger.import") ? (
        <Panel id="ledger" title={m.ledger}>
          <p className="mb-3 text-sm text-gray-700">
            {m.ledgerHelp}{" "}
            <a href="/api/v1/admin/applications/import/template?format=xlsx" download>
              {m.ledgerTemplate}（.xlsx）
            </a>{" "}
            <a href="/api/v1/admin/applications/import/template?format=csv" download>
              （.csv）
            </a>
          </p>
          <LedgerImportForm action={importLedgerAction} />
        </Panel>
      ) : null}
    </div>
  );
}
