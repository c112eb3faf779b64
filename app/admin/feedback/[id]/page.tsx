import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth/page-guard";
import { NotFoundError } from "@/lib/errors";
import { findConsoleFeedback, type ConsoleFeedbackDetail } from "@/lib/feedback/manage-feedback";
import { formatDateTime } from "@/lib/format";
import { messages } from "@/lib/i18n";
import { listSections } from "@/lib/sections/manage-sections";
import { assignFeedbackAction, moderateFeedbackAction, saveFeedbackReplyAction, transitionFeedbackReplyAction, unpublishFeedbackAction } from "../actions";
import { AssignForm, FeedbackReplyForm, FeedbackReplyTransitions, ModerationForms, UnpublishForm } from "./feedback-panels";

export const metadata: Metadata = { title: messages.proposals.feedback.console.title };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> };

const d = messages.proposals.feedback.console.detail;
const notices: Record<string, string> = {
  moderated: d.moderated, assigned: d.assigned, reply: d.replySaved, transition: d.transitionDone, unpublished: d.unpublished,
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
  const { done } = await searchParams;
  const sections = feedback.can.assign ? await listSections(actor) : [];
  const f = messages.proposals.feedback;
  const r = feedback.ratings;
  const submissionFindings = feedback.screeningFindings.filter((finding) => finding.stage === "submission");
  const publicationFindings = feedback.screeningFindings.filter((finding) => finding.stage === "publication");
  const rows: [string, React.ReactNode][] = [
    [f.console.columns.submittedAt, formatDateTime(feedback.submittedAt)],
    [d.visitor, feedback.name ?? d.anonymous],
    [d.contact, feedback.contact ?? "—"],
    [d.mayPublish, feedback.mayPublish ? d.yes : d.no],
    [f.console.columns.section, feedback.sectionName ?? f.console.unassigned],
    [d.item, feedback.itemId ? <Link key="item" href={`/items/${feedback.itemId}`}>{feedback.itemTitle ?? feedback.itemId}</Link> : "—"],
  ];
  return (
    <div className="space-y-6">
      <p><Link href="/admin/feedback">← {f.console.title}</Link></p>
      {done && notices[done] ? <p role="status" className="rounded border border-green-700 bg-green-50 px-3 py-2 text-sm" data-testid="form-success">{notices[done]}</p> : null}
      <header>
        <h1 className="text-xl font-bold">{feedback.topic}</h1>
        <p className="mt-1 flex flex-wrap gap-2 text-sm text-gray-700">
          <span className="rounded border border-gray-500 px-2 py-0.5 text-xs font-medium" data-testid="feedback-status">{f.statuses[feedback.status]}</span>
          {feedback.reply ? <span data-testid="feedback-reply-state">{f.replyStates[feedback.reply.state]}</span> : null}
          <span>{feedback.published ? d.published : d.notPublished}</span>
        </p>
      </header>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="message">
            <h2 id="message" className="mb-3 text-lg font-semibold">{d.message}</h2>
            <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
              {rows.map(([label, value]) => <div key={label} className="flex gap-2"><dt className="w-20 shrink-0 text-gray-700">{label}</dt><dd className="break-all">{value}</dd></div>)}
            </dl>
            <div className="mt-4 whitespace-pre-wrap break-words rounded bg-gray-50 p-3 leading-7" data-testid="feedback-content">{feedback.content}</div>
          </section>
          <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="reply">
            <h2 id="reply" className="mb-3 text-lg font-semibold">{d.reply}</h2>
            {feedback.reply && !feedback.can.saveReply ? (
              <>
                <p className="mb-2 text-sm text-gray-700">{feedback.reply.authorName}</p>
                <div className="whitespace-pre-wrap rounded bg-gray-50 p-3 leading-7" data-testid="feedback-reply">{feedback.reply.body}</div>
              </>
            ) : null}
            {feedback.can.saveReply ? <FeedbackReplyForm run={saveFeedbackReplyAction.bind(null, feedback.id)} version={feedback.version} body={feedback.reply?.body ?? ""} /> : null}
            {feedback.reply ? (
              <div className="mt-4">
                <FeedbackReplyTransitions run={transitionFeedbackReplyAction.bind(null, feedback.id)} version={feedback.version} actions={feedback.can.replyActions} mayPublish={feedback.mayPublish} />
              </div>
            ) : null}
            {publicationFindings.length ? (
              <div className="mt-4 text-sm">
                <h3 className="font-semibold">{f.screening.acknowledgedFindings}</h3>
                <FindingList findings={publicationFindings} testId="acknowledged-findings" />
              </div>
            ) : null}
            {feedback.published ? <p className="mt-3 text-sm" data-testid="feedback-ratings">{d.ratings}：{f.public.ratings(r.satisfied, r.basically_satisfied, r.unsatisfied)}</p> : null}
          </section>
          <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="history">
            <h2 id="history" className="mb-3 text-lg font-semibold">{d.history}</h2>
            <ol className="space-y-2 text-sm">
              {feedback.history.map((event) => (
                <li key={event.id} className="border-l-2 border-gray-300 pl-3">
                  <span className="text-gray-700">{formatDateTime(event.occurredAt)}</span> {event.actorName} <strong>{auditLabels[event.action] ?? event.action}</strong>
                  {event.comment ? <p className="mt-1 rounded bg-gray-50 px-2 py-1">{d.comment}：{event.comment}</p> : null}
                </li>
              ))}
            </ol>
          </section>
        </div>
        <div className="space-y-6">
          {feedback.moderationMatches.length || submissionFindings.length || feedback.can.moderate ? (
            <section className="rounded border border-amber-700 bg-white p-6" aria-labelledby="moderation">
              <h2 id="moderation" className="mb-3 text-lg font-semibold">{d.moderation}</h2>
              {feedback.moderationMatches.length ? <p className="mb-3 text-sm">{d.moderationHits}：<span data-testid="moderation-hits">{feedback.moderationMatches.join("、")}</span></p> : null}
              {submissionFindings.length ? (
                <div className="mb-3 text-sm">
                  <h3 className="font-semibold">{f.screening.submissionFindings}</h3>
                  <FindingList findings={submissionFindings} testId="submission-findings" />
                </div>
              ) : null}
              {feedback.moderationNote ? <p className="mb-3 text-sm">{d.moderationNote}：{feedback.moderationNote}</p> : null}
              {feedback.can.moderate ? <ModerationForms run={moderateFeedbackAction.bind(null, feedback.id)} version={feedback.version} canRelease={feedback.status === "moderation"} /> : null}
            </section>
          ) : null}
          {feedback.can.assign ? (
            <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="assignment">
              <h2 id="assignment" className="mb-3 text-lg font-semibold">{d.assignment}</h2>
              <AssignForm run={assignFeedbackAction.bind(null, feedback.id)} version={feedback.version} sections={sections} sectionId={feedback.sectionId} />
            </section>
          ) : null}
          {feedback.can.unpublish ? (
            <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="unpublish">
              <h2 id="unpublish" className="mb-3 text-lg font-semibold">{d.unpublish}</h2>
              <UnpublishForm run={unpublishFeedbackAction.bind(null, feedback.id)} version={feedback.version} />
            </section>
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
          <p><strong>{findingKinds[finding.kind] ?? finding.kind}</strong>（{finding.source}）：<code>{finding.match}</code></p>
          <p className="text-gray-700">……{finding.context}……</p>
          {finding.acknowledgedNote ? <p>{messages.proposals.feedback.screening.acknowledgedBy(finding.acknowledgedBy ?? "", finding.acknowledgedNote)}</p> : null}
        </li>
      ))}
    </ul>
  );
}
