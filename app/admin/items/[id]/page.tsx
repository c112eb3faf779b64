import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StateBadge } from "@/components/console/state-badge";
import { requirePageUser } from "@/lib/auth/page-guard";
import { NotFoundError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { messages } from "@/lib/i18n";
import { findConsoleItem } from "@/lib/items/console-items";
import { transitionItemAction } from "../actions";
import { TransitionPanel } from "./transition-panel";

export const metadata: Metadata = { title: messages.consoleItems.title };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string; restored?: string }> };

function auditLabel(action: string): string {
  const key = action.replace(/^item\./, "");
  const known: Record<string, string> = { ...messages.itemActions, create: "创建", edit: "修改", restore_revision: "恢复旧版本" };
  return known[key] ?? action;
}

export default async function ConsoleItemPage({ params, searchParams }: Props) {
  const actor = await requirePageUser("item.read_console");
  const id = Number((await params).id);
  const notice = await searchParams;
  const item = await findConsoleItem(actor, id).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const m = messages.consoleItems;
  const d = m.detail;
  const p = messages.publicItems;
  const latest = item.latest;
  const metadataRows: [string, string][] = [
    [p.indexNumber, item.indexNumber],
    [p.category, latest.categoryName],
    [p.issuingBody, latest.issuingBody],
    [p.documentNumber, latest.documentNumber ?? "—"],
    [p.writtenAt, latest.writtenAt ?? "—"],
    [p.formedAt, latest.formedAt],
    [p.validity, messages.validity[latest.validity] + (latest.validityDate ? `（${latest.validityDate}）` : "")],
    [p.channels, latest.channels.map((channel) => messages.channels[channel as keyof typeof messages.channels] ?? channel).join("、")],
    [p.keywords, latest.keywords.join("、") || "—"],
    [d.author, item.authorName],
    [d.section, item.sectionName],
  ];
  return (
    <div className="space-y-6">
      <p><Link href="/admin/items">← {m.title}</Link></p>
      {notice.done ? <p role="status" className="rounded border border-green-700 bg-green-50 px-3 py-2 text-sm" data-testid="form-success">{d.transitionDone}</p> : null}
      {notice.restored ? <p role="status" className="rounded border border-green-700 bg-green-50 px-3 py-2 text-sm" data-testid="form-success">{d.restored}</p> : null}
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-bold">{latest.title}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-gray-700">
            <StateBadge state={item.state} />
            <span>{d.revision(latest.number)}</span>
            {item.publishedRevisionNumber ? <span>{d.publishedRevision(item.publishedRevisionNumber)}</span> : null}
            {item.publishAt ? <span>{d.scheduledFor(formatDateTime(item.publishAt))}</span> : null}
          </p>
          {item.withdrawnAt ? <p className="mt-1 text-sm text-red-800">{d.withdrawn(formatDateTime(item.withdrawnAt), item.withdrawalReason ?? "")}</p> : null}
        </div>
        <div className="flex gap-2">
          {item.publishedRevisionNumber ? <Link href={`/items/${item.id}`} className="rounded border border-gray-500 px-3 py-1 text-sm">{d.viewPublic}</Link> : null}
          {item.canEdit ? <Link href={`/admin/items/${item.id}/edit`} className="rounded bg-blue-800 px-3 py-1 text-sm text-white hover:no-underline">{m.edit}</Link> : null}
        </div>
      </header>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="metadata">
            <h2 id="metadata" className="mb-3 text-lg font-semibold">{d.metadata}</h2>
            <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
              {metadataRows.map(([label, value]) => (
                <div key={label} className="flex gap-2"><dt className="w-24 shrink-0 text-gray-700">{label}</dt><dd>{value}</dd></div>
              ))}
            </dl>
            <div className="item-body mt-6 border-t border-gray-200 pt-4 leading-7" dangerouslySetInnerHTML={{ __html: latest.body }} />
            {latest.attachments.length ? (
              <ul className="mt-4 list-disc pl-6 text-sm">
                {latest.attachments.map((attachment) => <li key={attachment.attachmentId}><a href={`/files/${attachment.attachmentId}`}>{attachment.name}</a></li>)}
              </ul>
            ) : null}
          </section>

          {item.acknowledgedFindings.length ? (
            <section className="rounded border border-amber-700 bg-white p-6" aria-labelledby="acknowledged">
              <h2 id="acknowledged" className="mb-3 text-lg font-semibold">{d.acknowledgedFindings}</h2>
              <ul className="space-y-2 text-sm" data-testid="acknowledged-findings">
                {item.acknowledgedFindings.map((finding, index) => (
                  <li key={index}>
                    {d.revision(finding.revisionNumber)} · {d.findingKinds[finding.kind as keyof typeof d.findingKinds] ?? finding.kind}（{finding.source}）<code>{finding.match}</code>
                    <br /><span className="text-gray-700">……{finding.context}……</span>
                    <br />{d.findingNote}：{finding.note}（{finding.acknowledgedBy}）
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="history">
            <h2 id="history" className="mb-3 text-lg font-semibold">{d.history}</h2>
            <ol className="space-y-2 text-sm" data-testid="item-history">
              {item.history.map((event) => (
                <li key={event.id} className="border-l-2 border-gray-300 pl-3">
                  <span className="text-gray-700">{formatDateTime(event.occurredAt)}</span> {event.actorName} <strong>{auditLabel(event.action)}</strong>
                  {event.toState && event.fromState !== event.toState ? <span className="text-gray-700">（{event.fromState ? `${messages.itemStates[event.fromState as keyof typeof messages.itemStates]} → ` : ""}{messages.itemStates[event.toState as keyof typeof messages.itemStates]}）</span> : null}
                  {event.comment ? <p className="mt-1 rounded bg-gray-50 px-2 py-1">{d.comment}：{event.comment}</p> : null}
                </li>
              ))}
            </ol>
          </section>
        </div>

        <div className="space-y-6">
          <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="actions">
            <h2 id="actions" className="mb-3 text-lg font-semibold">{d.actions}</h2>
            <TransitionPanel actions={item.actions} state={item.state} version={item.version} run={transitionItemAction.bind(null, item.id)} />
          </section>
          <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="deadline">
            <h2 id="deadline" className="mb-2 text-lg font-semibold">{d.deadline}</h2>
            <p className={item.deadline.overdue ? "font-semibold text-red-700" : ""} data-testid="deadline-due">
              {item.deadline.due}{item.deadline.overdue ? `（${d.deadlineOverdue}）` : ""}
              {item.publishedOnTime === true ? `（${m.onTime}）` : item.publishedOnTime === false ? `（${m.late}）` : ""}
            </p>
            <details className="mt-2 text-sm">
              <summary>{d.explanation}</summary>
              <p className="mt-1 text-gray-800" data-testid="deadline-explanation">{item.deadline.explanation}</p>
            </details>
          </section>
          <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="revisions">
            <h2 id="revisions" className="mb-3 text-lg font-semibold">{d.revisions}</h2>
            <ol className="space-y-1 text-sm">
              {item.revisions.map((revision) => (
                <li key={revision.number}>{d.revision(revision.number)} · {revision.createdBy} · {formatDateTime(revision.createdAt)}</li>
              ))}
            </ol>
            {item.revisions.length > 1 ? (
              <form method="get" action={`/admin/items/${item.id}/compare`} className="mt-3 flex flex-wrap items-end gap-2 text-sm" aria-label={d.compare}>
                <label className="flex flex-col">{d.compareFrom}
                  <select name="from" defaultValue={item.revisions[1].number} className="rounded border border-gray-400 px-2 py-1">
                    {item.revisions.map((revision) => <option key={revision.number} value={revision.number}>{d.revision(revision.number)}</option>)}
                  </select>
                </label>
                <label className="flex flex-col">{d.compareTo}
                  <select name="to" defaultValue={item.revisions[0].number} className="rounded border border-gray-400 px-2 py-1">
                    {item.revisions.map((revision) => <option key={revision.number} value={revision.number}>{d.revision(revision.number)}</option>)}
                  </select>
                </label>
                <button type="submit" className="rounded border border-gray-500 bg-white px-3 py-1">{d.compare}</button>
              </form>
            ) : null}
          </section>
        </div>
      </div>
    </div>
  );
}
