import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DataTable } from "@/components/console/data-table";
import { DoneNotice } from "@/components/console/notice";
import { PageHeader } from "@/components/console/page-header";
import { Panel } from "@/components/console/panel";
import { ReviewActions } from "@/components/console/review-actions";
import { afterStepNotice, waitingNotice } from "@/components/console/review-notices";
import { CheckboxField, FieldErrors, TextField } from "@/components/forms/field";
import { findAgencyByCode } from "@/lib/agency/agencies";
import { requirePageUser } from "@/lib/auth/page-guard";
import { isPermitted } from "@/lib/auth/permissions";
import { currentTime } from "@/lib/clock";
import { sanitizeItemBody } from "@/lib/content/sanitize-html";
import { todayInBeijing } from "@/lib/dates";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { findReportWorkspace } from "@/lib/reports/manage-reports";
import { renderReportHtml, reportTitle, sectionHeadings } from "@/lib/reports/report-document";
import { reportReview } from "@/lib/reports/report-review";
import { availableActions } from "@/lib/workflow/engine";
import { saveManualFiguresAction, saveReportTextsAction, startReportAction, transitionReportAction } from "../actions";
import { ManualFiguresForm, ReportTextsForm, StartReportForm } from "../report-forms";

export const metadata: Metadata = { title: messages.reports.consoleTitle };

/**
 * An agency's report of a year: the user's own agency's; a platform role may name another with
 * `?agency=<code>` (the summary and the assessment link there); anyone else naming one is 404.
 */
export default async function ReportWorkspacePage({
  params,
  searchParams,
}: {
  params: Promise<{ year: string }>;
  searchParams: Promise<{ done?: string; agency?: string | string[] }>;
}) {
  const actor = await requirePageUser("report.read");
  const raw = (await params).year;
  if (!/^\d{4}$/.test(raw)) notFound();
  const year = Number(raw);
  const { done, agency: code } = await searchParams;
  const named = code === undefined ? null : typeof code === "string" ? await findAgencyByCode(code) : null;
  if (code !== undefined && !named) notFound();
  const workspace = await findReportWorkspace(actor, year, undefined, named?.id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const { edition, figures, checks, agencyName, manualFigures, manualFiguresAllowed } = workspace;
  const m = messages.reports;
  const texts = edition?.texts ?? { overview: "", problems: "", otherMatters: "" };
  const actions = edition ? availableActions(reportReview, actor, edition) : [];
  const preview = sanitizeItemBody(
    renderReportHtml({
      year,
      edition: edition?.edition ?? 1,
      agencyName,
      title: reportTitle(agencyName, year),
      texts,
      correctionNotice: edition?.correctionNotice ?? null,
      figures,
      checks,
      publishedAt: currentTime().toISOString(),
    }),
  );
  const f = m.filing;
  const today = todayInBeijing();
  // Once the report is published, nothing on the page invites a submission.
  const passedMessage = edition
    ? edition.state === "draft"
      ? m.checksPassed
      : f.checksPassedInReview
    : workspace.published.length
      ? f.checksPassedPublished
      : m.checksPassedBeforeStart;
  // The leader's approval publishes: it asks for the publication date (the 落款) and a confirmation.
  const publishing =
    edition?.state === "leader_review" ? (
      <>
        <TextField
          name="publicationDate"
          type="date"
          label={f.publicationDate}
          hint={f.publicationDateHint}
          defaultValue={today}
          min={`${year + 1}-01-01`}
          max={today}
        />
        <CheckboxField name="confirm" label={f.confirmPublication} />
      </>
    ) : null;
  return (
    <div className="space-y-6">
      <PageHeader breadcrumbs={[{ href: "/admin/reports", label: m.consoleTitle }]} title={reportTitle(agencyName, year)} />
      {/* After the last approval the edition is published and no longer the one being worked on. */}
      <DoneNotice message={done ? afterStepNotice(edition?.state ?? "published") : null} />
      <p className="text-sm text-gray-700" data-testid="report-state">
        {edition ? `${m.edition(edition.edition)} · ${messages.itemStates[edition.state]}` : workspace.published.length ? m.published : m.notPublishedYet}
        {workspace.published.length ? (
          <>
            {" "}
            · <Link href={`/reports/annual/${year}`}>{messages.consoleItems.detail.viewPublic}</Link>
          </>
        ) : null}
      </p>
      {!edition && isPermitted(actor.role, "report.edit") ? (
        <StartReportForm action={startReportAction.bind(null, year)} label={workspace.published.length ? m.startCorrection : m.start} />
      ) : null}

      <Panel id="checks" title={m.checks}>
        {checks.passed ? (
          <p className="text-green-800" data-testid="checks-passed">
            {passedMessage}
          </p>
        ) : null}
        {checks.blocking.length ? (
          <>
            <h3 className="mt-2 font-semibold text-red-800">{m.blocking}</h3>
            <ul className="list-disc pl-5 text-sm text-red-800" data-testid="checks-blocking">
              {checks.blocking.map((check) => (
                <li key={check.message}>{check.message}</li>
              ))}
            </ul>
          </>
        ) : null}
        {checks.warnings.length ? (
          <>
            <h3 className="mt-2 font-semibold text-amber-800">{m.warnings}</h3>
            <ul className="list-disc pl-5 text-sm text-amber-900" data-testid="checks-warnings">
              {checks.warnings.map((check) => (
                <li key={check.message}>{check.message}</li>
              ))}
            </ul>
          </>
        ) : null}
        <p className="mt-2 text-sm text-gray-700">
          {figures.origin.table2 === "manual" || figures.origin.table4 === "manual" ? m.figuresManual : m.figuresLive}
        </p>
      </Panel>

      {edition ? (
        <div className="grid gap-6 lg:grid-cols-3">
          <Panel id="texts" title={m.texts} className="lg:col-span-2">
            {edition.state === "draft" && isPermitted(actor.role, "report.edit") ? (
              <ReportTextsForm
                action={saveReportTextsAction.bind(null, edition.id)}
                texts={edition.texts}
                version={edition.version}
                correction={edition.edition > 1 ? (edition.correctionNotice ?? "") : null}
              />
            ) : (
              // Reviewers read the texts they approve here, section by section.
              <div className="space-y-4 text-sm" data-testid="report-review-texts">
                <p className="text-gray-700">{messages.itemStates[edition.state]}</p>
                {edition.edition > 1 && edition.correctionNotice ? (
                  <p>
                    <strong>{m.correctionNoticeTitle}：</strong>
                    {edition.correctionNotice}
                  </p>
                ) : null}
                {(
                  [
                    [sectionHeadings[0], edition.texts.overview],
                    [sectionHeadings[4], edition.texts.problems],
                    [sectionHeadings[5], edition.texts.otherMatters],
                  ] as const
                ).map(([heading, text]) => (
                  <section key={heading} aria-label={heading}>
                    <h3 className="font-semibold">{heading}</h3>
                    {text.trim() ? (
                      text
                        .split(/\n+/)
                        .filter((line) => line.trim())
                        .map((line, index) => (
                          <p key={index} className="mt-1 leading-7">
                            {line}
                          </p>
                        ))
                    ) : (
                      <p className="mt-1 text-gray-700">—</p>
                    )}
                  </section>
                ))}
              </div>
            )}
          </Panel>
          <Panel id="report-actions" title={messages.consoleItems.detail.actions}>
            <ReviewActions
              version={edition.version}
              run={transitionReportAction.bind(null, edition.id, year)}
              empty={waitingNotice(edition.state, messages.consoleItems.detail.noActions)}
              steps={actions.map((action) => ({
                action,
                label: messages.itemActions[action],
                danger: action === "return",
                comment: action === "return" ? { label: messages.consoleItems.detail.returnComment } : null,
                before: (
                  <>
                    {action === "approve" ? publishing : null}
                    <FieldErrors name="checks" list testId="report-check-errors" />
                  </>
                ),
              }))}
            />
          </Panel>
        </div>
      ) : null}

      <Panel id="sections" title={m.sections}>
        <DataTable
          caption={m.sections}
          rows={figures.sections}
          rowKey={(row) => row.sectionId}
          empty={null}
          framed={false}
          columns={[
            { key: "section", header: m.sectionColumns.section, cell: (row) => row.sectionName },
            { key: "published", header: m.sectionColumns.published, cell: (row) => row.itemsPublished },
            { key: "late", header: m.sectionColumns.late, cell: (row) => row.itemsLate },
            { key: "inReview", header: m.sectionColumns.inReview, cell: (row) => row.itemsInReview },
          ]}
        />
      </Panel>

      <Panel id="tables" title={m.tables}>
        <div className="item-body report-body overflow-x-auto text-sm" data-testid="report-preview" dangerouslySetInnerHTML={{ __html: preview }} />
      </Panel>

      {/* Only for a year the product holds no data of (the server refuses otherwise too). */}
      {manualFiguresAllowed && isPermitted(actor.role, "report.manual_figures") ? (
        <Panel id="manual" title={m.manualFigures} description={m.manualHelp}>
          <ManualFiguresForm action={saveManualFiguresAction.bind(null, year)} values={manualFigures} />
        </Panel>
      ) : null}
    </div>
  );
}
