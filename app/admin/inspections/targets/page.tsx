import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/public/pagination";
import { readPositiveInteger } from "@/lib/api/route-params";
import { isPermitted } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/page-guard";
import { inspectionsMessages } from "@/lib/i18n/zh-CN/inspections";
import { listTargets, listVersionHistory, targetColumns } from "@/lib/inspections/manage-lists";
import { importTargetsAction, setTargetActiveAction } from "../actions";
import { ButtonForm } from "../fields";
import { ImportForm } from "../import-form";
import { InspectionsNav } from "../inspections-nav";
import { VersionHistory } from "../version-history";
import { CreateTargetForm } from "./target-forms";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: inspectionsMessages.targets.title };

type Props = { searchParams: Promise<{ q?: string; category?: string; status?: string; page?: string }> };

export default async function TargetsPage({ searchParams }: Props) {
  const actor = await requirePageUser("inspection.read_console");
  const query = await searchParams;
  const status = query.status === "inactive" || query.status === "all" ? query.status : "active";
  const page = readPositiveInteger(query.page ?? null) ?? 1;
  const [result, versions] = await Promise.all([
    listTargets(actor, { q: query.q, category: query.category || undefined, status, page }),
    listVersionHistory(actor, "targets", 10),
  ]);
  const canManage = isPermitted(actor.role, "inspection.manage_lists");
  const m = inspectionsMessages.targets;
  const c = m.columns;
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-bold">{inspectionsMessages.title}</h1>
      <InspectionsNav current="targets" />
      <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="targets-title">
        <h2 id="targets-title" className="text-lg font-semibold">{m.title}</h2>
        <p className="mt-2 text-sm text-gray-800">{m.intro}</p>
        <p className="mt-2 text-sm" data-testid="target-list-version">
          {result.version ? m.currentVersion(result.version.version, result.version.hash) : m.noVersion}
        </p>
        <form method="get" className="no-print mt-4 flex flex-wrap items-end gap-3 text-sm" aria-label={m.filter}>
          <label className="flex flex-col">{m.search}
            <input name="q" defaultValue={query.q ?? ""} className="mt-1 rounded border border-gray-400 px-2 py-1" />
          </label>
          <label className="flex flex-col">{m.category}
            <select name="category" defaultValue={query.category ?? ""} className="mt-1 rounded border border-gray-400 px-2 py-1">
              <option value="">{m.allCategories}</option>
              {result.categories.map((entry) => <option key={entry.category} value={entry.category}>{entry.category}（{entry.active}）</option>)}
            </select>
          </label>
          <label className="flex flex-col">{m.status}
            <select name="status" defaultValue={status} className="mt-1 rounded border border-gray-400 px-2 py-1">
              {(["active", "inactive", "all"] as const).map((value) => <option key={value} value={value}>{m.statuses[value]}</option>)}
            </select>
          </label>
          <button type="submit" className="rounded border border-gray-500 bg-white px-3 py-1 hover:bg-gray-100">{m.filter}</button>
          <span className="ml-auto text-gray-700" data-testid="result-count">{m.total(result.total)}</span>
        </form>
        {result.items.length ? (
          <div className="mt-4 overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="target-table">
              <thead>
                <tr className="border-b border-gray-300">
                  <th scope="col" className="py-2 pr-3">{c.id}</th>
                  <th scope="col" className="py-2 pr-3">{c.name}</th>
                  <th scope="col" className="py-2 pr-3">{c.creditCode}</th>
                  <th scope="col" className="py-2 pr-3">{c.address}</th>
                  <th scope="col" className="py-2 pr-3">{c.category}</th>
                  <th scope="col" className="py-2 pr-3">{c.status}</th>
                  <th scope="col" className="py-2 pr-3">{c.conflicts}</th>
                  {canManage ? <th scope="col" className="py-2">{c.actions}</th> : null}
                </tr>
              </thead>
              <tbody>
                {result.items.map((target) => (
                  <tr key={target.id} className="border-b border-gray-200 align-top">
                    <td className="py-2 pr-3">{target.id}</td>
                    <td className="py-2 pr-3">{canManage ? <Link href={`/admin/inspections/targets/${target.id}`}>{target.name}</Link> : target.name}</td>
                    <td className="py-2 pr-3 font-mono text-xs">{target.creditCode ?? "—"}</td>
                    <td className="py-2 pr-3">{target.address}</td>
                    <td className="py-2 pr-3">{target.category}</td>
                    <td className="py-2 pr-3">{target.active ? m.statuses.active : m.statuses.inactive}</td>
                    <td className="py-2 pr-3">{target.conflictCount || "—"}</td>
                    {canManage ? (
                      <td className="py-2">
                        <ButtonForm
                          action={setTargetActiveAction.bind(null, target.id, !target.active)}
                          label={target.active ? m.deactivate : m.activate}
                          ariaLabel={target.active ? m.deactivateLabel(target.name) : m.activateLabel(target.name)}
                        />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : <p className="mt-4 text-sm text-gray-700">{m.empty}</p>}
        <Pagination page={page} pageSize={result.pageSize} total={result.total} basePath="/admin/inspections/targets" query={{ q: query.q, category: query.category, status: query.status }} />
      </section>
      {canManage ? (
        <>
          <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="create-target">
            <h2 id="create-target" className="mb-4 text-lg font-semibold">{m.create}</h2>
            <CreateTargetForm categories={result.categories.map((entry) => entry.category)} />
          </section>
          <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="import-targets">
            <h2 id="import-targets" className="mb-4 text-lg font-semibold">{inspectionsMessages.importForm.title}</h2>
            <ImportForm action={importTargetsAction} columns={targetColumns} templateHref="/api/v1/admin/inspections/targets/template" label={`${m.title}：${inspectionsMessages.importForm.title}`} />
          </section>
        </>
      ) : null}
      <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="target-versions">
        <h2 id="target-versions" className="mb-4 text-lg font-semibold">{inspectionsMessages.versions.title}</h2>
        <VersionHistory versions={versions} />
      </section>
    </div>
  );
}
