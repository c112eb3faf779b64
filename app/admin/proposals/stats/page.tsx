import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/page-guard";
import { todayInBeijing } from "@/lib/dates";
import { messages } from "@/lib/i18n";
import { listProposalYears } from "@/lib/proposals/console-proposals";
import { proposalStatsForYear } from "@/lib/proposals/stats";
import { ProposalStatsTable } from "@/app/(public)/proposals/_components/proposal-stats-table";

export const metadata: Metadata = { title: messages.proposals.console.statsPage.title };

export default async function ProposalStatsPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const actor = await requirePageUser("proposal.read_console");
  const years = await listProposalYears(actor);
  const requested = (await searchParams).year;
  const year = /^\d{4}$/.test(requested ?? "") ? Number(requested) : years[0] ?? Number(todayInBeijing().slice(0, 4));
  const stats = await proposalStatsForYear(year);
  const m = messages.proposals.console;
  return (
    <div className="space-y-4">
      <p><Link href="/admin/proposals">← {m.title}</Link></p>
      <h1 className="text-xl font-bold">{m.statsPage.title}</h1>
      <form method="get" className="flex items-end gap-3 text-sm" aria-label={m.filter}>
        <label className="flex flex-col">{m.filterYear}
          <select name="year" defaultValue={year} className="mt-1 rounded border border-gray-400 bg-white px-2 py-1">
            {(years.includes(year) ? years : [year, ...years]).map((option) => <option key={option} value={option}>{option}</option>)}
          </select>
        </label>
        <button type="submit" className="rounded border border-gray-500 bg-white px-3 py-1">{m.filter}</button>
      </form>
      <section className="rounded border border-gray-300 bg-white p-6"><ProposalStatsTable stats={stats} /></section>
    </div>
  );
}
