import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
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
import { CheckboxField } from "@/components/forms/field";
import { requirePageUser } from "@/lib/auth/page-guard";
import { NotFoundError } from "@/lib/errors";
import { findConsoleFeedback, type ConsoleFeedbackDetail } from "@/lib/feedback/manage-feedback";
import { formatDateTime } from "@/lib/format";
import { messages } from "@/lib/i18n";
import { listSections } from "@/lib/sections/manage-sections";
import { assignFeedbackAction, moderateFeedbackAction, saveFeedbackReplyAction, transitionFeedbackReplyAction, unpublishFeedbackAction } from "../actions";
import { AssignForm, FeedbackReplyForm, ModerationForms, UnpublishForm } from "./feedback-panels";

export const metadata: Metadata = { title: messages.proposals.feedback.console.title };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string; step?: string }> };

const d = messages.proposals.feedback.console.detail;
const notices: Record<string, string> = {
  moderated: d.moderated,
  assigned: d.assigned,
  reply: d.replySaved,
  unpublished: d.unpublished,
};
const auditLabels: Record<string, string | undefined> = messages.proposals.audit.actionLabels;

export default async function ConsoleFeedbackDetailPage({ params, searchParams }: Props) {
  const actor = await requirePageUser("feedback.read_console");
  const raw = (await params).id;
  if (!/^\d+$/.test(raw)) notFound();
  const feedback = await findConsoleFeedback(actor, Number(raw)).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const notice = await searchParams;
  const sections = feedback.can.assign ? await listSections(actor) : [];
  const f = messages.proposals.feedback;
  const r = feedback.ratings;
  const submissionFindings = feedback.screeningFindings.filter((finding) => finding.stage === "submission");
  const publicationFindings = feedback.screeningFindings.filter((finding) => finding.stage === "publication");
  const rows: Detail[] = [
    [f.console.columns.submittedAt, formatDateTime(feedback.submittedAt)],
    [d.visitor, feedback.name ?? d.anonymous],
    [d.contact, feedback.contact ?? "—"],
    ...(feedback.masked ? ([[d.personalData, messages.proposals.feedback.console.maskedForPlatform]] as Detail[]) : []),
    [d.mayPublish, feedback.mayPublish ? d.yes : d.no],
    [f.console.columns.section, feedback.sectionName ?? f.console.unassigned],
    [
      d.item,
      feedback.itemId ? (
        <Link key="item" href={`/items/${feedback.itemId}`}>
          {feedback.itemTitle ?? feedback.itemId}
        </Link>
      ) : (
        "—"
      ),
    ],
  ];
  const s = f.screening;
  const replySteps = reviewSteps(
    feedback.can.replyActions,
    { label: (action) => f.replyActions[action], returnComment: d.returnComment, comment: d.comment },
    {
      rows: 2,
      before: (action) =>
        action === "approve" ? (
          <>
            <AcknowledgeFindings idPrefix="publication-finding" title={s.findings} help={s.findingsHelp} noteLabel={s.findingNote} />
            <CheckboxField name="publish" label={d.publish} hint={d.publishHint} defaultChecked={feedback.mayPublish} disabled={!feedback.mayPublish} />
          </>
        ) : null,
    },
  );
  return (
    <div className="space-y-6">
      <DoneNotice message={transitionNotice(notice, noticeOf(notices, notice.done))} />
      <PageHeader
        breadcrumbs={[{ href: "/admin/feedback", label: f.console.title }]}
        title={feedback.topic}
        meta={
          <>
            <StateBadge workflow="feedback" state={feedback.status} />
            {feedback.reply ? <StateBadge workflow="feedbackReply" state={feedback.reply.state} /> : null}
            <span>{feedback.published ? d.published : d.notPublished}</span>
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Panel id="message" title={d.message}>
            <DescriptionList items={rows} labelWidth="narrow" />
            <div className="mt-4 whitespace-pre-wrap break-words rounded bg-gray-50 p-3 leading-7" data-testid="feedback-content">
              {feedback.content}
            </div>
          </Panel>
          <Panel id="reply" title={d.reply}>
            {feedback.reply && !feedback.can.saveReply ? (
              <>
                <p className="mb-2 text-sm text-gray-700">{feedback.reply.authorName}</p>
                <div className="whitespace-pre-wrap rounded bg-gray-50 p-3 leading-7" data-testid="feedback-reply">
                  {feedback.reply.body}
                </div>
              </>
            ) : null}
            {feedback.can.saveReply ? (
              <FeedbackReplyForm run={saveFeedbackReplyAction.bind(null, feedback.id)} version={feedback.version} body={feedback.reply?.body ?? ""} />
            ) : null}
            {feedback.reply ? (
              <div className="mt-4">
                <ReviewActions steps={replySteps} version={feedback.version} run={transitionFeedbackReplyAction.bind(null, feedback.id)} empty={d.noActions} />
              </div>
            ) : null}
            {publicationFindings.length ? (
              <div className="mt-4 text-sm">
                <h3 className="font-semibold">{f.screening.acknowledgedFindings}</h3>
                <FindingList findings={publicationFindings} testId="acknowledged-findings" />
              </div>
            ) : null}
            {feedback.published ? (
              <p className="mt-3 text-sm" data-testid="feedback-ratings">
                {d.ratings}：{f.public.ratings(r.satisfied, r.basically_satisfied, r.unsatisfied)}
              </p>
            ) : null}
          </Panel>
          <Panel id="history" title={d.history}>
            <HistoryList events={feedback.history} actionLabels={auditLabels} commentLabel={d.comment} />
          </Panel>
        </div>
        <div className="space-y-6">
          {feedback.moderationMatches.length || submissionFindings.length || feedback.can.moderate ? (
            <Panel id="moderation" title={d.moderation} tone="warning">
              {feedback.moderationMatches.length ? (
                <p className="mb-3 text-sm">
                  {d.moderationHits}：<span data-testid="moderation-hits">{feedback.moderationMatches.join("、")}</span>
                </p>
              ) : null}
              {submissionFindings.length ? (
                <div className="mb-3 text-sm">
                  <h3 className="font-semibold">{f.screening.submissionFindings}</h3>
                  <FindingList findings={submissionFindings} testId="submission-findings" />
                </div>
              ) : null}
              {feedback.moderationNote ? (
                <p className="mb-3 text-sm">
                  {d.moderationNote}：{feedback.moderationNote}
                </p>
              ) : null}
              {feedback.can.moderate ? (
                <ModerationForms
                  run={moderateFeedbackAction.bind(null, feedback.id)}
                  version={feedback.version}
                  canRelease={feedback.status === "moderation"}
                />
              ) : null}
            </Panel>
          ) : null}
          {feedback.can.assign ? (
            <Panel id="assignment" title={d.assignment}>
              <AssignForm run={assignFeedbackAction.bind(null, feedback.id)} version={feedback.version} sections={sections} sectionId={feedback.sectionId} />
            </Panel>
          ) : null}
          {feedback.can.unpublish ? (
            <Panel id="unpublish" title={d.unpublish}>
              <UnpublishForm run={unpublishFeedbackAction.bind(null, feedback.id)} version={feedback.version} />
            </Panel>
          ) : null}
        </div>
      </div>
    </div>
  );
}

const findingKinds: Record<string, string | undefined> = messages.consoleItems.detail.findingKinds;

function FindingList({ findings, testId }: { findings: ConsoleFeedbackDetail["screeningFindings"]; testId: string }) {
  return (
    <ul className="mt-1 space-y-2" data-testid={testId}>
      {findings.map((finding, index) => (
        <li key={index} className="rounded border border-amber-300 bg-amber-50 px-2 py-1">
          <p>
            <strong>{findingKinds[finding.kind] ?? finding.kind}</strong>（{finding.source}）：<code>{finding.match}</code>
          </p>
          <p className="text-gray-700">……{finding.context}……</p>
          {finding.acknowledgedNote ? (
            <p>{messages.proposals.feedback.screening.acknowledgedBy(finding.acknowledgedBy ?? "", finding.acknowledgedNote)}</p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
