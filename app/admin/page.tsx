import Link from "next/link";
import { PageHeader } from "@/components/console/page-header";
import { listApplications } from "@/lib/applications/console-applications";
import { requirePageUser } from "@/lib/auth/page-guard";
import { isPermitted } from "@/lib/auth/permissions";
import { todayInBeijing } from "@/lib/dates";
import { addCalendarDays } from "@/lib/deadlines/iso-date";
import { countConsoleFeedbackByStatus } from "@/lib/feedback/manage-feedback";
import { messages } from "@/lib/i18n";
import { listConsoleItems } from "@/lib/items/console-items";
import { listReportTasks } from "@/lib/reports/list-reports";

export default async function ConsoleHome() {
  const user = await requirePageUser();
  const [tasks, unpublished, reportTasks] = await Promise.all([
    listConsoleItems(user, { scope: "tasks", pageSize: 10 }),
    listConsoleItems(user, { overdueOnly: true }),
    listReportTasks(user),
  ]);
  const weekAhead = addCalendarDays(todayInBeijing(), 7);
  const overdue = unpublished.items.filter((item) => item.overdue);
  const dueSoon = unpublished.items.filter((item) => !item.overdue && item.disclosureDue <= weekAhead);
  const m = messages.console;
  const h = m.cardHints;
  const cards: [string, number, string, string, string][] = [
    [m.tasks, tasks.total + reportTasks.length, "/admin/items?scope=tasks", "tasks-count", h.tasks],
    [m.overdueItems, overdue.length, "/admin/items?scope=all&overdue=1", "overdue-count", h.overdue],
    [m.dueSoon, dueSoon.length, "/admin/items?scope=all&due=soon", "due-soon-count", h.dueSoon],
  ];
  // What else is waiting, for those who handle it: applications against their legal deadlines, visitors' messages.
  if (isPermitted(user.role, "application.read")) {
    const [overdueApplications, dueSoonApplications] = await Promise.all([
      listApplications(user, { view: "overdue" }),
      listApplications(user, { view: "due_soon" }),
    ]);
    cards.push([m.applicationsOverdue, overdueApplications.total, "/admin/applications?view=overdue", "applications-overdue-count", h.applicationsOverdue]);
    cards.push([m.applicationsDueSoon, dueSoonApplications.total, "/admin/applications?view=due_soon", "applications-due-soon-count", h.applicationsDueSoon]);
  }
  if (isPermitted(user.role, "feedback.read_console")) {
    const feedback = await countConsoleFeedbackByStatus(user);
    cards.push([m.feedbackWaiting, feedback.received + feedback.moderation, "/admin/feedback?status=received", "feedback-waiting-count", h.feedbackWaiting]);
  }
  return (
    <div className="space-y-6">
      <PageHeader title={m.dashboard} description={m.welcome(user.displayName)} />
      <ul className="grid gap-4 sm:grid-cols-3">
        {cards.map(([label, count, href, testId, hint]) => (
          <li key={label} className="rounded border border-gray-300 bg-white p-4">
            <p className="text-sm font-medium text-gray-900">{label}</p>
            <p className="mt-0.5 text-xs text-gray-700">{hint}</p>
            <p className={`mt-1 text-3xl font-bold ${testId.includes("overdue") && count ? "text-red-700" : ""}`} data-testid={testId}>
              {count}
            </p>
            <Link href={href} className="mt-2 inline-block text-sm">
              {m.viewAll}
            </Link>
          </li>
        ))}
      </ul>
      {tasks.items.length || reportTasks.length ? (
        <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="tasks">
          <h2 id="tasks" className="mb-2 text-lg font-semibold">
            {m.tasks}
          </h2>
          <ul className="divide-y divide-gray-200" data-testid="task-list">
            {/* The annual report waiting for this reviewer comes first: it has a legal deadline (31 January). */}
            {reportTasks.map((task) => (
              <li key={`report-${task.year}-${task.edition}`} className="flex justify-between gap-4 py-2 text-sm">
                <Link href={task.href}>{task.title}</Link>
                <span className="text-gray-700">
                  {messages.reports.filing.tasksReports} · {messages.itemStates[task.state]}
                </span>
              </li>
            ))}
            {tasks.items.map((item) => (
              <li key={item.id} className="flex justify-between gap-4 py-2 text-sm">
                <Link href={`/admin/items/${item.id}`}>{item.title}</Link>
                <span className="text-gray-700">{messages.itemStates[item.state]}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
