import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/console/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { formatDateTime } from "@/lib/format";
import { messages } from "@/lib/i18n";
import { listMyNotifications } from "@/lib/notifications/inbox";
import { MarkAllReadForm, MarkReadForm } from "./notification-forms";

export const metadata: Metadata = { title: messages.notifications.title };

const m = messages.notifications;

/** The signed-in user's notifications, newest first; the unread ones marked. */
export default async function NotificationsPage() {
  const user = await requirePageUser();
  const { items, unread } = await listMyNotifications(user);
  return (
    <div className="space-y-4">
      <PageHeader
        title={m.title}
        description={m.intro}
        meta={<span data-testid="inbox-unread">{m.unreadBadge(unread)}</span>}
        actions={unread ? <MarkAllReadForm /> : null}
      />
      {items.length ? (
        <ul className="space-y-2" data-testid="inbox-list">
          {items.map((entry) => (
            <li
              key={entry.id}
              data-testid="inbox-entry"
              data-unread={entry.readAt ? undefined : "true"}
              className={`flex flex-wrap items-start justify-between gap-3 rounded border px-3 py-2 ${entry.readAt ? "border-gray-300 bg-white" : "border-l-4 border-blue-800 bg-blue-50"}`}
            >
              <div className="min-w-0 flex-1">
                <div className="flex flex-wrap items-center gap-2 text-sm text-gray-700">
                  <span className="rounded border border-gray-400 px-1.5 py-0.5">{m.kinds[entry.kind] ?? entry.kind}</span>
                  {entry.readAt ? <span>{m.read}</span> : <strong className="text-blue-900">{m.unread}</strong>}
                  <time dateTime={entry.createdAt.toISOString()}>{formatDateTime(entry.createdAt)}</time>
                </div>
                <p className="mt-1 break-words">
                  <Link href={entry.url} className={entry.readAt ? "" : "font-semibold"}>
                    {entry.title}
                  </Link>
                </p>
                {entry.detail ? <p className="mt-1 text-sm break-words text-gray-800">{entry.detail}</p> : null}
              </div>
              {entry.readAt ? null : <MarkReadForm id={entry.id} title={entry.title} />}
            </li>
          ))}
        </ul>
      ) : (
        <p>{m.empty}</p>
      )}
    </div>
  );
}
