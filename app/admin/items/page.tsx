import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/console/button-link";
import { DataTable } from "@/components/console/data-table";
import { Flag } from "@/components/console/due-date";
import { FilterBar, FilterCheckbox, FilterSelect } from "@/components/console/filter-bar";
import { PageHeader } from "@/components/console/page-header";
import { StateBadge } from "@/components/console/state-badge";
import { TabLinks } from "@/components/console/tab-links";
import { readPositiveInteger } from "@/lib/api/route-params";
import { requirePageUser } from "@/lib/auth/page-guard";
import { isPermitted } from "@/lib/auth/permissions";
import { todayInBeijing } from "@/lib/dates";
import { addCalendarDays } from "@/lib/deadlines/iso-date";
import { formatDateTime } from "@/lib/format";
import { ItemState } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { listConsoleItems, type ConsoleItemScope } from "@/lib/items/console-items";

export const metadata: Metadata = { title: messages.consoleItems.title };

type Props = { searchParams: Promise<{ scope?: string; state?: string; page?: string; overdue?: string; due?: string }> };

export default async function ConsoleItemsPage({ searchParams }: Props) {
  const actor = await requirePageUser("item.read_console");
  const query = await searchParams;
  const scope: ConsoleItemScope = query.scope === "section" || query.scope === "all" ? query.scope : "tasks";
  const state = Object.values(ItemState).find((value) => value === query.state);
  const page = readPositiveInteger(query.page ?? null) ?? 1;
  const overdueOnly = query.overdue === "1";
  // The dashboard's "7 日内到期": not yet public, not overdue, due within a week.
  const dueSoon = query.due === "soon";
  const result = await listConsoleItems(actor, { scope, state, page, overdueOnly: overdueOnly || dueSoon });
  const weekAhead = addCalendarDays(todayInBeijing(), 7);
  const items = dueSoon
    ? result.items.filter((item) => !item.overdue && item.disclosureDue <= weekAhead)
    : overdueOnly
      ? result.items.filter((item) => item.overdue)
      : result.items;
  const m = messages.consoleItems;
  const c = m.columns;
  return (
    <div className="space-y-4">
      <PageHeader
        title={m.title}
        actions={
          isPermitted(actor.role, "item.create") ? (
            <ButtonLink href="/admin/items/new" variant="primary">
              {m.create}
            </ButtonLink>
          ) : null
        }
      />
      <TabLinks
        label={m.scopeNav}
        current={scope}
        tabs={(
          [
            ["tasks", m.scopeTasks],
            ["section", m.scopeSection],
            ["all", m.scopeAll],
          ] as const
        ).map(([key, label]) => ({ key, label, href: `/admin/items?scope=${key}` }))}
      />
      <FilterBar label={m.stateFilter} submitLabel={messages.publicItems.filter}>
        <input type="hidden" name="scope" value={scope} />
        <FilterSelect
          name="state"
          label={m.stateFilter}
          defaultValue={state}
          allLabel={m.allStates}
          options={Object.values(ItemState).map((value) => ({ value, label: messages.itemStates[value] }))}
        />
        <FilterCheckbox name="overdue" label={m.overdue} defaultChecked={overdueOnly} />
        {dueSoon ? <input type="hidden" name="due" value="soon" /> : null}
      </FilterBar>
      <DataTable
        caption={m.title}
        rows={items}
        rowKey={(item) => item.id}
        empty={m.empty}
        paging={
          overdueOnly || dueSoon ? undefined : { page, pageSize: result.pageSize, total: result.total, basePath: "/admin/items", query: { scope, state } }
        }
        columns={[
          { key: "indexNumber", header: c.indexNumber, cell: (item) => item.indexNumber, className: "font-mono text-xs" },
          { key: "title", header: c.title, cell: (item) => <Link href={`/admin/items/${item.id}`}>{item.title}</Link> },
          { key: "state", header: c.state, cell: (item) => <StateBadge workflow="item" state={item.state} /> },
          { key: "section", header: c.section, cell: (item) => item.sectionName },
          {
            key: "due",
            header: c.due,
            cell: (item) => (
              <>
                {item.disclosureDue}
                {item.overdue ? <Flag strong>{m.overdue}</Flag> : null}
                {item.publishedOnTime === false ? <Flag>{m.late}</Flag> : null}
              </>
            ),
          },
          { key: "updated", header: c.updated, cell: (item) => formatDateTime(item.updatedAt) },
        ]}
      />
    </div>
  );
}
