import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/page-guard";
import { todayInBeijing } from "@/lib/dates";
import { messages } from "@/lib/i18n";
import { listReportYears } from "@/lib/reports/list-reports";
import { currentReportYear, daysUntilReportDue } from "@/lib/reports/report-deadline";
import { isPermitted } from "@/lib/auth/permissions";
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
      <h1 className="text-xl font-bold">{m.consoleTitle}</h1>
      {dueEntry?.publishedEditions.length ? null : (
        <p role="status" data-testid="report-countdown" className={`rounded border px-4 py-3 ${days < 0 ? "border-red-700 bg-red-50 text-red-900" : days <= 30 ? "border-amber-700 bg-amber-50 text-amber-900" : "border-gray-300 bg-white"}`}>
          {days < 0 ? m.overdue(due) : m.countdown(due, days)}
        </p>
      )}
      <table className="w-full border-collapse bg-white text-sm">
        <thead className="bg-gray-100"><tr><th scope="col" className="px-3 py-2 text-left">年度</th><th scope="col" className="px-3 py-2 text-left">状态</th><th scope="col" className="px-3 py-2 text-left">{m.editions}</th><th scope="col" className="px-3 py-2"><span className="sr-only">{m.open}</span></th></tr></thead>
        <tbody>
          {years.map((entry) => (
            <tr key={entry.year} className="border-t border-gray-200">
              <td className="px-3 py-2">{m.year(entry.year)}</td>
              <td className="px-3 py-2">{entry.draftState ? messages.itemStates[entry.draftState] : entry.publishedEditions.length ? m.published : m.notPublishedYet}</td>
              <td className="px-3 py-2">{entry.publishedEditions.map((edition) => m.edition(edition)).join("、") || "—"}</td>
              <td className="px-3 py-2"><Link href={`/admin/reports/${entry.year}`} aria-label={`${m.open} ${m.year(entry.year)}`}>{m.open}</Link></td>
            </tr>
          ))}
        </tbody>
      </table>
      {isPermitted(actor.role, "ledger.import") ? (
        <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="ledger">
          <h2 id="ledger" className="text-lg font-semibold">{m.ledger}</h2>
          <p className="mb-3 mt-1 text-sm text-gray-700">
            {m.ledgerHelp} <a href="/api/v1/admin/applications/import/template?format=xlsx">{m.ledgerTemplate}（.xlsx）</a>{" "}
            <a href="/api/v1/admin/applications/import/template?format=csv">（.csv）</a>
          </p>
          <LedgerImportForm action={importLedgerAction} />
        </section>
      ) : null}
    </div>
  );
}
