import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";

const colours: Record<ApplicationStatus, string> = {
  processing: "bg-blue-50 text-blue-900 border-blue-700",
  awaiting_correction: "bg-amber-50 text-amber-900 border-amber-700",
  awaiting_third_party: "bg-amber-50 text-amber-900 border-amber-700",
  awaiting_fee: "bg-amber-50 text-amber-900 border-amber-700",
  decided: "bg-indigo-50 text-indigo-900 border-indigo-700",
  closed: "bg-green-50 text-green-900 border-green-700",
};

export function ApplicationStatusBadge({ status }: { status: ApplicationStatus }) {
  return (
    <span className={`inline-block rounded border px-2 py-0.5 text-xs font-medium ${colours[status]}`} data-testid="application-status">
      {messages.applications.statuses[status]}
    </span>
  );
}
