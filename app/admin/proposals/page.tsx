import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/public/pagination";
import { readPositiveInteger } from "@/lib/api/route-params";
import { isPermitted } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/page-guard";
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
  const canManage = isPermitted(actor.role, "proposal.manage");
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-bold">{m.title}</h1>
        <div className="flex flex-wrap gap-2 text-sm">
          <Link href="/admin/proposals/stats" className="rounded border border-gray-500 px-3 py-2">{m.statsLink}</Link>
          {isPermitted(actor.role, "proposal.settings") ? <Link href="/admin/proposals/settings" className="rounded border border-gray-500 px-3 py-2">{m.settings}</Link> : null}
          {canManage ? <Link href="/admin/proposals/import" className="rounded border border-gray-500 px-3 py-2">{m.import}</Link> : null}
          {canManage ? <Link href="/admin/proposals/new" className="rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 hover:no-underline">{m.create}</Link> : null}
        </div>
      </div>
      <form method="get" className="flex flex-wrap items-end gap-3 text-sm" aria-label={m.filter}>
        <label className="flex flex-col">{m.filterYear}
          <select name="year" defaultValue={year ?? ""} className="mt-1 rounded border border-gray-400 bg-white px-2 py-1">
            <option value="">{m.allYears}</option>
            {years.map((option) => <option key={option} value={option}>{option}</option>)}
          </select>
        </label>
        <label className="flex flex-col">{m.filterKind}
          <select name="kind" defaultValue={kind ?? ""} className="mt-1 rounded border border-gray-400 bg-white px-2 py-1">
            <option value="">{m.allKinds}</option>
            {Object.values(ProposalKind).map((value) => <option key={value} value={value}>{p.kinds[value]}</option>)}
          </select>
        </label>
        <label className="flex flex-col">{m.filterStatus}
          <select name="status" defaultValue={status ?? ""} className="mt-1 rounded border border-gray-400 bg-white px-2 py-1">
            <option value="">{m.allStatuses}</option>
            {Object.values(ProposalStatus).map((value) => <option key={value} value={value}>{p.statuses[value]}</option>)}
          </select>
        </label>
        <button type="submit" className="rounded border border-gray-500 bg-white px-3 py-1">{m.filter}</button>
        <span className="ml-auto text-gray-700" data-testid="result-count">{messages.publicItems.total(result.total)}</span>
      </form>
      <div className="overflow-x-auto rounded border border-gray-300 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-gray-100">
            <tr>{Object.values(m.columns).map((label) => <th key={label} scope="col" className="px-3 py-2">{label}</th>)}</tr>
          </thead>
          <tbody>
            {result.proposals.map((proposal) => (
              <tr key={proposal.id} className="border-t border-gray-200">
                <td className="px-3 py-2 whitespace-nowrap">{proposal.year} {proposal.number}</td>
                <td className="px-3 py-2 whitespace-nowrap">{p.kindsShort[proposal.kind]}</td>
                <td className="px-3 py-2"><Link href={`/admin/proposals/${proposal.id}`}>{proposal.title}</Link></td>
                <td className="px-3 py-2">{proposal.leadSectionName ?? "—"}</td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {proposal.deadline ?? "—"}
                  {proposal.overdue ? <span className="ml-2 font-semibold text-red-700">{m.overdue}</span> : null}
                </td>
                <td className="px-3 py-2 whitespace-nowrap" data-testid="proposal-status">{p.statuses[proposal.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {result.proposals.length === 0 ? <p className="p-4 text-gray-700">{m.empty}</p> : null}
      </div>
      <Pagination page={page} pageSize={result.pageSize} total={result.total} basePath="/admin/proposals" query={{ year: year ? String(year) : undefined, kind, status }} />
    </div>
  );
}
