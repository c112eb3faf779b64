import type { ItemState } from "@/lib/generated/prisma/enums";
import { inspectionsMessages as m } from "@/lib/i18n/zh-CN/inspections";

const colours: Record<ItemState, string> = {
  draft: "bg-gray-100 text-gray-900 border-gray-500",
  section_review: "bg-blue-50 text-blue-900 border-blue-700",
  leader_review: "bg-indigo-50 text-indigo-900 border-indigo-700",
  scheduled: "bg-amber-50 text-amber-900 border-amber-700",
  published: "bg-green-50 text-green-900 border-green-700",
  withdrawn: "bg-red-50 text-red-900 border-red-700",
};

export function InspectionStateBadge({ state, testId }: { state: ItemState; testId?: string }) {
  return <span className={`inline-block rounded border px-2 py-0.5 text-xs font-medium ${colours[state]}`} data-testid={testId}>{m.states[state]}</span>;
}

/** Due / on time / late / overdue for the results, as a short text. */
export function TimelinessText({ status, due }: { status: "on_time" | "late" | "pending" | "overdue"; due: string }) {
  const urgent = status === "overdue" || status === "late";
  return <span className={urgent ? "font-semibold text-red-700" : ""}>{due}（{m.timeliness[status]}）</span>;
}
