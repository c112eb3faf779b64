import Link from "next/link";
import type { ReactNode } from "react";
import type { PublishedFeedbackEntry } from "@/lib/feedback/public-feedback";
import { formatDateTime } from "@/lib/format";
import { messages } from "@/lib/i18n";

/**
 * A published message and its reply. Everything the visitor typed is rendered as text (React
 * escapes it): never as HTML. The visitor's name and contact are not part of the entry at all.
 */
export function FeedbackEntry({ entry, children }: { entry: PublishedFeedbackEntry; children?: ReactNode }) {
  const m = messages.proposals.feedback.public;
  const r = entry.ratings;
  return (
    <article className="rounded border border-gray-300 bg-white p-6" aria-labelledby={`feedback-${entry.id}`} data-testid="feedback-entry">
      <h2 id={`feedback-${entry.id}`} className="text-lg font-semibold" data-testid="feedback-topic">
        {entry.topic}
      </h2>
      <p className="mt-1 text-sm text-gray-700">
        {m.submittedAt}：<time dateTime={entry.submittedAt}>{formatDateTime(new Date(entry.submittedAt))}</time>
        {entry.item ? (
          <>
            {" "}
            · {m.aboutItem}：<Link href={`/items/${entry.item.id}`}>{entry.item.title}</Link>
          </>
        ) : null}
      </p>
      <div className="mt-3 leading-7 whitespace-pre-wrap break-words" data-testid="feedback-content">
        {entry.content}
      </div>
      <section className="mt-4 rounded bg-gray-50 p-4" aria-label={m.reply}>
        <h3 className="font-semibold">
          {m.reply}
          {entry.replier ? (
            <span className="ml-2 text-sm font-normal text-gray-700">
              {m.replier}：{entry.replier}
            </span>
          ) : null}
          <span className="ml-2 text-sm font-normal text-gray-700">
            {m.answeredAt}：<time dateTime={entry.answeredAt}>{formatDateTime(new Date(entry.answeredAt))}</time>
          </span>
        </h3>
        <div className="mt-2 leading-7 whitespace-pre-wrap break-words" data-testid="feedback-reply">
          {entry.reply}
        </div>
      </section>
      <p className="mt-3 text-sm text-gray-700" data-testid="feedback-ratings">
        {m.ratings(r.satisfied, r.basically_satisfied, r.unsatisfied)}
      </p>
      {children}
    </article>
  );
}
