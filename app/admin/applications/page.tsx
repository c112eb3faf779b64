import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/public/pagination";
import { readPositiveInteger } from "@/lib/api/route-params";
import { applicationViews, listApplications, type ApplicationView } from "@/lib/applications/console-applications";
import { isApplicationHandler } from "@/lib/applications/handling-section";
import { requirePageUser } from "@/lib/auth/page-guard";
import { messages } from "@/lib/i18n";
import { ApplicationsConsoleLinks } from "./_components/console-tabs";
import { ApplicationStatusBadge } from "./_components/status-badge";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: messages.applications.console.title };

type Props = { searchParams: Promise<{ view?: string; page?: string }> };

export default async function ApplicationsPage({ searchParams }: Props) {
  const actor = await requirePageUser("application.read");
  const query = await searchParams;
  const view: ApplicationView = applicationViews.find((value) => value === query.view) ?? "open";
  const page = readPositiveInteger(query.page ?? null) ?? 1;
  const list = await listApplications(actor, { view, page });
  const m = messages.applications.console;
  const a = messages.applications;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-bold">{m.title}</h1>
        {isApplicationHandler(actor, list.handlingSection?.id) ? (
          <Link href="/admin/applications/new" className="rounded bg-blue-800 px-4 py-2 text-sm font-medium text-white hover:bg-blue-900 hover:no-underline">{m.register}</Link>
        ) : null}
      </div>
      <ApplicationsConsoleLinks actor={actor} current="list" />
      {list.handlingSection ? (
        <p className="text-sm text-gray-700">{m.handlingSection(list.handlingSection.name)}</p>
      ) : null}
      {!list.handlingSection?.configured ? <p role="note" className="rounded border border-amber-700 bg-amber-50 px-3 py-2 text-sm">{m.noHandlingSection}</p> : null}
      <nav aria-label="申请范围" className="flex flex-wrap gap-2 text-sm">
        {applicationViews.map((value) => (
          <Link key={value} href={`/admin/applications?view=${value}`} aria-current={view === value ? "page" : undefined}
            className="rounded border border-gray-400 px-3 py-1 aria-[current=page]:border-blue-800 aria-[current=page]:bg-blue-800 aria-[current=page]:text-white">
            {m.views[value]}
          </Link>
        ))}
      </nav>
      <div className="overflow-x-auto rounded border border-gray-300 bg-white">
        <table className="w-full text-left text-sm" data-testid="applications-table">
          <caption className="sr-only">{m.views[view]}</caption>
          <thead className="bg-gray-100">
            <tr>{Object.values(m.columns).map((label) => <th key={label} scope="col" className="px-3 py-2">{label}</th>)}</tr>
          </thead>
          <tbody>
            {list.items.map((item) => (
              <tr key={item.id} className="border-t border-gray-200">
                <td className="whitespace-nowrap px-3 py-2 font-mono"><Link href={`/admin/applications/${item.id}`}>{item.number}</Link></td>
                <td className="px-3 py-2">{item.applicant}</td>
                <td className="px-3 py-2">{item.applicantColumn}</td>
                <td className="whitespace-nowrap px-3 py-2">{item.receivedOn}</td>
                <td className="px-3 py-2"><ApplicationStatusBadge status={item.status} /></td>
                <td className="px-3 py-2">
                  <span className="whitespace-nowrap">{item.status === "closed" ? (item.closedOn ?? "—") : (item.dueOn ?? "—")}</span>
                  {item.provisional ? <span className="ml-1 text-gray-700">{a.deadlines.provisional}</span> : null}
                  {item.overdue ? <span className="ml-2 font-semibold text-red-700">{m.overdue}</span> : null}
                  {item.lapsed ? <span className="ml-2 font-semibold text-red-700">{m.lapsed}</span> : null}
                  {item.workingDaysLeft !== null && !item.overdue && item.status !== "closed" ? <span className="ml-2 text-gray-700">{m.daysLeft(item.workingDaysLeft)}</span> : null}
                </td>
                <td className="px-3 py-2">{item.outcome ? a.outcomeShortNames[item.outcome] : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {list.items.length === 0 ? <p className="p-4 text-gray-700">{m.empty}</p> : null}
      </div>
      <Pagination page={list.page} pageSize={list.pageSize || 30} total={list.total} basePath="/admin/applications" query={{ view }} />
    </div>
  );
}
