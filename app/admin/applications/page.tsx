import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/console/button-link";
import { DataTable } from "@/components/console/data-table";
import { Flag } from "@/components/console/due-date";
import { DoneNotice, Notice, noticeOf } from "@/components/console/notice";
import { PageHeader } from "@/components/console/page-header";
import { StateBadge } from "@/components/console/state-badge";
import { TabLinks } from "@/components/console/tab-links";
import { readPositiveInteger } from "@/lib/api/route-params";
import { applicationViews, listApplications, type ApplicationView } from "@/lib/applications/console-applications";
import { isApplicationHandler } from "@/lib/applications/handling-section";
import { requirePageUser } from "@/lib/auth/page-guard";
import { messages } from "@/lib/i18n";
import { ApplicationsConsoleLinks } from "./_components/console-tabs";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: messages.applications.console.title };

type Props = { searchParams: Promise<{ view?: string; page?: string; done?: string }> };

export default async function ApplicationsPage({ searchParams }: Props) {
  const actor = await requirePageUser("application.read");
  const query = await searchParams;
  const view: ApplicationView = applicationViews.find((value) => value === query.view) ?? "open";
  const page = readPositiveInteger(query.page ?? null) ?? 1;
  const list = await listApplications(actor, { view, page });
  const m = messages.applications.console;
  const a = messages.applications;
  const c = m.columns;
  return (
    <div className="space-y-4">
      <DoneNotice message={noticeOf({ transferred: m.transferForm.done }, query.done)} />
      <PageHeader
        title={m.title}
        actions={
          isApplicationHandler(actor, list.handlingSection?.id) ? (
            <ButtonLink href="/admin/applications/new" variant="primary">
              {m.register}
            </ButtonLink>
          ) : null
        }
      />
      <ApplicationsConsoleLinks actor={actor} current="list" />
      {list.handlingSection ? <p className="text-sm text-gray-700">{m.handlingSection(list.handlingSection.name)}</p> : null}
      {!list.handlingSection?.configured ? (
        <Notice tone="warning" role="note">
          {m.noHandlingSection}
        </Notice>
      ) : null}
      <TabLinks
        label={m.viewNav}
        current={view}
        tabs={applicationViews.map((value) => ({ key: value, label: m.views[value], href: `/admin/applications?view=${value}` }))}
      />
      <DataTable
        caption={m.views[view]}
        rows={list.items}
        rowKey={(item) => item.id}
        empty={m.empty}
        testId="applications-table"
        paging={{ page: list.page, pageSize: list.pageSize || 30, total: list.total, basePath: "/admin/applications", query: { view } }}
        columns={[
          {
            key: "number",
            header: c.number,
            cell: (item) => <Link href={`/admin/applications/${item.id}`}>{item.number}</Link>,
            className: "whitespace-nowrap font-mono",
          },
          { key: "applicant", header: c.applicant, cell: (item) => item.applicant },
          { key: "type", header: c.type, cell: (item) => item.applicantColumn },
          { key: "receivedOn", header: c.receivedOn, cell: (item) => item.receivedOn, className: "whitespace-nowrap" },
          { key: "status", header: c.status, cell: (item) => <StateBadge workflow="application" state={item.status} /> },
          {
            key: "dueOn",
            header: c.dueOn,
            cell: (item) => (
              <>
                <span className="whitespace-nowrap">{item.status === "closed" ? (item.closedOn ?? "—") : (item.dueOn ?? "—")}</span>
                {item.provisional ? <span className="ml-1 text-gray-700">{a.deadlines.provisional}</span> : null}
                {item.overdue ? <Flag strong>{m.overdue}</Flag> : null}
                {item.lapsed ? <Flag strong>{m.lapsed}</Flag> : null}
                {item.needsReceiptDate ? <Flag>{m.needsReceiptDate}</Flag> : null}
                {item.workingDaysLeft !== null && !item.overdue && item.status !== "closed" ? (
                  <span className="ml-2 text-gray-700">{m.daysLeft(item.workingDaysLeft)}</span>
                ) : null}
              </>
            ),
          },
          { key: "outcome", header: c.outcome, cell: (item) => (item.outcome ? a.outcomeShortNames[item.outcome] : "—") },
        ]}
      />
    </div>
  );
}
