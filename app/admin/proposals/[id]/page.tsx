import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth/page-guard";
import { todayInBeijing } from "@/lib/dates";
import { NotFoundError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { messages } from "@/lib/i18n";
import { findConsoleProposal } from "@/lib/proposals/console-proposals";
import { listSections } from "@/lib/sections/manage-sections";
import {
  assignProposalAction, closeProposalAction, recordFeedbackAction, reopenProposalAction, saveReplyAction, transitionReplyAction,
} from "../actions";
import { AssignmentForm, CloseForm, ProposerFeedbackForm, ReopenForm, ReplyForm, ReplyTransitions, type ReplyFormValues } from "./proposal-panels";

export const metadata: Metadata = { title: messages.proposals.console.title };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> };

const notices: Record<string, string> = {
  created: messages.proposals.console.created,
  saved: messages.proposals.console.saved,
  assigned: messages.proposals.console.detail.assigned,
  reply: messages.proposals.console.detail.replySaved,
  transition: messages.proposals.console.detail.transitionDone,
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
  const { done } = await searchParams;
  const sections = proposal.can.assign ? await listSections(actor) : [];
  const p = messages.proposals;
  const m = p.console;
  const d = m.detail;
  const latest = proposal.replies.at(-1) ?? null;
  const editingDraft = latest?.state === "draft" ? latest : null;
  const replyValues: ReplyFormValues = editingDraft
    ? {
      body: editingDraft.body, disclosure: editingDraft.disclosure, summary: editingDraft.summary ?? "", nondisclosureReason: editingDraft.nondisclosureReason ?? "",
      attachments: editingDraft.attachments.map((attachment) => ({ fileId: attachment.fileId, name: attachment.name })), version: editingDraft.version,
    }
    : { body: "", disclosure: "full", summary: "", nondisclosureReason: "", attachments: [], version: null };
  const basics: [string, string][] = [
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
      <p><Link href="/admin/proposals">← {m.title}</Link></p>
      {done && notices[done] ? <p role="status" className="rounded border border-green-700 bg-green-50 px-3 py-2 text-sm" data-testid="form-success">{notices[done]}</p> : null}
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-bold">{proposal.title}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-gray-700">
            <span>{p.kinds[proposal.kind]}</span>
            <span className="rounded border border-gray-500 px-2 py-0.5 text-xs font-medium" data-testid="proposal-status">{p.statuses[proposal.status]}</span>
            {proposal.overdue ? <span className="font-semibold text-red-700">{m.overdue}</span> : null}
          </p>
        </div>
        <div className="flex gap-2 text-sm">
          {hasPublicReply ? <Link href={`/proposals/${proposal.id}`} className="rounded border border-gray-500 px-3 py-1">{d.viewPublic}</Link> : null}
          {proposal.can.edit ? <Link href={`/admin/proposals/${proposal.id}/edit`} className="rounded bg-blue-800 px-3 py-1 text-white hover:no-underline">{m.edit}</Link> : null}
        </div>
      </header>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="basics">
            <h2 id="basics" className="mb-3 text-lg font-semibold">{d.basics}</h2>
            {proposal.publicFieldsLocked ? <p className="mb-3 text-sm text-gray-700" data-testid="public-fields-locked">{p.access.publicFieldsNotice}</p> : null}
            <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
              {basics.map(([label, value]) => (
                <div key={label} className="flex gap-2"><dt className="w-20 shrink-0 text-gray-700">{label}</dt><dd>{value}</dd></div>
              ))}
            </dl>
          </section>

          <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="replies">
            <h2 id="replies" className="mb-3 text-lg font-semibold">{d.replies}</h2>
            {proposal.replies.length === 0 ? <p className="text-sm text-gray-700">{d.noReply}</p> : null}
            <ol className="space-y-6">
              {proposal.replies.map((reply) => (
                <li key={reply.id} className="rounded border border-gray-200 p-4" data-testid={`reply-round-${reply.round}`}>
                  <h3 className="flex flex-wrap items-center gap-2 font-semibold">
                    {d.round(reply.round)}
                    <span className="rounded border border-gray-500 px-2 py-0.5 text-xs font-medium" data-testid="reply-state">{p.replyStates[reply.state]}</span>
                    <span className="text-sm font-normal">{p.disclosures[reply.disclosure]}</span>
                  </h3>
                  <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
                    <div className="flex gap-2"><dt className="text-gray-700">{d.author}</dt><dd>{reply.authorName}</dd></div>
                    <div className="flex gap-2"><dt className="text-gray-700">{d.dueOn}</dt><dd>{reply.dueOn}</dd></div>
                    {reply.repliedOn ? (
                      <div className="flex gap-2"><dt className="text-gray-700">{d.repliedOn}</dt><dd>{reply.repliedOn}（{reply.onTime ? d.onTime : d.late}）</dd></div>
                    ) : null}
                    {reply.satisfaction ? (
                      <div className="flex gap-2"><dt className="text-gray-700">{d.satisfaction}</dt><dd data-testid="reply-satisfaction">{p.satisfactions[reply.satisfaction]}（{reply.feedbackOn}）{reply.feedbackNote ? `：${reply.feedbackNote}` : ""}</dd></div>
                    ) : null}
                  </dl>
                  <div className="mt-3 whitespace-pre-wrap rounded bg-gray-50 p-3 text-sm leading-7">{reply.body}</div>
                  {reply.disclosure === "summary" ? <p className="mt-2 text-sm"><strong>{d.replySummary}：</strong>{reply.summary}</p> : null}
                  {reply.disclosure === "none" ? <p className="mt-2 text-sm"><strong>{d.nondisclosureReason}：</strong>{reply.nondisclosureReason}</p> : null}
                  {reply.withdrawalReason && reply.state === "withdrawn" ? <p className="mt-2 text-sm text-red-800">{d.withdrawReason}：{reply.withdrawalReason}</p> : null}
                  {reply.attachments.length ? (
                    <ul className="mt-2 list-disc pl-6 text-sm">
                      {reply.attachments.map((attachment) => <li key={attachment.attachmentId}><a href={`/proposals/files/${attachment.attachmentId}`}>{attachment.name}</a></li>)}
                    </ul>
                  ) : null}
                  <div className="mt-4">
                    <h4 className="mb-2 text-sm font-semibold">{d.actions}</h4>
                    <ReplyTransitions actions={reply.actions} version={reply.version} replyId={reply.id} run={transitionReplyAction.bind(null, proposal.id, reply.id)} />
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
          </section>

          <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="history">
            <h2 id="history" className="mb-3 text-lg font-semibold">{d.history}</h2>
            <ol className="space-y-2 text-sm" data-testid="proposal-history">
              {proposal.history.map((event) => (
                <li key={event.id} className="border-l-2 border-gray-300 pl-3">
                  <span className="text-gray-700">{formatDateTime(event.occurredAt)}</span> {event.actorName} <strong>{auditLabels[event.action] ?? event.action}</strong>
                  {event.comment ? <p className="mt-1 rounded bg-gray-50 px-2 py-1">{d.comment}：{event.comment}</p> : null}
                </li>
              ))}
            </ol>
          </section>
        </div>

        <div className="space-y-6">
          <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="deadline">
            <h2 id="deadline" className="mb-2 text-lg font-semibold">{p.fields.deadline}</h2>
            <p className={proposal.overdue ? "font-semibold text-red-700" : ""} data-testid="proposal-deadline">{proposal.deadline ?? "—"}</p>
            {proposal.deadlineNote ? (
              <details className="mt-2 text-sm">
                <summary>{d.deadlineExplanation}</summary>
                <p className="mt-1 text-gray-800" data-testid="deadline-explanation">{proposal.deadlineNote}</p>
              </details>
            ) : null}
          </section>
          {proposal.can.assign ? (
            <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="assignment">
              <h2 id="assignment" className="mb-3 text-lg font-semibold">{d.assignment}</h2>
              <AssignmentForm run={assignProposalAction.bind(null, proposal.id)} sections={sections} leadSectionId={proposal.leadSectionId}
                assisting={proposal.assistingSections.map((section) => section.id)} version={proposal.version} />
            </section>
          ) : null}
          {proposal.can.recordFeedback || proposal.can.reopen || proposal.can.close ? (
            <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="proposer-feedback">
              <h2 id="proposer-feedback" className="mb-3 text-lg font-semibold">{d.feedback}</h2>
              {proposal.can.reopen ? (
                <div className="mb-4 border-b border-gray-200 pb-4"><ReopenForm run={reopenProposalAction.bind(null, proposal.id)} version={proposal.version} /></div>
              ) : null}
              {proposal.can.recordFeedback ? <ProposerFeedbackForm run={recordFeedbackAction.bind(null, proposal.id)} version={proposal.version} today={todayInBeijing()} /> : null}
              {proposal.can.close ? <div className="mt-4 border-t border-gray-200 pt-4"><CloseForm run={closeProposalAction.bind(null, proposal.id)} version={proposal.version} /></div> : null}
            </section>
          ) : null}
        </div>
      </div>
    </div>
  );
}
