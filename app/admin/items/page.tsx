import type { Metadata } from "next";
import Link from "next/link";
import { StateBadge } from "@/components/console/state-badge";
import { Pagination } from "@/components/public/pagination";
import { readPositiveInteger } from "@/lib/api/route-params";
import { isPermitted } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/page-guard";
import { formatDateTime } from "@/lib/format";
import { ItemState } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { listConsoleItems, type ConsoleItemScope } from "@/lib/items/console-items";

export const metadata: Metadata = { title: messages.consoleItems.title };

type Props = { searchParams: Promise<{ scope?: string; state?: string; page?: string; overdue?: string }> };

export default async function ConsoleItemsPage({ searchParams }: Props) {
  const actor = await requirePageUser("item.read_console");
  const query = await searchParams;
  const scope: ConsoleItemScope = query.scope === "section" || query.scope === "all" ? query.scope : "tasks";
  const state = Object.values(ItemState).find((value) => value === query.state);
  const page = readPositiveInteger(query.page ?? null) ?? 1;
  const overdueOnly = query.overdue === "1";
  const result = await listConsoleItems(actor, { scope, state, page, overdueOnly });
  const items = overdueOnly ? result.items.filter((item) => item.overdue) : result.items;
  const m = messages.consoleItems;
  const tabs: [ConsoleItemScope, string][] = [["tasks", m.scopeTasks], ["section", m.scopeSection], ["all", m.scopeAll]];
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-bold">{m.title}</h1>
        {isPermitted(actor.role, "item.create") ? (
          <Link href="/admin/items/new" className="rounded bg-blue-800 px-4 py-2 text-sm font-medium text-white hover:bg-blue-900 hover:no-underline">{m.create}</Link>
        ) : null}
      </div>
      <nav aria-label="信息范围" className="flex gap-2 text-sm">
        {tabs.map(([value, label]) => (
          <Link key={value} href={`/admin/items?scope=${value}`} aria-current={scope === value ? "page" : undefined}
            className="rounded border border-gray-400 px-3 py-1 aria-[current=page]:border-blue-800 aria-[current=page]:bg-blue-800 aria-[current=page]:text-white">
            {label}
          </Link>
        ))}
      </nav>
      <form method="get" className="flex flex-wrap items-end gap-3 text-sm" aria-label={m.stateFilter}>
        <input type="hidden" name="scope" value={scope} />
        <label className="flex flex-col">{m.stateFilter}
          <select name="state" defaultValue={state ?? ""} className="mt-1 rounded border border-gray-400 bg-white px-2 py-1">
            <option value="">{m.allStates}</option>
            {Object.values(ItemState).map((value) => <option key={value} value={value}>{messages.itemStates[value]}</option>)}
          </select>
        </label>
        <label className="flex items-center gap-1"><input type="checkbox" name="overdue" value="1" defaultChecked={overdueOnly} />{m.overdue}</label>
        <button type="submit" className="rounded border border-gray-500 bg-white px-3 py-1">{messages.publicItems.filter}</button>
      </form>
      <div className="overflow-x-auto rounded border border-gray-300 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-gray-100">
            <tr>
              {Object.values(m.columns).map((label) => <th key={label} scope="col" className="px-3 py-2">{label}</th>)}
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} className="border-t border-gray-200">
                <td className="px-3 py-2 font-mono text-xs">{item.indexNumber}</td>
                <td className="px-3 py-2"><Link href={`/admin/items/${item.id}`}>{item.title}</Link></td>
                <td className="px-3 py-2"><StateBadge state={item.state} /></td>
                <td className="px-3 py-2">{item.sectionName}</td>
                <td className="px-3 py-2">
                  {item.disclosureDue}
                  {item.overdue ? <span className="ml-2 font-semibold text-red-700">{m.overdue}</span> : null}
                  {item.publishedOnTime === false ? <span className="ml-2 text-red-700">{m.late}</span> : null}
                </td>
                <td className="px-3 py-2">{formatDateTime(item.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {items.length === 0 ? <p className="p-4 text-gray-700">{m.empty}</p> : null}
      </div>
      {overdueOnly ? null : <Pagination page={page} pageSize={result.pageSize} total={result.total} basePath="/admin/items" query={{ scope, state }} />}
    </div>
  );
}
