import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AssignmentTable, DrawRecord } from "@/app/(public)/inspections/_components/draw-record";
import { ButtonLink } from "@/components/console/button-link";
import { DescriptionList, type Detail } from "@/components/console/details";
import { DueDate } from "@/components/console/due-date";
import { HistoryList } from "@/components/console/history-list";
import { DoneNotice } from "@/components/console/notice";
import { PageHeader } from "@/components/console/page-header";
import { Panel } from "@/components/console/panel";
import { ReviewActions } from "@/components/console/review-actions";
import { transitionNotice } from "@/components/console/review-notices";
import { reviewSteps } from "@/components/console/review-steps";
import { StateBadge } from "@/components/console/state-badge";
import { FieldErrors } from "@/components/forms/field";
import { readIdParam } from "@/lib/api/route-params";
import { requirePageUser } from "@/lib/auth/page-guard";
import { NotFoundError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { inspectionsMessages } from "@/lib/i18n/zh-CN/inspections";
import { findConsoleInspection } from "@/lib/inspections/console-inspections";
import type { InspectionAction } from "@/lib/inspections/inspection-review";
import { drawInspectionAction, recordResultsAction, transitionInspectionAction } from "../actions";
import { InspectionsNav } from "../inspections-nav";
import { timelinessOf } from "../timeliness";
import { DrawForm, ResultsForm } from "./inspection-panels";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: inspectionsMessages.sections.tasks };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string; step?: string }> };

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
  const planRows: Detail[] = [
    [d.section, inspection.sectionName],
    [d.author, inspection.authorName],
    [d.period, d.periodValue(inspection.startOn, inspection.endOn)],
    [d.scope, inspection.targetCategories.join("、") || d.allCategories],
    [d.countsLabel, d.counts(inspection.targetCount, inspection.inspectorsPerTarget)],
  ];
  const steps = (subject: "plan" | "results", actions: InspectionAction[]) =>
    reviewSteps(
      actions,
      {
        label: (action) => m.actions[action],
        formLabel: (action) => `${subject === "plan" ? d.reviewPlan : d.reviewResults}：${m.actions[action]}`,
        returnComment: d.returnComment,
        withdrawReason: d.withdrawReason,
        comment: d.comment,
      },
      {
        rows: 2,
        hidden: { subject },
        before: () => (
          <>
            <FieldErrors name="draw" />
            <FieldErrors name="results" />
          </>
        ),
      },
    );
  return (
    <div className="space-y-6">
      <PageHeader title={m.title} breadcrumbs={[{ href: "/admin/inspections", label: m.sections.tasks }]} />
      <InspectionsNav current="tasks" />
      <DoneNotice message={transitionNotice(notice, null)} />
      <PageHeader
        level={2}
        title={inspection.title}
        titleTestId="inspection-title"
        meta={
          <>
            <span>{d.reviewPlan}：</span>
            <StateBadge workflow="inspection" state={inspection.state} testId="plan-state" />
            {inspection.state === "published" ? (
              <>
                <span>{d.reviewResults}：</span>
                <StateBadge workflow="inspection" state={inspection.resultsState} testId="results-state" />
              </>
            ) : null}
            {inspection.withdrawnAt ? (
              <span className="basis-full text-red-800">
                {d.withdrawn(formatDateTime(new Date(inspection.withdrawnAt)), inspection.withdrawalReason ?? "")}
              </span>
            ) : null}
            {inspection.resultsWithdrawnAt && inspection.resultsState === "withdrawn" ? (
              <span className="basis-full text-red-800">
                {d.resultsWithdrawn(formatDateTime(new Date(inspection.resultsWithdrawnAt)), inspection.resultsWithdrawalReason ?? "")}
              </span>
            ) : null}
          </>
        }
        actions={
          <>
            {inspection.state === "published" ? <ButtonLink href={`/inspections/${inspection.id}`}>{d.viewPublic}</ButtonLink> : null}
            {inspection.canEdit ? (
              <ButtonLink href={`/admin/inspections/${inspection.id}/edit`} variant="primary">
                {d.edit}
              </ButtonLink>
            ) : null}
          </>
        }
      />

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Panel id="plan" title={d.plan} level={3}>
            <DescriptionList
              columns={1}
              labelWidth="wider"
              items={[
                ...planRows,
                [
                  d.items,
                  <ul key="items" className="space-y-1">
                    {inspection.items.map((item) => (
                      <li key={item.id}>
                        {item.name}（{item.method}；{d.powerOf(item.powerCode, item.powerName)}）
                      </li>
                    ))}
                  </ul>,
                ],
              ]}
            />
            <p className="mt-4 whitespace-pre-line border-t border-gray-200 pt-4 text-sm leading-7">{inspection.description}</p>
          </Panel>

          <Panel id="draw" title={d.draw} level={3}>
            {inspection.draw ? (
              <DrawRecord draw={inspection.draw} inputHref={inspection.state === "published" ? `/api/v1/inspections/${inspection.id}/draw-input` : undefined} />
            ) : inspection.canDraw ? (
              <DrawForm run={drawInspectionAction.bind(null, inspection.id)} version={inspection.version} />
            ) : (
              <p className="text-sm text-gray-700">{d.notDrawn}</p>
            )}
          </Panel>
        </div>

        <div className="space-y-6">
          <Panel id="review-plan" title={d.reviewPlan} description={d.reviewPlanHelp} level={3}>
            <ReviewActions steps={steps("plan", inspection.planActions)} version={inspection.version} run={run} empty={d.noActions} />
          </Panel>
          {inspection.state === "published" ? (
            <Panel id="review-results" title={d.reviewResults} description={d.reviewResultsHelp} level={3}>
              <ReviewActions steps={steps("results", inspection.resultsActions)} version={inspection.version} run={run} empty={d.noActions} />
            </Panel>
          ) : null}
          <Panel id="results-due" title={d.resultsDue} level={3}>
            <p data-testid="results-due">
              <DueDate {...timelinessOf(inspection.resultsDeadline)} />
            </p>
            <details className="mt-2 text-sm">
              <summary>{d.explanation}</summary>
              <p className="mt-1 text-gray-800">{inspection.resultsDeadline.explanation}</p>
            </details>
          </Panel>
        </div>
      </div>
      {inspection.draw ? (
        <Panel id="assignments" title={d.assignments} level={3}>
          {inspection.canRecordResults ? (
            <ResultsForm
              run={recordResultsAction.bind(null, inspection.id)}
              version={inspection.version}
              rows={inspection.assignments.map((assignment) => ({
                id: assignment.id,
                position: assignment.position,
                targetName: assignment.targetName,
                inspectors: assignment.inspectors.map((inspector) => inspector.name).join("、"),
                outcome: assignment.outcome,
                inspectedOn: assignment.inspectedOn,
                note: assignment.note,
              }))}
            />
          ) : (
            <>
              {inspection.state !== "published" ? (
                <p className="mb-3 text-sm text-gray-700">{d.resultsWaitForPlan}</p>
              ) : inspection.resultsState !== "draft" ? (
                <p className="mb-3 text-sm text-gray-700">{d.resultsLocked}</p>
              ) : null}
              <AssignmentTable assignments={inspection.assignments} showResults={inspection.state === "published"} />
            </>
          )}
        </Panel>
      ) : null}

      <Panel id="history" title={d.history} level={3}>
        <HistoryList events={inspection.history} actionLabels={m.historyActions} stateLabels={m.states} commentLabel={d.comment} testId="inspection-history" />
      </Panel>
    </div>
  );
}
