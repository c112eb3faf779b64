import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth/page-guard";
import { isPermitted } from "@/lib/auth/permissions";
import { sanitizeItemBody } from "@/lib/content/sanitize-html";
import { messages } from "@/lib/i18n";
import { findReportWorkspace } from "@/lib/reports/manage-reports";
import { renderReportHtml, reportTitle } from "@/lib/reports/report-document";
import { reportReview } from "@/lib/reports/report-review";
import { availableActions } from "@/lib/workflow/engine";
import { saveManualFiguresAction, saveReportTextsAction, startReportAction, transitionReportAction } from "../actions";
import { ManualFiguresForm, ReportTextsForm, ReportTransitionForms, StartReportForm } from "../report-forms";
import { currentTime } from "@/lib/clock";

export const metadata: Metadata = { title: messages.reports.consoleTitle };

export default async function ReportWorkspacePage({ params, searchParams }: { params: Promise<{ year: string }>; searchParams: Promise<{ done?: string }> }) {
  const actor = await requirePageUser("report.read");
  const raw = (await params).year;
  if (!/^\d{4}$/.test(raw)) notFound();
  const year = Number(raw);
  const { done } = await searchParams;
  const workspace = await findReportWorkspace(actor, year);
  const { edition, figures, checks, agencyName, manualFigures } = workspace;
  const m = messages.reports;
  const texts = edition?.texts ?? { overview: "", problems: "", otherMatters: "" };
  const actions = edition ? availableActions(reportReview, actor, edition) : [];
  const preview = sanitizeItemBody(renderReportHtml({
    year, edition: edition?.edition ?? 1, agencyName, title: reportTitle(agencyName, year), texts,
    correctionNotice: edition?.correctionNotice ?? null, figures, checks, publishedAt: currentTime().toISOString(),
  }));
  return (
    <div className="space-y-6">
      <p><Link href="/admin/reports">← {m.consoleTitle}</Link></p>
      <h1 className="text-xl font-bold">{reportTitle(agencyName, year)}</h1>
      {done ? <p role="status" className="rounded border border-green-700 bg-green-50 px-3 py-2 text-sm" data-testid="form-success">{messages.consoleItems.detail.transitionDone}</p> : null}
      <p className="text-sm text-gray-700" data-testid="report-state">
        {edition ? `${m.edition(edition.edition)} · ${messages.itemStates[edition.state]}` : workspace.published.length ? m.published : m.notPublishedYet}
        {workspace.published.length ? <> · <Link href={`/reports/annual/${year}`}>{messages.consoleItems.detail.viewPublic}</Link></> : null}
      </p>
      {!edition && isPermitted(actor.role, "report.edit") ? (
        <StartReportForm action={startReportAction.bind(null, year)} label={workspace.published.length ? m.startCorrection : m.start} />
      ) : null}

      <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="checks">
        <h2 id="checks" className="mb-2 text-lg font-semibold">{m.checks}</h2>
        {checks.passed ? <p className="text-green-800" data-testid="checks-passed">{m.checksPassed}</p> : null}
        {checks.blocking.length ? (
          <><h3 className="mt-2 font-semibold text-red-800">{m.blocking}</h3><ul className="list-disc pl-5 text-sm text-red-800" data-testid="checks-blocking">{checks.blocking.map((check) => <li key={check.message}>{check.message}</li>)}</ul></>
        ) : null}
        {checks.warnings.length ? (
          <><h3 className="mt-2 font-semibold text-amber-800">{m.warnings}</h3><ul className="list-disc pl-5 text-sm text-amber-900" data-testid="checks-warnings">{checks.warnings.map((check) => <li key={check.message}>{check.message}</li>)}</ul></>
        ) : null}
        <p className="mt-2 text-sm text-gray-700">{figures.origin.table2 === "manual" || figures.origin.table4 === "manual" ? m.figuresManual : m.figuresLive}</p>
      </section>

      {edition ? (
        <div className="grid gap-6 lg:grid-cols-3">
          <section className="rounded border border-gray-300 bg-white p-6 lg:col-span-2" aria-labelledby="texts">
            <h2 id="texts" className="mb-3 text-lg font-semibold">{m.texts}</h2>
            {edition.state === "draft" && isPermitted(actor.role, "report.edit") ? (
              <ReportTextsForm action={saveReportTextsAction.bind(null, edition.id)} texts={edition.texts} version={edition.version} correction={edition.edition > 1 ? (edition.correctionNotice ?? "") : null} />
            ) : <p className="text-sm text-gray-700">{messages.itemStates[edition.state]}</p>}
          </section>
          <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="report-actions">
            <h2 id="report-actions" className="mb-3 text-lg font-semibold">{messages.consoleItems.detail.actions}</h2>
            {actions.length ? <ReportTransitionForms actions={actions} version={edition.version} run={transitionReportAction.bind(null, edition.id, year)} /> : <p className="text-sm text-gray-700">{messages.consoleItems.detail.noActions}</p>}
          </section>
        </div>
      ) : null}

      <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="sections">
        <h2 id="sections" className="mb-3 text-lg font-semibold">{m.sections}</h2>
        <table className="w-full text-left text-sm">
          <thead className="bg-gray-100"><tr>{Object.values(m.sectionColumns).map((label) => <th key={label} scope="col" className="px-3 py-2">{label}</th>)}</tr></thead>
          <tbody>
            {figures.sections.map((row) => (
              <tr key={row.sectionId} className="border-t border-gray-200"><td className="px-3 py-2">{row.sectionName}</td><td className="px-3 py-2">{row.itemsPublished}</td><td className="px-3 py-2">{row.itemsLate}</td><td className="px-3 py-2">{row.itemsInReview}</td></tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="tables">
        <h2 id="tables" className="mb-3 text-lg font-semibold">{m.tables}</h2>
        <div className="item-body report-body overflow-x-auto text-sm" data-testid="report-preview" dangerouslySetInnerHTML={{ __html: preview }} />
      </section>

      {isPermitted(actor.role, "report.manual_figures") ? (
        <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="manual">
          <h2 id="manual" className="text-lg font-semibold">{m.manualFigures}</h2>
          <p className="mb-3 text-sm text-gray-700">{m.manualHelp}</p>
          <ManualFiguresForm action={saveManualFiguresAction.bind(null, year)} values={manualFigures} />
        </section>
      ) : null}
    </div>
  );
}
