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
import { listConsoleServices } from "@/lib/services/console-services";
import { registerStateOptions } from "../powers/register-console";

export const dynamic = "force-dynamic";

const s = messages.registers.services;
const c = s.console;

export const metadata: Metadata = { title: c.title };

type ServiceRow = Awaited<ReturnType<typeof listConsoleServices>>[number];

const columns: Column<ServiceRow>[] = [
  { key: "code", header: s.columns.code, cell: (service) => service.code, sortValue: (service) => service.code, className: "font-mono text-xs" },
  {
    key: "name",
    header: s.columns.name,
    cell: (service) => <Link href={`/admin/services/${service.id}`}>{service.name}</Link>,
    sortValue: (service) => service.name,
  },
  { key: "section", header: s.columns.section, cell: (service) => service.sectionName, sortValue: (service) => service.sectionName },
  {
    key: "state",
    header: messages.registers.review.state,
    cell: (service) => <StateBadge workflow="item" state={service.state} />,
    sortValue: (service) => Object.values(ItemState).indexOf(service.state),
  },
];

export default async function ConsoleServicesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageUser("registers.read_console");
  const query = queryOf(await searchParams);
  const state = Object.values(ItemState).find((value) => value === query.state);
  const q = query.q?.trim() || undefined;
  const services = await listConsoleServices(actor, { state, q });
  return (
    <div className="space-y-4">
      <PageHeader
        title={c.title}
        actions={
          <>
            <ButtonLink href="/services">{c.viewPublic}</ButtonLink>
            {isPermitted(actor.role, "service.edit") ? (
              <ButtonLink href="/admin/services/new" variant="primary">
                {c.create}
              </ButtonLink>
            ) : null}
          </>
        }
      />
      <FilterBar key={JSON.stringify(query)} label={s.filter} submitLabel={s.filter} summary={s.total(services.length)}>
        <FilterSelect
          name="state"
          label={messages.registers.powers.console.stateFilter}
          defaultValue={state}
          allLabel={messages.registers.powers.console.allStates}
          options={registerStateOptions}
        />
        <FilterInput name="q" type="search" label={s.search} defaultValue={q} />
      </FilterBar>
      <DataTable
        caption={c.title}
        columns={columns}
        rows={services}
        rowKey={(service) => service.id}
        empty={c.empty}
        sort={{
          basePath: "/admin/services",
          query,
          current: readSort(
            query,
            columns.map((column) => column.key),
          ),
        }}
      />
    </div>
  );
}
