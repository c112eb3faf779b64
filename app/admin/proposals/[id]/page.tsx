import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ButtonLink } from "@/components/console/button-link";
import { DescriptionList, type Detail } from "@/components/console/details";
import { HistoryList } from "@/components/console/history-list";
import { DoneNotice, noticeOf } from "@/components/console/notice";
import { PageHeader } from "@/components/console/page-header";
import { Panel } from "@/components/console/panel";
import { ReviewActions } from "@/components/console/review-actions";
import { transitionNotice } from "@/components/console/review-notices";
import { reviewSteps } from "@/components/console/review-steps";
import { StateBadge } from "@/components/console/state-badge";
import { AcknowledgeFindings } from "@/components/forms/acknowledge-findings";
import { requirePageUser } from "@/lib/auth/page-guard";
import { todayInBeijing } from "@/lib/dates";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { findConsoleProposal } from "@/lib/proposals/console-proposals";
import { listSections } from "@/lib/sections/manage-sections";
import { assignProposalAction, closeProposalAction, recordFeedbackAction, reopenProposalAction, saveReplyAction, transitionReplyAction } from "../actions";
import { AssignmentForm, CloseForm, ProposerFeedbackForm, ReopenForm, ReplyForm, type ReplyFormValues } from "./proposal-panels";

export const metadata: Metadata = { title: messages.proposals.console.title };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string; step?: string }> };

const findingKinds: Record<string, string | undefined> = messages.consoleItems.detail.findingKinds;
const notices: Record<string, string> = {
  created: messages.proposals.console.created,
  saved: messages.proposals.console.saved,
  assigned: messages.proposals.console.detail.assigned,
  reply: messages.proposals.console.detail.replySaved,
  feedback: messages.proposals.console.detail.feedbackRecorded,
  reopened: messages.proposals.console.detail.reopened,
  closed: messages.proposals.console.detail.closed,
};

const auditLabels: Record<string, string | undefined> = messages.proposals.audit.actionLabels;

export default async function ConsoleProposalPage({ params, searchParams }: Props) {
  const actor = await requirePageUser("proposal.read_console");
  const raw = (await params).id;
  if (!/^\d+$/.test(raw)) notFound();
  const proposal = await findConsoleProposal(actor, Number(raw)).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const notice = await searchParams;
  const sections = proposal.can.assign ? await listSections(actor) : [];
  const p = messages.proposals;
  const m = p.console;
  const d = m.detail;
  const latest = proposal.replies.at(-1) ?? null;
  const editingDraft = latest?.state === "draft" ? latest : null;
  const replyValues: ReplyFormValues = editingDraft
    ? {
        body: editingDraft.body,
        disclosure: editingDraft.disclosure,
        summary: editingDraft.summary ?? "",
        nondisclosureReason: editingDraft.nondisclosureReason ?? "",
        attachments: editingDraft.attachments.map((attachment) => ({ fileId: attachment.fileId, name: attachment.name })),
        version: editingDraft.version,
      }
    : { body: "", disclosure: "full", summary: "", nondisclosureReason: "", attachments: [], version: null };
  const basics: Detail[] = [
    [p.fields.year, String(proposal.year)],
    [p.fields.kind, p.kinds[proposal.kind]],
    [p.fields.session, proposal.session],
    [p.fields.number, proposal.number],
    [p.fields.proposers, proposal.proposers.join("、")],
    [p.fields.receivedOn, proposal.receivedOn],
    [p.fields.leadSectionId, proposal.leadSectionName ?? "—"],
    [p.fields.assistingSectionIds, proposal.assistingSections.map((section) => section.name).join("、") || "—"],
    [p.fields.assignedOn, proposal.assignedOn ?? "—"],
  ];
  const hasPublicReply = proposal.replies.some((reply) => reply.public);
  return (
    <div className="space-y-6">
      <DoneNotice message={transitionNotice(notice, noticeOf(notices, notice.done))} />
      <PageHeader
        breadcrumbs={[{ href: "/admin/proposals", label: m.title }]}
        title={proposal.title}
        meta={
          <>
            <span>{p.kinds[proposal.kind]}</span>
            <StateBadge workflow="proposal" state={proposal.status} />
            {proposal.overdue ? <span className="font-semibold text-red-700">{m.overdue}</span> : null}
          </>
        }
        actions={
          <>
            {hasPublicReply ? <ButtonLink href={`/proposals/${proposal.id}`}>{d.viewPublic}</ButtonLink> : null}
            {proposal.can.edit ? (
              <ButtonLink href={`/admin/proposals/${proposal.id}/edit`} variant="primary">
                {m.edit}
              </ButtonLink>
            ) : null}
          </>
        }
      />

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Panel id="basics" title={d.basics}>
            {proposal.publicFieldsLocked ? (
              <p className="mb-3 text-sm text-gray-700" data-testid="public-fields-locked">
                {p.access.publicFieldsNotice}
              </p>
            ) : null}
            <DescriptionList items={basics} labelWidth="narrow" />
          </Panel>

          <Panel id="replies" title={d.replies}>
            {proposal.replies.length === 0 ? <p className="text-sm text-gray-700">{d.noReply}</p> : null}
            <ol className="space-y-6">
              {proposal.replies.map((reply) => (
                <li key={reply.id} className="rounded border border-gray-200 p-4" data-testid={`reply-round-${reply.round}`}>
                  <h3 className="flex flex-wrap items-center gap-2 font-semibold">
                    {d.round(reply.round)}
                    <StateBadge workflow="proposalReply" state={reply.state} />
                    <span className="text-sm font-normal">{p.disclosures[reply.disclosure]}</span>
                  </h3>
                  <div className="mt-2">
                    <DescriptionList
                      labelWidth="narrow"
                      items={[
                        [d.author, reply.authorName],
                        [d.dueOn, reply.dueOn],
                        ...(reply.repliedOn ? [[d.repliedOn, `${reply.repliedOn}（${reply.onTime ? d.onTime : d.late}）`] as Detail] : []),
                        ...(reply.satisfaction
                          ? [
                              [
                                d.satisfaction,
                                <span key="satisfaction" data-testid="reply-satisfaction">
                                  {p.satisfactions[reply.satisfaction]}（{reply.feedbackOn}）{reply.feedbackNote ? `：${reply.feedbackNote}` : ""}
                                </span>,
                              ] as Detail,
                            ]
                          : []),
                      ]}
                    />
                  </div>
                  <div className="mt-3 whitespace-pre-wrap rounded bg-gray-50 p-3 text-sm leading-7">{reply.body}</div>
                  {reply.disclosure === "summary" ? (
                    <p className="mt-2 text-sm">
                      <strong>{d.replySummary}：</strong>
                      {reply.summary}
                    </p>
                  ) : null}
                  {reply.disclosure === "none" ? (
                    <p className="mt-2 text-sm">
                      <strong>{d.nondisclosureReason}：</strong>
                      {reply.nondisclosureReason}
                    </p>
                  ) : null}
                  {reply.withdrawalReason && reply.state === "withdrawn" ? (
                    <p className="mt-2 text-sm text-red-800">
                      {d.withdrawReason}：{reply.withdrawalReason}
                    </p>
                  ) : null}
                  {reply.attachments.length ? (
                    <ul className="mt-2 list-disc pl-6 text-sm">
                      {reply.attachments.map((attachment) => (
                        <li key={attachment.attachmentId}>
                          <a href={`/proposals/files/${attachment.attachmentId}`}>{attachment.name}</a>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  {reply.findings.length ? (
                    <div className="mt-3 rounded border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="reply-acknowledged-findings">
                      <h4 className="font-semibold">{d.acknowledgedFindings}</h4>
                      <ul className="mt-1 list-disc pl-6">
                        {reply.findings.map((finding, index) => (
                          <li key={index}>
                            {findingKinds[finding.kind] ?? finding.kind}（{finding.source}）：<code>{finding.match}</code> —{" "}
                            {d.acknowledgedBy(finding.by, finding.note)}
                          </li>
                        ))}
                      </ul>
                    </div>
                  ) : null}
                  <div className="mt-4">
                    <h4 className="mb-2 text-sm font-semibold">{d.actions}</h4>
                    <ReviewActions
                      version={reply.version}
                      run={transitionReplyAction.bind(null, proposal.id, reply.id)}
                      empty={d.noActions}
                      steps={reviewSteps(
                        reply.actions,
                        {
                          label: (action) => p.replyActions[action],
                          returnComment: d.returnComment,
                          withdrawReason: d.withdrawReason,
                          comment: d.comment,
                        },
                        {
                          before: (action) =>
                            action === "submit" ? (
                              <AcknowledgeFindings idPrefix={`reply-${reply.id}-finding`} title={d.findings} help={d.findingsHelp} noteLabel={d.findingNote} />
                            ) : null,
                        },
                      )}
                    />
                  </div>
                </li>
              ))}
            </ol>
            {proposal.canDraftReply ? (
              <div className="mt-6 border-t border-gray-200 pt-4">
                <h3 className="mb-3 font-semibold">{editingDraft ? d.editReply : d.draftReply}</h3>
                <ReplyForm run={saveReplyAction.bind(null, proposal.id)} values={replyValues} label={editingDraft ? d.editReply : d.draftReply} />
              </div>
            ) : null}
          </Panel>

          <Panel id="history" title={d.history}>
            <HistoryList events={proposal.history} actionLabels={auditLabels} commentLabel={d.comment} testId="proposal-history" />
          </Panel>
        </div>

        <div className="space-y-6">
          <Panel id="deadline" title={p.fields.deadline}>
            <p className={proposal.overdue ? "font-semibold text-red-700" : ""} data-testid="proposal-deadline">
              {proposal.deadline ?? "—"}
            </p>
            {proposal.deadlineNote ? (
              <details className="mt-2 text-sm">
                <summary>{d.deadlineExplanation}</summary>
                <p className="mt-1 text-gray-800" data-testid="deadline-explanation">
                  {proposal.deadlineNote}
                </p>
              </details>
            ) : null}
          </Panel>
          {proposal.can.assign ? (
            <Panel id="assignment" title={d.assignment}>
              <AssignmentForm
                run={assignProposalAction.bind(null, proposal.id)}
                sections={sections}
                leadSectionId={proposal.leadSectionId}
                assisting={proposal.assistingSections.map((section) => section.id)}
                version={proposal.version}
              />
            </Panel>
          ) : null}
          {proposal.can.recordFeedback || proposal.can.reopen || proposal.can.close ? (
            <Panel id="proposer-feedback" title={d.feedback}>
              {proposal.can.reopen ? (
                <div className="mb-4 border-b border-gray-200 pb-4">
                  <ReopenForm run={reopenProposalAction.bind(null, proposal.id)} version={proposal.version} />
                </div>
              ) : null}
              {proposal.can.recordFeedback ? (
                <ProposerFeedbackForm run={recordFeedbackAction.bind(null, proposal.id)} version={proposal.version} today={todayInBeijing()} />
              ) : null}
              {proposal.can.close ? (
                <div className="mt-4 border-t border-gray-200 pt-4">
                  <CloseForm run={closeProposalAction.bind(null, proposal.id)} version={proposal.version} />
                </div>
              ) : null}
            </Panel>
          ) : null}
        </div>
      </div>
    </div>
  );
}
