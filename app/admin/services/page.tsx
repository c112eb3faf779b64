import type { Metadata } from "next";
import Link from "next/link";
import { StateBadge } from "@/components/console/state-badge";
import { isPermitted } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/page-guard";
import { ItemState } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { listConsoleServices } from "@/lib/services/console-services";

export const dynamic = "force-dynamic";

const s = messages.registers.services;
const c = s.console;

export const metadata: Metadata = { title: c.title };

export default async function ConsoleServicesPage({ searchParams }: { searchParams: Promise<{ state?: string; q?: string }> }) {
  const actor = await requirePageUser("registers.read_console");
  const query = await searchParams;
  const state = Object.values(ItemState).find((value) => value === query.state);
  const q = query.q?.trim() || undefined;
  const services = await listConsoleServices(actor, { state, q });
  const select = "mt-1 rounded border border-gray-400 bg-white px-2 py-1";
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-bold">{c.title}</h1>
        <div className="flex gap-2 text-sm">
          <Link href="/services" className="rounded border border-gray-500 px-3 py-2">{c.viewPublic}</Link>
          {isPermitted(actor.role, "service.edit") ? <Link href="/admin/services/new" className="rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 hover:no-underline">{c.create}</Link> : null}
        </div>
      </div>
      <form key={JSON.stringify(query)} method="get" className="flex flex-wrap items-end gap-3 text-sm" aria-label={s.filter}>
        <label className="flex flex-col">{messages.registers.powers.console.stateFilter}
          <select name="state" defaultValue={state ?? ""} className={select}>
            <option value="">{messages.registers.powers.console.allStates}</option>
            {Object.values(ItemState).filter((value) => value !== "scheduled").map((value) => <option key={value} value={value}>{messages.itemStates[value]}</option>)}
          </select>
        </label>
        <label className="flex flex-col">{s.search}<input name="q" type="search" defaultValue={q} className={select} /></label>
        <button type="submit" className="rounded border border-gray-500 bg-white px-3 py-1">{s.filter}</button>
        <span className="ml-auto text-gray-700">{s.total(services.length)}</span>
      </form>
      <div className="overflow-x-auto rounded border border-gray-300 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-gray-100"><tr>{[s.columns.code, s.columns.name, s.columns.section, messages.registers.review.state].map((label) => <th key={label} scope="col" className="px-3 py-2">{label}</th>)}</tr></thead>
          <tbody>
            {services.map((service) => (
              <tr key={service.id} className="border-t border-gray-200">
                <td className="px-3 py-2 font-mono text-xs">{service.code}</td>
                <td className="px-3 py-2"><Link href={`/admin/services/${service.id}`}>{service.name}</Link></td>
                <td className="px-3 py-2">{service.sectionName}</td>
                <td className="px-3 py-2"><StateBadge state={service.state} /></td>
              </tr>
            ))}
          </tbody>
        </table>
        {services.length === 0 ? <p className="p-4 text-gray-700">{c.empty}</p> : null}
      </div>
    </div>
  );
}
