import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/console/button-link";
import { DataTable } from "@/components/console/data-table";
import { Flag } from "@/components/console/due-date";
import { FilterBar, FilterSelect } from "@/components/console/filter-bar";
import { PageHeader } from "@/components/console/page-header";
import { StateBadge } from "@/components/console/state-badge";
import { readPositiveInteger } from "@/lib/api/route-params";
import { requirePageUser } from "@/lib/auth/page-guard";
import { isPermitted } from "@/lib/auth/permissions";
import { ProposalKind, ProposalStatus } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { listConsoleProposals, listProposalYears } from "@/lib/proposals/console-proposals";

export const metadata: Metadata = { title: messages.proposals.console.title };

type Props = { searchParams: Promise<{ year?: string; kind?: string; status?: string; page?: string }> };

export default async function ConsoleProposalsPage({ searchParams }: Props) {
  const actor = await requirePageUser("proposal.read_console");
  const query = await searchParams;
  const year = /^\d{4}$/.test(query.year ?? "") ? Number(query.year) : undefined;
  const kind = Object.values(ProposalKind).find((value) => value === query.kind);
  const status = Object.values(ProposalStatus).find((value) => value === query.status);
  const page = readPositiveInteger(query.page ?? null) ?? 1;
  const [result, years] = await Promise.all([listConsoleProposals(actor, { year, kind, status, page }), listProposalYears(actor)]);
  const m = messages.proposals.console;
  const p = messages.proposals;
  const c = m.columns;
  const canManage = isPermitted(actor.role, "proposal.manage");
  return (
    <div className="space-y-4">
      <PageHeader
        title={m.title}
        actions={
          <>
            <ButtonLink href="/admin/proposals/stats">{m.statsLink}</ButtonLink>
            {isPermitted(actor.role, "proposal.settings") ? <ButtonLink href="/admin/proposals/settings">{m.settings}</ButtonLink> : null}
            {canManage ? <ButtonLink href="/admin/proposals/import">{m.import}</ButtonLink> : null}
            {canManage ? (
              <ButtonLink href="/admin/proposals/new" variant="primary">
                {m.create}
              </ButtonLink>
            ) : null}
          </>
        }
      />
      <FilterBar label={m.filter} submitLabel={m.filter} summary={messages.publicItems.total(result.total)} summaryTestId="result-count">
        <FilterSelect
          name="year"
          label={m.filterYear}
          defaultValue={year}
          allLabel={m.allYears}
          options={years.map((option) => ({ value: option, label: String(option) }))}
        />
        <FilterSelect
          name="kind"
          label={m.filterKind}
          defaultValue={kind}
          allLabel={m.allKinds}
          options={Object.values(ProposalKind).map((value) => ({ value, label: p.kinds[value] }))}
        />
        <FilterSelect
          name="status"
          label={m.filterStatus}
          defaultValue={status}
          allLabel={m.allStatuses}
          options={Object.values(ProposalStatus).map((value) => ({ value, label: p.statuses[value] }))}
        />
      </FilterBar>
      <DataTable
        caption={m.title}
        rows={result.proposals}
        rowKey={(proposal) => proposal.id}
        empty={m.empty}
        paging={{
          page,
          pageSize: result.pageSize,
          total: result.total,
          basePath: "/admin/proposals",
          query: { year: year ? String(year) : undefined, kind, status },
        }}
        columns={[
          { key: "number", header: c.number, cell: (proposal) => `${proposal.year} ${proposal.number}`, className: "whitespace-nowrap" },
          { key: "kind", header: c.kind, cell: (proposal) => p.kindsShort[proposal.kind], className: "whitespace-nowrap" },
          { key: "title", header: c.title, cell: (proposal) => <Link href={`/admin/proposals/${proposal.id}`}>{proposal.title}</Link> },
          { key: "leadSection", header: c.leadSection, cell: (proposal) => proposal.leadSectionName ?? "—" },
          {
            key: "deadline",
            header: c.deadline,
            cell: (proposal) => (
              <>
                {proposal.deadline ?? "—"}
                {proposal.overdue ? <Flag strong>{m.overdue}</Flag> : null}
              </>
            ),
            className: "whitespace-nowrap",
          },
          { key: "status", header: c.status, cell: (proposal) => <StateBadge workflow="proposal" state={proposal.status} /> },
        ]}
      />
    </div>
  );
}
