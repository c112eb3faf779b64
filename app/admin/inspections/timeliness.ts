import { inspectionsMessages as m } from "@/lib/i18n/zh-CN/inspections";

/** The results' due date with on time / late / pending / overdue, for DueDate. */
export function timelinessOf(deadline: { status: "on_time" | "late" | "pending" | "overdue"; due: string }) {
  return { date: deadline.due, label: m.timeliness[deadline.status], urgent: deadline.status === "overdue" || deadline.status === "late" };
}
