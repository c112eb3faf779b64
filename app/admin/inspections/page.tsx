import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/console/button-link";
import { DataTable } from "@/components/console/data-table";
import { DueDate } from "@/components/console/due-date";
import { FilterBar, FilterSelect } from "@/components/console/filter-bar";
import { PageHeader } from "@/components/console/page-header";
import { Panel } from "@/components/console/panel";
import { StateBadge } from "@/components/console/state-badge";
import { readPositiveInteger } from "@/lib/api/route-params";
import { requirePageUser } from "@/lib/auth/page-guard";
import { isPermitted } from "@/lib/auth/permissions";
import { inspectionsMessages } from "@/lib/i18n/zh-CN/inspections";
import { listConsoleInspections } from "@/lib/inspections/console-inspections";
import { InspectionsNav } from "./inspections-nav";
import { timelinessOf } from "./timeliness";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: inspectionsMessages.title };

export default async function InspectionsPage({ searchParams }: { searchParams: Promise<{ year?: string; page?: string }> }) {
  const actor = await requirePageUser("inspection.read_console");
  const query = await searchParams;
  const year = readPositiveInteger(query.year ?? null);
  const page = readPositiveInteger(query.page ?? null) ?? 1;
  const result = await listConsoleInspections(actor, { year, page });
  const m = inspectionsMessages.list;
  const c = m.columns;
  return (
    <div className="space-y-6">
      <PageHeader
        title={inspectionsMessages.title}
        actions={
          isPermitted(actor.role, "inspection.edit") ? (
            <ButtonLink href="/admin/inspections/new" variant="primary">
              {m.create}
            </ButtonLink>
          ) : null
        }
      />
      <InspectionsNav current="tasks" />
      <Panel id="tasks-title" title={inspectionsMessages.sections.tasks}>
        <div className="space-y-4">
          <FilterBar label={m.filter} submitLabel={m.filter} summary={m.total(result.total)}>
            <FilterSelect
              name="year"
              label={inspectionsMessages.fields.year}
              defaultValue={year}
              allLabel={m.allYears}
              options={result.years.map((option) => ({ value: option, label: String(option) }))}
            />
          </FilterBar>
          <DataTable
            caption={inspectionsMessages.sections.tasks}
            rows={result.items}
            rowKey={(item) => item.id}
            empty={m.empty}
            testId="inspection-table"
            framed={false}
            paging={{ page, pageSize: result.pageSize, total: result.total, basePath: "/admin/inspections", query: { year: query.year } }}
            columns={[
              { key: "title", header: c.title, cell: (item) => <Link href={`/admin/inspections/${item.id}`}>{item.title}</Link> },
              { key: "year", header: c.year, cell: (item) => item.year },
              {
                key: "period",
                header: c.period,
                cell: (item) => inspectionsMessages.detail.periodValue(item.startOn, item.endOn),
                className: "whitespace-nowrap",
              },
              { key: "targetCount", header: c.targetCount, cell: (item) => item.targetCount },
              {
                key: "state",
                header: c.state,
                cell: (item) => (
                  <>
                    <StateBadge workflow="inspection" state={item.state} />
                    {item.drawn ? null : <span className="ml-1 text-xs text-gray-700">{m.notDrawn}</span>}
                  </>
                ),
              },
              {
                key: "results",
                header: c.results,
                cell: (item) => (item.state === "published" ? <StateBadge workflow="inspection" state={item.resultsState} /> : "—"),
              },
              { key: "resultsDue", header: c.resultsDue, cell: (item) => <DueDate {...timelinessOf(item.resultsDeadline)} /> },
            ]}
          />
        </div>
      </Panel>
    </div>
  );
}
