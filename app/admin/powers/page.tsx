import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/console/button-link";
import { DataTable, type Column } from "@/components/console/data-table";
import { FilterBar, FilterInput, FilterSelect } from "@/components/console/filter-bar";
import { PageHeader } from "@/components/console/page-header";
import { StateBadge } from "@/components/console/state-badge";
import { queryOf, readSort } from "@/components/console/table-links";
import { requirePageUser } from "@/lib/auth/page-guard";
import { isPermitted } from "@/lib/auth/permissions";
import { ItemState } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { listConsolePowers } from "@/lib/powers/console-powers";
import { isPowerType, powerTypes } from "@/lib/powers/power-entry";
import { registerStateOptions } from "./register-console";

export const dynamic = "force-dynamic";

const m = messages.registers;
const c = m.powers.console;
const columnLabels = m.powers.columns;

export const metadata: Metadata = { title: c.title };

type PowerRow = Awaited<ReturnType<typeof listConsolePowers>>["items"][number];

const columns: Column<PowerRow>[] = [
  { key: "code", header: columnLabels.code, cell: (power) => power.code, sortValue: (power) => power.code, className: "font-mono text-xs" },
  { key: "name", header: columnLabels.name, cell: (power) => <Link href={`/admin/powers/${power.id}`}>{power.name}</Link>, sortValue: (power) => power.name },
  { key: "type", header: columnLabels.type, cell: (power) => m.powerTypes[power.type], sortValue: (power) => m.powerTypes[power.type] },
  { key: "section", header: columnLabels.section, cell: (power) => power.sectionName, sortValue: (power) => power.sectionName },
  { key: "status", header: columnLabels.status, cell: (power) => m.powerStatuses[power.status] },
  {
    key: "state",
    header: m.review.state,
    cell: (power) => <StateBadge workflow="item" state={power.state} />,
    sortValue: (power) => Object.values(ItemState).indexOf(power.state),
  },
];

export default async function ConsolePowersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageUser("registers.read_console");
  const query = queryOf(await searchParams);
  const state = Object.values(ItemState).find((value) => value === query.state);
  const type = isPowerType(query.type) ? query.type : undefined;
  const q = query.q?.trim() || undefined;
  const result = await listConsolePowers(actor, { state, type, q, pageSize: 200 });
  return (
    <div className="space-y-4">
      <PageHeader
        title={c.title}
        actions={
          <>
            <ButtonLink href="/admin/powers/versions">{c.versions}</ButtonLink>
            <ButtonLink href="/powers">{c.viewPublic}</ButtonLink>
            {isPermitted(actor.role, "power.edit") ? (
              <ButtonLink href="/admin/powers/new" variant="primary">
                {c.create}
              </ButtonLink>
            ) : null}
          </>
        }
      />
      <FilterBar
        key={JSON.stringify(query)}
        label={m.powers.filter}
        submitLabel={m.powers.filter}
        summary={m.powers.total(result.total)}
        summaryTestId="result-count"
      >
        <FilterSelect name="state" label={c.stateFilter} defaultValue={state} allLabel={c.allStates} options={registerStateOptions} />
        <FilterSelect
          name="type"
          label={m.powers.filterType}
          defaultValue={type}
          allLabel={m.powers.allTypes}
          options={powerTypes.map((value) => ({ value, label: m.powerTypes[value] }))}
        />
        <FilterInput name="q" type="search" label={m.powers.search} defaultValue={q} />
      </FilterBar>
      <DataTable
        caption={c.title}
        columns={columns}
        rows={result.items}
        rowKey={(power) => power.id}
        empty={c.empty}
        sort={{
          basePath: "/admin/powers",
          query,
          current: readSort(
            query,
            columns.filter((column) => column.sortValue).map((column) => column.key),
          ),
        }}
      />
    </div>
  );
}
