import type { Metadata } from "next";
import { ProposalStatsTable } from "@/app/(public)/proposals/_components/proposal-stats-table";
import { FilterBar, FilterSelect } from "@/components/console/filter-bar";
import { PageHeader } from "@/components/console/page-header";
import { Panel } from "@/components/console/panel";
import { requirePageUser } from "@/lib/auth/page-guard";
import { todayInBeijing } from "@/lib/dates";
import { messages } from "@/lib/i18n";
import { listProposalYears } from "@/lib/proposals/console-proposals";
import { proposalStatsForYear, proposalStatsScope } from "@/lib/proposals/stats";

export const metadata: Metadata = { title: messages.proposals.console.statsPage.title };

export default async function ProposalStatsPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const actor = await requirePageUser("proposal.read_console");
  const years = await listProposalYears(actor);
  const requested = (await searchParams).year;
  const year = /^\d{4}$/.test(requested ?? "") ? Number(requested) : (years[0] ?? Number(todayInBeijing().slice(0, 4)));
  const stats = await proposalStatsForYear(year, proposalStatsScope(actor));
  const m = messages.proposals.console;
  return (
    <div className="space-y-4">
      <PageHeader breadcrumbs={[{ href: "/admin/proposals", label: m.title }]} title={m.statsPage.title} />
      <FilterBar label={m.filter} submitLabel={m.filter}>
        <FilterSelect
          name="year"
          label={m.filterYear}
          defaultValue={year}
          options={(years.includes(year) ? years : [year, ...years]).map((option) => ({ value: option, label: String(option) }))}
        />
      </FilterBar>
      <Panel>
        <ProposalStatsTable stats={stats} />
      </Panel>
    </div>
  );
}
