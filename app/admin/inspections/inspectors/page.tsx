import type { Metadata } from "next";
import Link from "next/link";
import { isPermitted } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/page-guard";
import { inspectionsMessages } from "@/lib/i18n/zh-CN/inspections";
import { inspectorColumns, listInspectors, listVersionHistory } from "@/lib/inspections/manage-lists";
import { listSections } from "@/lib/sections/manage-sections";
import { importInspectorsAction, removeConflictAction, setInspectorActiveAction } from "../actions";
import { ButtonForm } from "../fields";
import { ImportForm } from "../import-form";
import { InspectionsNav } from "../inspections-nav";
import { VersionHistory } from "../version-history";
import { CreateInspectorForm, EditInspectorForm } from "./inspector-forms";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: inspectionsMessages.inspectors.title };

export default async function InspectorsPage() {
  const actor = await requirePageUser("inspection.read_console");
  const [result, versions, sections] = await Promise.all([listInspectors(actor), listVersionHistory(actor, "inspectors", 10), listSections(actor)]);
  const canManage = isPermitted(actor.role, "inspection.manage_lists");
  const m = inspectionsMessages.inspectors;
  const c = m.columns;
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-bold">{inspectionsMessages.title}</h1>
      <InspectionsNav current="inspectors" />
      <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="inspectors-title">
        <h2 id="inspectors-title" className="text-lg font-semibold">{m.title}</h2>
        <p className="mt-2 text-sm text-gray-800">{m.intro}</p>
        <p className="mt-2 text-sm" data-testid="inspector-list-version">
          {result.version ? inspectionsMessages.targets.currentVersion(result.version.version, result.version.hash) : inspectionsMessages.targets.noVersion}
        </p>
        {result.items.length ? (
          <div className="mt-4 overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="inspector-table">
              <thead>
                <tr className="border-b border-gray-300">
                  <th scope="col" className="py-2 pr-3">{c.id}</th>
                  <th scope="col" className="py-2 pr-3">{c.name}</th>
                  <th scope="col" className="py-2 pr-3">{c.certificateNumber}</th>
                  <th scope="col" className="py-2 pr-3">{c.section}</th>
                  <th scope="col" className="py-2 pr-3">{c.status}</th>
                  <th scope="col" className="py-2 pr-3">{c.conflicts}</th>
                  {canManage ? <th scope="col" className="py-2">{c.actions}</th> : null}
                </tr>
              </thead>
              <tbody>
                {result.items.map((inspector) => (
                  <tr key={inspector.id} className="border-b border-gray-200 align-top">
                    <td className="py-2 pr-3">{inspector.id}</td>
                    <td className="py-2 pr-3">{inspector.name}</td>
                    <td className="py-2 pr-3 font-mono text-xs">{inspector.certificateNumber}</td>
                    <td className="py-2 pr-3">{inspector.sectionName}</td>
                    <td className="py-2 pr-3">{inspector.active ? inspectionsMessages.targets.statuses.active : inspectionsMessages.targets.statuses.inactive}</td>
                    <td className="py-2 pr-3">
                      {inspector.conflicts.length ? (
                        <ul className="space-y-1">
                          {inspector.conflicts.map((conflict) => (
                            <li key={conflict.id} className="flex flex-wrap items-center gap-2">
                              <span><Link href={`/admin/inspections/targets/${conflict.targetId}`}>{conflict.targetName}</Link>（{conflict.reason}）</span>
                              {canManage ? <ButtonForm action={removeConflictAction.bind(null, conflict.id)} label={m.removeConflict} ariaLabel={m.removeConflictLabel(inspector.name, conflict.targetName)} /> : null}
                            </li>
                          ))}
                        </ul>
                      ) : "—"}
                    </td>
                    {canManage ? (
                      <td className="py-2">
                        <div className="flex flex-col gap-2">
                          <ButtonForm action={setInspectorActiveAction.bind(null, inspector.id, !inspector.active)} label={inspector.active ? m.deactivate : m.activate}
                            ariaLabel={inspector.active ? m.deactivateLabel(inspector.name) : m.activateLabel(inspector.name)} />
                          <details>
                            <summary className="cursor-pointer text-blue-800">{m.edit}</summary>
                            <div className="mt-2 w-[32rem] max-w-full">
                              <EditInspectorForm inspectorId={inspector.id} values={inspector} sections={sections} />
                            </div>
                          </details>
                        </div>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : <p className="mt-4 text-sm text-gray-700">{m.empty}</p>}
        {canManage ? <p className="mt-3 text-sm text-gray-700">{m.conflictHint}</p> : null}
      </section>
      {canManage ? (
        <>
          <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="create-inspector">
            <h2 id="create-inspector" className="mb-4 text-lg font-semibold">{m.create}</h2>
            <CreateInspectorForm sections={sections} />
          </section>
          <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="import-inspectors">
            <h2 id="import-inspectors" className="mb-4 text-lg font-semibold">{inspectionsMessages.importForm.title}</h2>
            <ImportForm action={importInspectorsAction} columns={inspectorColumns} templateHref="/api/v1/admin/inspections/inspectors/template" label={`${m.title}：${inspectionsMessages.importForm.title}`} />
          </section>
        </>
      ) : null}
      <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="inspector-versions">
        <h2 id="inspector-versions" className="mb-4 text-lg font-semibold">{inspectionsMessages.versions.title}</h2>
        <VersionHistory versions={versions} />
      </section>
    </div>
  );
}
