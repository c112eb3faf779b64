import { formatDateTime } from "@/lib/format";
import { messages } from "@/lib/i18n";
import type { RegisterHistoryEntry } from "@/lib/powers/register-history";

const stateLabels: Record<string, string | undefined> = messages.itemStates;
const actionLabels: Record<string, string | undefined> = messages.registers.auditActionLabels;

/** The audit trail of a register entry, oldest first. */
export function RegisterHistory({ history }: { history: RegisterHistoryEntry[] }) {
  return (
    <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="history">
      <h2 id="history" className="mb-3 text-lg font-semibold">{messages.registers.review.history}</h2>
      <ol className="space-y-2 text-sm" data-testid="register-history">
        {history.map((event) => (
          <li key={event.id} className="border-l-2 border-gray-300 pl-3">
            <span className="text-gray-700">{formatDateTime(new Date(event.occurredAt))}</span> {event.actorName} <strong>{actionLabels[event.action] ?? event.action}</strong>
            {event.toState && event.fromState !== event.toState ? (
              <span className="text-gray-700">（{event.fromState ? `${stateLabels[event.fromState] ?? event.fromState} → ` : ""}{stateLabels[event.toState] ?? event.toState}）</span>
            ) : null}
            {event.comment ? <p className="mt-1 rounded bg-gray-50 px-2 py-1">{messages.registers.review.commentLabel}：{event.comment}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
