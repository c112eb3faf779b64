import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ButtonLink } from "@/components/console/button-link";
import { DescriptionList, type Detail } from "@/components/console/details";
import { DoneNotice, noticeOf } from "@/components/console/notice";
import { PageHeader } from "@/components/console/page-header";
import { Panel } from "@/components/console/panel";
import { ReviewActions } from "@/components/console/review-actions";
import { transitionNotice } from "@/components/console/review-notices";
import { reviewSteps } from "@/components/console/review-steps";
import { StateBadge } from "@/components/console/state-badge";
import { listAgencies } from "@/lib/agency/agencies";
import { listAgenciesAcceptingApplications } from "@/lib/applications/application-agencies";
import { findConsoleApplication } from "@/lib/applications/console-applications";
import { applicationOutcomes } from "@/lib/applications/outcomes";
import { requirePageUser } from "@/lib/auth/page-guard";
import { todayInBeijing } from "@/lib/dates";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { AppealForm, AppealResultForm, DecisionForm, ReplyEditor, StepForms, TransferForm } from "../_components/application-forms";
import {
  recordAppealAction,
  recordDecisionAction,
  recordStepAction,
  transferApplicationAction,
  transitionReplyAction,
  updateAppealAction,
  updateReplyAction,
} from "../actions";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: messages.applications.console.title };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string; step?: string }> };

const a = messages.applications;
const d = a.console.detail;

const notices: Record<string, string> = {
  step: d.stepRecorded,
  decided: d.decided,
  reply: d.replySaved,
  appeal: d.appealSaved,
};

export default async function ApplicationPage({ params, searchParams }: Props) {
  const actor = await requirePageUser("application.read");
  const raw = (await params).id;
  if (!/^\d+$/.test(raw)) notFound();
  const notice = await searchParams;
  const application = await findConsoleApplication(actor, Number(raw)).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const today = todayInBeijing();
  const { applicant, clock, reply } = application;
  const f = a.publicForm;
  const applicantRows: [string, string | null][] = [
    [
      f.applicantType,
      `${a.applicantTypes[applicant.applicantType as keyof typeof a.applicantTypes]}${applicant.organisationKind ? `（${a.organisationKinds[applicant.organisationKind as keyof typeof a.organisationKinds]}）` : ""}`,
    ],
    [f.name, applicant.name],
    [f.idType, applicant.idType ? a.idTypes[applicant.idType as keyof typeof a.idTypes] : null],
    [f.idNumber, applicant.idNumber],
    [f.creditCode, applicant.creditCode],
    [f.legalRepresentative, applicant.legalRepresentative],
    [f.contactName, applicant.contactName],
    [f.phone, applicant.phone],
    [f.email, applicant.email],
    [f.address, applicant.address],
    [f.deliveryMethod, applicant.deliveryMethod ? a.deliveryMethods[applicant.deliveryMethod as keyof typeof a.deliveryMethods] : null],
    [f.informationForm, applicant.informationForm ? a.informationForms[applicant.informationForm as keyof typeof a.informationForms] : null],
  ];
  const outcomeOptions = applicationOutcomes.map((outcome) => ({ slug: outcome.slug, label: a.outcomeShortNames[outcome.slug], groupName: outcome.groupName }));
  const canReadLetter = !applicant.masked;
  // The platform's other agencies (集约化): to name in 本机关不掌握, and (accepting applications) to transfer to.
  const toChoice = (agency: { code: string; name: string }) => ({ value: agency.code, label: agency.name });
  const [platformAgencies, accepting] = await Promise.all([
    application.canDecide ? listAgencies() : [],
    application.canTransfer ? listAgenciesAcceptingApplications() : [],
  ]);
  const otherAgencies = platformAgencies.filter((agency) => agency.id !== application.agency.id).map(toChoice);
  const transferTargets = accepting.filter((agency) => agency.id !== application.agency.id).map(toChoice);
  return (
    <div className="space-y-6">
      <DoneNotice message={transitionNotice(notice, noticeOf(notices, notice.done))} />
      <PageHeader
        breadcrumbs={[{ href: "/admin/applications", label: a.console.title }]}
        title={application.number}
        titleClassName="font-mono"
        meta={
          <>
            <StateBadge workflow="application" state={application.status} />
            <span>
              {a.console.detail.source}：{a.sources[application.source as keyof typeof a.sources]}
            </span>
            {application.receiptMethod ? (
              <span>
                {a.console.receiptMethod}：{a.receiptMethods[application.receiptMethod as keyof typeof a.receiptMethods]}
              </span>
            ) : null}
            {application.registeredBy ? (
              <span>
                {d.registeredBy}：{application.registeredBy}
              </span>
            ) : null}
            {application.outcome ? (
              <span data-testid="application-outcome">
                {a.console.columns.outcome}：{a.outcomeShortNames[application.outcome]}
              </span>
            ) : null}
          </>
        }
      />
      {!application.isHandler ? <p className="text-sm text-gray-700">{d.cannotHandle}</p> : null}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Panel id="applicant" title={d.applicant}>
            {applicant.masked ? (
              <p className="mb-3 rounded bg-gray-50 px-3 py-2 text-sm" data-testid="applicant-masked">
                {d.masked}
              </p>
            ) : null}
            <DescriptionList items={applicantRows.filter(([, value]) => value) as Detail[]} labelWidth="wide" testId="applicant-data" />
            {applicant.description ? (
              <div className="mt-4 border-t border-gray-200 pt-3">
                <h3 className="text-sm font-semibold">{d.request}</h3>
                <p className="mt-1 whitespace-pre-wrap" data-testid="application-description">
                  {applicant.description}
                </p>
              </div>
            ) : null}
          </Panel>

          <Panel id="timeline" title={d.timeline}>
            <ol className="space-y-2 text-sm" data-testid="application-timeline">
              {application.timeline.map((entry) => (
                <li key={entry.key} className="border-l-2 border-gray-300 pl-3">
                  <span className="font-mono text-gray-700">{entry.date}</span> <strong>{entry.label}</strong>
                  {entry.detail ? <span className="text-gray-800">（{entry.detail}）</span> : null}
                  {entry.actorName ? <span className="text-gray-700"> · {d.stepBy(entry.actorName)}</span> : null}
                  {entry.note ? <p className="mt-1 whitespace-pre-wrap rounded bg-gray-50 px-2 py-1">{entry.note}</p> : null}
                  {entry.noteHidden ? (
                    <p className="mt-1 text-gray-700" data-testid="note-hidden">
                      {d.noteHidden}
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
          </Panel>

          {reply ? (
            <Panel id="reply" title={d.reply}>
              <p className="mb-2 flex flex-wrap items-center gap-2 text-sm">
                <StateBadge workflow="applicationReply" state={reply.state} />
                <span>{a.outcomeShortNames[reply.outcome]}</span>
                {reply.issuedOn ? (
                  <span>
                    {a.publicStatus.issuedOn}：{reply.issuedOn}
                  </span>
                ) : null}
                {reply.authorName ? <span>{d.stepBy(reply.authorName)}</span> : null}
              </p>
              <article className="rounded border border-gray-200 bg-gray-50 p-4 leading-7" data-testid="reply-letter">
                <h3 className="text-center font-semibold">{reply.title}</h3>
                <div className="mt-2 whitespace-pre-wrap">{reply.body}</div>
              </article>
              <p className="mt-2 text-xs text-gray-700">
                {a.templatesAdmin.legalBasis}：{reply.legalBasis}
              </p>
              {canReadLetter ? (
                <p className="no-print mt-3 flex flex-wrap gap-3 text-sm">
                  <ButtonLink href={`/admin/applications/${application.id}/reply/docx`} plain>
                    {d.downloadDocx}
                  </ButtonLink>
                  <ButtonLink href={`/admin/applications/${application.id}/reply`}>{d.printReply}</ButtonLink>
                </p>
              ) : null}
              <div className="no-print mt-4 space-y-3">
                {reply.editable ? (
                  <ReplyEditor run={updateReplyAction.bind(null, application.id)} title={reply.title} body={reply.body} version={reply.version} />
                ) : null}
                {reply.actions.length ? (
                  <ReviewActions
                    run={transitionReplyAction.bind(null, application.id)}
                    version={reply.version}
                    empty=""
                    steps={reviewSteps(
                      reply.actions,
                      { label: (action) => d.replyAction(a.replyActions[action]), returnComment: d.returnComment, comment: d.comment },
                      { rows: 2 },
                    )}
                  />
                ) : null}
              </div>
            </Panel>
          ) : null}

          <Panel id="appeals" title={d.appeals}>
            {application.reconsiderations.length + application.litigations.length === 0 ? (
              <p className="text-sm text-gray-700">{a.console.appealForm.empty}</p>
            ) : null}
            <ul className="space-y-3 text-sm" data-testid="appeals">
              {[
                ...application.reconsiderations.map((record) => ({ ...record, kind: "reconsideration" as const, afterReconsideration: false })),
                ...application.litigations.map((record) => ({ ...record, kind: "litigation" as const })),
              ].map((record) => {
                const label = `${a.console.appealForm.kinds[record.kind]}${record.afterReconsideration ? `（${a.console.appealForm.afterReconsideration}）` : ""}`;
                return (
                  <li key={`${record.kind}-${record.id}`} className="rounded border border-gray-200 p-3">
                    <p>
                      <strong>{label}</strong> · {record.filedOn} · {record.body} · {a.appealResults[record.result as keyof typeof a.appealResults]}
                      {record.resultOn ? `（${record.resultOn}）` : ""}
                    </p>
                    {record.note ? <p className="mt-1 text-gray-800">{record.note}</p> : null}
                    {record.noteHidden ? (
                      <p className="mt-1 text-gray-700" data-testid="note-hidden">
                        {d.noteHidden}
                      </p>
                    ) : null}
                    {application.canRecordAppeal ? (
                      <AppealResultForm
                        run={updateAppealAction.bind(null, application.id, record.kind, record.id)}
                        result={record.result}
                        resultOn={record.resultOn}
                        label={`${label} ${record.filedOn}`}
                      />
                    ) : null}
                  </li>
                );
              })}
            </ul>
            {application.canRecordAppeal ? (
              <div className="no-print mt-3">
                <AppealForm run={recordAppealAction.bind(null, application.id)} today={today} />
              </div>
            ) : null}
          </Panel>
        </div>

        <div className="space-y-6">
          <Panel id="deadline" title={d.deadline}>
            <p className="text-sm">
              {a.publicStatus.receivedOn}：<span className="font-mono">{clock.receivedOn}</span>
            </p>
            {application.status === "closed" ? (
              <p className="mt-1 text-sm">
                {a.publicStatus.issuedOn}：<span className="font-mono">{application.closedOn}</span>
                {clock.answeredLate ? <span className="ml-2 font-semibold text-red-700">{a.console.overdue}</span> : null}
              </p>
            ) : (
              <p className={`mt-1 text-lg ${clock.overdue ? "font-semibold text-red-700" : ""}`} data-testid="application-due">
                {clock.dueOn ?? a.publicStatus.noDue}
                {clock.provisional ? <span className="text-sm font-normal">{a.deadlines.provisional}</span> : null}
                {clock.overdue ? (
                  `（${a.console.overdue}）`
                ) : clock.workingDaysLeft !== null ? (
                  <span className="ml-2 text-sm font-normal text-gray-700">{a.console.daysLeft(clock.workingDaysLeft)}</span>
                ) : null}
              </p>
            )}
            {clock.lapse ? (
              <p className="mt-2 rounded border border-red-700 bg-red-50 px-2 py-1 text-sm text-red-900" data-testid="application-lapse">
                {clock.lapse.explanation}
              </p>
            ) : null}
            {clock.noticesAwaitingReceipt.length && !clock.decidedOn && !clock.answeredOn ? (
              <p className="mt-2 rounded border border-amber-700 bg-amber-50 px-2 py-1 text-sm text-amber-900" data-testid="application-receipt-needed">
                {d.receiptNeeded(clock.noticesAwaitingReceipt.map((notice) => `${a.deadlines.noticeLabels[notice.kind]}（${notice.sentOn}）`))}
              </p>
            ) : null}
            {!clock.correction && !clock.decidedOn && !clock.answeredOn ? (
              <p className="mt-1 text-sm text-gray-700">{d.correctionDeadline(clock.correctionRequestBy)}</p>
            ) : null}
            <details className="mt-2 text-sm" open>
              <summary>{d.explanation}</summary>
              <ul className="mt-1 list-disc space-y-1 pl-5 text-gray-800" data-testid="due-explanation">
                {clock.explanation.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </details>
          </Panel>

          {application.stepTypes.length ? (
            <Panel id="steps" title={d.steps} className="no-print">
              <StepForms
                types={application.stepTypes}
                run={recordStepAction.bind(null, application.id)}
                today={today}
                defaultDeliveryMethod={applicant.deliveryMethod}
                notices={clock.noticesAwaitingReceipt.map((notice) => ({
                  value: String(notice.stepId),
                  label: `${a.deadlines.noticeLabels[notice.kind]}（${notice.sentOn}）`,
                }))}
                consultations={clock.consultations
                  .filter((each) => !each.endedOn)
                  .map((each) => ({ kind: each.kind, value: String(each.stepId), label: `${a.deadlines.pauseLabels[each.kind]}（${each.from}）` }))}
              />
            </Panel>
          ) : null}

          {application.canDecide ? (
            <Panel id="decision" title={d.decision} className="no-print">
              <DecisionForm
                run={recordDecisionAction.bind(null, application.id)}
                today={today}
                outcomes={outcomeOptions}
                current={application.outcome}
                agencies={otherAgencies}
              />
            </Panel>
          ) : null}

          {transferTargets.length ? (
            <Panel id="transfer" title={a.console.transferForm.title} className="no-print">
              <TransferForm run={transferApplicationAction.bind(null, application.id)} today={today} agencies={transferTargets} />
            </Panel>
          ) : null}

          {application.fee ? (
            <Panel id="fee" title={d.fee}>
              <p className="text-sm">
                {a.feeMethods[application.fee.method as keyof typeof a.feeMethods]} · {application.fee.summary}
              </p>
              <ul className="mt-1 list-disc pl-5 text-sm">
                {application.fee.breakdown.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
              <p className="mt-1 text-sm text-gray-700">
                {a.stepTypes.fee_notice}：{application.fee.noticeOn}
                {application.fee.deliveryMethod ? `（${a.noticeDeliveryMethods[application.fee.deliveryMethod as keyof typeof a.noticeDeliveryMethods]}）` : ""}
                ；
                {application.fee.receivedOn
                  ? `${a.console.stepForm.noticeReceivedOn}：${application.fee.receivedOn}；`
                  : `${a.console.stepForm.noticeReceiptUnknown}；`}
                {application.fee.payBy ? a.deadlines.pausedUntil(a.deadlines.pauseLabels.fee, application.fee.payBy) : ""}
                {application.fee.paidOn ? `；${a.stepTypes.fee_paid}：${application.fee.paidOn}` : ""}
              </p>
            </Panel>
          ) : null}
        </div>
      </div>
    </div>
  );
}
