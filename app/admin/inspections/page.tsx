import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/public/pagination";
import { readPositiveInteger } from "@/lib/api/route-params";
import { isPermitted } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/page-guard";
import { inspectionsMessages } from "@/lib/i18n/zh-CN/inspections";
import { listConsoleInspections } from "@/lib/inspections/console-inspections";
import { InspectionsNav } from "./inspections-nav";
import { InspectionStateBadge, TimelinessText } from "./status-badge";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: inspectionsMessages.title };

export default async function InspectionsPage({ searchParams }: { searchParams: Promise<{ year?: string; page?: string }> }) {
  const actor = await requirePageUser("inspection.read_console");
  const query = await searchParams;
  const year = readPositiveInteger(query.year ?? null);
  const page = readPositiveInteger(query.page ?? null) ?? 1;
  const result = await listConsoleInspections(actor, { year, page });
  const m = inspectionsMessages.list;
  const c = m.columns;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-bold">{inspectionsMessages.title}</h1>
        {isPermitted(actor.role, "inspection.edit") ? (
          <Link href="/admin/inspections/new" className="rounded bg-blue-800 px-3 py-2 text-sm text-white hover:no-underline">{m.create}</Link>
        ) : null}
      </div>
      <InspectionsNav current="tasks" />
      <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="tasks-title">
        <h2 id="tasks-title" className="text-lg font-semibold">{inspectionsMessages.sections.tasks}</h2>
        <form method="get" className="no-print mt-4 flex flex-wrap items-end gap-3 text-sm" aria-label={m.filter}>
          <label className="flex flex-col">{inspectionsMessages.fields.year}
            <select name="year" defaultValue={year ?? ""} className="mt-1 rounded border border-gray-400 px-2 py-1">
              <option value="">{m.allYears}</option>
              {result.years.map((option) => <option key={option} value={option}>{option}</option>)}
            </select>
          </label>
          <button type="submit" className="rounded border border-gray-500 bg-white px-3 py-1 hover:bg-gray-100">{m.filter}</button>
          <span className="ml-auto text-gray-700">{m.total(result.total)}</span>
        </form>
        {result.items.length ? (
          <div className="mt-4 overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="inspection-table">
              <thead>
                <tr className="border-b border-gray-300">
                  <th scope="col" className="py-2 pr-3">{c.title}</th>
                  <th scope="col" className="py-2 pr-3">{c.year}</th>
                  <th scope="col" className="py-2 pr-3">{c.period}</th>
                  <th scope="col" className="py-2 pr-3">{c.targetCount}</th>
                  <th scope="col" className="py-2 pr-3">{c.state}</th>
                  <th scope="col" className="py-2 pr-3">{c.results}</th>
                  <th scope="col" className="py-2">{c.resultsDue}</th>
                </tr>
              </thead>
              <tbody>
                {result.items.map((item) => (
                  <tr key={item.id} className="border-b border-gray-200 align-top">
                    <td className="py-2 pr-3"><Link href={`/admin/inspections/${item.id}`}>{item.title}</Link></td>
                    <td className="py-2 pr-3">{item.year}</td>
                    <td className="py-2 pr-3 whitespace-nowrap">{inspectionsMessages.detail.periodValue(item.startOn, item.endOn)}</td>
                    <td className="py-2 pr-3">{item.targetCount}</td>
                    <td className="py-2 pr-3"><InspectionStateBadge state={item.state} />{item.drawn ? null : <span className="ml-1 text-xs text-gray-700">{m.notDrawn}</span>}</td>
                    <td className="py-2 pr-3">{item.state === "published" ? <InspectionStateBadge state={item.resultsState} /> : "—"}</td>
                    <td className="py-2"><TimelinessText status={item.resultsDeadline.status} due={item.resultsDeadline.due} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : <p className="mt-4 text-sm text-gray-700">{m.empty}</p>}
        <Pagination page={page} pageSize={result.pageSize} total={result.total} basePath="/admin/inspections" query={{ year: query.year }} />
      </section>
    </div>
  );
}
