import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AssignmentTable, DrawRecord } from "@/app/(public)/inspections/_components/draw-record";
import { readIdParam } from "@/lib/api/route-params";
import { requirePageUser } from "@/lib/auth/page-guard";
import { NotFoundError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { inspectionsMessages } from "@/lib/i18n/zh-CN/inspections";
import { findConsoleInspection } from "@/lib/inspections/console-inspections";
import { drawInspectionAction, recordResultsAction, transitionInspectionAction } from "../actions";
import { InspectionsNav } from "../inspections-nav";
import { InspectionStateBadge, TimelinessText } from "../status-badge";
import { DrawForm, ResultsForm, ReviewPanel } from "./inspection-panels";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: inspectionsMessages.sections.tasks };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> };

export default async function InspectionPage({ params, searchParams }: Props) {
  const actor = await requirePageUser("inspection.read_console");
  const inspection = await readIdParam(params)
    .then((id) => findConsoleInspection(actor, id))
    .catch((error) => {
      if (error instanceof NotFoundError) notFound();
      throw error;
    });
  const notice = await searchParams;
  const m = inspectionsMessages;
  const d = m.detail;
  const run = transitionInspectionAction.bind(null, inspection.id);
  const planRows: [string, React.ReactNode][] = [
    [d.section, inspection.sectionName],
    [d.author, inspection.authorName],
    [d.period, d.periodValue(inspection.startOn, inspection.endOn)],
    [d.scope, inspection.targetCategories.join("、") || d.allCategories],
    [d.countsLabel, d.counts(inspection.targetCount, inspection.inspectorsPerTarget)],
  ];
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-bold">{m.title}</h1>
      <InspectionsNav current="tasks" />
      <p><Link href="/admin/inspections">← {d.back}</Link></p>
      {notice.done ? <p role="status" className="rounded border border-green-700 bg-green-50 px-3 py-2 text-sm" data-testid="form-success">{d.transitionDone}</p> : null}
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="text-xl font-bold" data-testid="inspection-title">{inspection.title}</h2>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-gray-700">
            <span>{d.reviewPlan}：</span><InspectionStateBadge state={inspection.state} testId="plan-state" />
            {inspection.state === "published" ? <><span>{d.reviewResults}：</span><InspectionStateBadge state={inspection.resultsState} testId="results-state" /></> : null}
          </p>
          {inspection.withdrawnAt ? <p className="mt-1 text-sm text-red-800">{d.withdrawn(formatDateTime(new Date(inspection.withdrawnAt)), inspection.withdrawalReason ?? "")}</p> : null}
          {inspection.resultsWithdrawnAt && inspection.resultsState === "withdrawn" ? <p className="mt-1 text-sm text-red-800">{d.resultsWithdrawn(formatDateTime(new Date(inspection.resultsWithdrawnAt)), inspection.resultsWithdrawalReason ?? "")}</p> : null}
        </div>
        <div className="flex gap-2">
          {inspection.state === "published" ? <Link href={`/inspections/${inspection.id}`} className="rounded border border-gray-500 px-3 py-1 text-sm">{d.viewPublic}</Link> : null}
          {inspection.canEdit ? <Link href={`/admin/inspections/${inspection.id}/edit`} className="rounded bg-blue-800 px-3 py-1 text-sm text-white hover:no-underline">{d.edit}</Link> : null}
        </div>
      </header>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="plan">
            <h3 id="plan" className="mb-3 text-lg font-semibold">{d.plan}</h3>
            <dl className="grid grid-cols-1 gap-y-2 text-sm">
              {planRows.map(([label, value]) => (
                <div key={label} className="grid gap-1 sm:grid-cols-[10rem_1fr]"><dt className="text-gray-700">{label}</dt><dd>{value}</dd></div>
              ))}
              <div className="grid gap-1 sm:grid-cols-[10rem_1fr]">
                <dt className="text-gray-700">{d.items}</dt>
                <dd><ul className="space-y-1">{inspection.items.map((item) => <li key={item.id}>{item.name}（{item.method}；{d.powerOf(item.powerCode, item.powerName)}）</li>)}</ul></dd>
              </div>
            </dl>
            <p className="mt-4 whitespace-pre-line border-t border-gray-200 pt-4 text-sm leading-7">{inspection.description}</p>
          </section>

          <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="draw">
            <h3 id="draw" className="mb-3 text-lg font-semibold">{d.draw}</h3>
            {inspection.draw ? (
              <DrawRecord draw={inspection.draw} inputHref={inspection.state === "published" ? `/api/v1/inspections/${inspection.id}/draw-input` : undefined} />
            ) : inspection.canDraw ? (
              <DrawForm run={drawInspectionAction.bind(null, inspection.id)} version={inspection.version} />
            ) : <p className="text-sm text-gray-700">{d.notDrawn}</p>}
          </section>

        </div>

        <div className="space-y-6">
          <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="review-plan">
            <h3 id="review-plan" className="mb-2 text-lg font-semibold">{d.reviewPlan}</h3>
            <p className="mb-3 text-sm text-gray-700">{d.reviewPlanHelp}</p>
            <ReviewPanel subject="plan" actions={inspection.planActions} version={inspection.version} run={run} />
          </section>
          {inspection.state === "published" ? (
            <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="review-results">
              <h3 id="review-results" className="mb-2 text-lg font-semibold">{d.reviewResults}</h3>
              <p className="mb-3 text-sm text-gray-700">{d.reviewResultsHelp}</p>
              <ReviewPanel subject="results" actions={inspection.resultsActions} version={inspection.version} run={run} />
            </section>
          ) : null}
          <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="results-due">
            <h3 id="results-due" className="mb-2 text-lg font-semibold">{d.resultsDue}</h3>
            <p data-testid="results-due"><TimelinessText status={inspection.resultsDeadline.status} due={inspection.resultsDeadline.due} /></p>
            <details className="mt-2 text-sm">
              <summary>{d.explanation}</summary>
              <p className="mt-1 text-gray-800">{inspection.resultsDeadline.explanation}</p>
            </details>
          </section>
        </div>
      </div>
      {inspection.draw ? (
        <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="assignments">
          <h3 id="assignments" className="mb-3 text-lg font-semibold">{d.assignments}</h3>
          {inspection.canRecordResults ? (
            <ResultsForm run={recordResultsAction.bind(null, inspection.id)} version={inspection.version}
              rows={inspection.assignments.map((assignment) => ({
                id: assignment.id, position: assignment.position, targetName: assignment.targetName,
                inspectors: assignment.inspectors.map((inspector) => inspector.name).join("、"),
                outcome: assignment.outcome, inspectedOn: assignment.inspectedOn, note: assignment.note,
              }))} />
          ) : (
            <>
              {inspection.state !== "published" ? <p className="mb-3 text-sm text-gray-700">{d.resultsWaitForPlan}</p> : inspection.resultsState !== "draft" ? <p className="mb-3 text-sm text-gray-700">{d.resultsLocked}</p> : null}
              <AssignmentTable assignments={inspection.assignments} showResults={inspection.state === "published"} />
            </>
          )}
        </section>
      ) : null}

      <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="history">
        <h3 id="history" className="mb-3 text-lg font-semibold">{d.history}</h3>
        <ol className="space-y-2 text-sm" data-testid="inspection-history">
          {inspection.history.map((event) => (
            <li key={event.id} className="border-l-2 border-gray-300 pl-3">
              <span className="text-gray-700">{formatDateTime(event.occurredAt)}</span> {event.actorName} <strong>{m.historyActions[event.action] ?? event.action}</strong>
              {event.toState && event.fromState !== event.toState ? (
                <span className="text-gray-700">（{event.fromState ? `${m.states[event.fromState as keyof typeof m.states]} → ` : ""}{m.states[event.toState as keyof typeof m.states]}）</span>
              ) : null}
              {event.comment ? <p className="mt-1 rounded bg-gray-50 px-2 py-1">{d.comment}：{event.comment}</p> : null}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
