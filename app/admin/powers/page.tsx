import type { Metadata } from "next";
import Link from "next/link";
import { StateBadge } from "@/components/console/state-badge";
import { isPermitted } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/page-guard";
import { ItemState } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { listConsolePowers } from "@/lib/powers/console-powers";
import { isPowerType, powerTypes } from "@/lib/powers/power-entry";

export const dynamic = "force-dynamic";

const m = messages.registers;
const c = m.powers.console;

export const metadata: Metadata = { title: c.title };

type Props = { searchParams: Promise<{ state?: string; type?: string; q?: string }> };

export default async function ConsolePowersPage({ searchParams }: Props) {
  const actor = await requirePageUser("registers.read_console");
  const query = await searchParams;
  const state = Object.values(ItemState).find((value) => value === query.state);
  const type = isPowerType(query.type) ? query.type : undefined;
  const q = query.q?.trim() || undefined;
  const result = await listConsolePowers(actor, { state, type, q, pageSize: 200 });
  const select = "mt-1 rounded border border-gray-400 bg-white px-2 py-1";
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-bold">{c.title}</h1>
        <div className="flex gap-2 text-sm">
          <Link href="/admin/powers/versions" className="rounded border border-gray-500 px-3 py-2">{c.versions}</Link>
          <Link href="/powers" className="rounded border border-gray-500 px-3 py-2">{c.viewPublic}</Link>
          {isPermitted(actor.role, "power.edit") ? <Link href="/admin/powers/new" className="rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 hover:no-underline">{c.create}</Link> : null}
        </div>
      </div>
      <form key={JSON.stringify(query)} method="get" className="flex flex-wrap items-end gap-3 text-sm" aria-label={m.powers.filter}>
        <label className="flex flex-col">{c.stateFilter}
          <select name="state" defaultValue={state ?? ""} className={select}>
            <option value="">{c.allStates}</option>
            {Object.values(ItemState).filter((value) => value !== "scheduled").map((value) => <option key={value} value={value}>{messages.itemStates[value]}</option>)}
          </select>
        </label>
        <label className="flex flex-col">{m.powers.filterType}
          <select name="type" defaultValue={type ?? ""} className={select}>
            <option value="">{m.powers.allTypes}</option>
            {powerTypes.map((value) => <option key={value} value={value}>{m.powerTypes[value]}</option>)}
          </select>
        </label>
        <label className="flex flex-col">{m.powers.search}<input name="q" type="search" defaultValue={q} className={select} /></label>
        <button type="submit" className="rounded border border-gray-500 bg-white px-3 py-1">{m.powers.filter}</button>
        <span className="ml-auto text-gray-700" data-testid="result-count">{m.powers.total(result.total)}</span>
      </form>
      <div className="overflow-x-auto rounded border border-gray-300 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-gray-100">
            <tr>{[m.powers.columns.code, m.powers.columns.name, m.powers.columns.type, m.powers.columns.section, m.powers.columns.status, m.review.state].map((label) => <th key={label} scope="col" className="px-3 py-2">{label}</th>)}</tr>
          </thead>
          <tbody>
            {result.items.map((power) => (
              <tr key={power.id} className="border-t border-gray-200">
                <td className="px-3 py-2 font-mono text-xs">{power.code}</td>
                <td className="px-3 py-2"><Link href={`/admin/powers/${power.id}`}>{power.name}</Link></td>
                <td className="px-3 py-2">{m.powerTypes[power.type]}</td>
                <td className="px-3 py-2">{power.sectionName}</td>
                <td className="px-3 py-2">{m.powerStatuses[power.status]}</td>
                <td className="px-3 py-2"><StateBadge state={power.state} /></td>
              </tr>
            ))}
          </tbody>
        </table>
        {result.items.length === 0 ? <p className="p-4 text-gray-700">{c.empty}</p> : null}
      </div>
    </div>
  );
}
