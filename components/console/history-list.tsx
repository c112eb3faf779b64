import { formatDateTime } from "@/lib/format";

export type HistoryEvent = {
  id: number | string;
  occurredAt: Date | string;
  actorName: string | null;
  action: string;
  fromState?: string | null;
  toState?: string | null;
  comment?: string | null;
};

/**
 * A record's audit trail, oldest first: when, who, what, the state change and the comment.
 * Labels are looked up in the caller's catalogues; an unknown action or state shows its key.
 */
export function HistoryList({
  events,
  actionLabels,
  stateLabels,
  commentLabel,
  testId,
}: {
  events: HistoryEvent[];
  actionLabels: Record<string, string | undefined>;
  stateLabels?: Record<string, string | undefined>;
  commentLabel: string;
  testId?: string;
}) {
  const state = (key: string) => stateLabels?.[key] ?? key;
  return (
    <ol className="space-y-2 text-sm" data-testid={testId}>
      {events.map((event) => (
        <li key={event.id} className="border-l-2 border-gray-300 pl-3">
          <span className="text-gray-700">{formatDateTime(typeof event.occurredAt === "string" ? new Date(event.occurredAt) : event.occurredAt)}</span>{" "}
          {event.actorName} <strong>{actionLabels[event.action] ?? event.action}</strong>
          {stateLabels && event.toState && event.fromState !== event.toState ? (
            <span className="text-gray-700">
              （{event.fromState ? `${state(event.fromState)} → ` : ""}
              {state(event.toState)}）
            </span>
          ) : null}
          {event.comment ? (
            <p className="mt-1 rounded bg-gray-50 px-2 py-1">
              {commentLabel}：{event.comment}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
