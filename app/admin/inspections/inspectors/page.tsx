import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmDialog } from "@/components/console/confirm-dialog";
import { DataTable } from "@/components/console/data-table";
import { PageHeader } from "@/components/console/page-header";
import { Panel } from "@/components/console/panel";
import { ButtonForm } from "@/components/forms/button-form";
import { requirePageUser } from "@/lib/auth/page-guard";
import { isPermitted } from "@/lib/auth/permissions";
import { messages } from "@/lib/i18n";
import { inspectionsMessages } from "@/lib/i18n/zh-CN/inspections";
import { inspectorColumns, listInspectors, listVersionHistory } from "@/lib/inspections/manage-lists";
import { listSections } from "@/lib/sections/manage-sections";
import { importInspectorsAction, removeConflictAction, setInspectorActiveAction } from "../actions";
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
      <PageHeader title={inspectionsMessages.title} />
      <InspectionsNav current="inspectors" />
      <Panel id="inspectors-title" title={m.title} description={m.intro}>
        <div className="space-y-4">
          <p className="text-sm" data-testid="inspector-list-version">
            {result.version ? inspectionsMessages.targets.currentVersion(result.version.version, result.version.hash) : inspectionsMessages.targets.noVersion}
          </p>
          <DataTable
            caption={m.title}
            rows={result.items}
            rowKey={(inspector) => inspector.id}
            empty={m.empty}
            testId="inspector-table"
            framed={false}
            columns={[
              { key: "id", header: c.id, cell: (inspector) => inspector.id },
              { key: "name", header: c.name, cell: (inspector) => inspector.name },
              { key: "certificateNumber", header: c.certificateNumber, cell: (inspector) => inspector.certificateNumber, className: "font-mono text-xs" },
              { key: "section", header: c.section, cell: (inspector) => inspector.sectionName },
              {
                key: "status",
                header: c.status,
                cell: (inspector) => (inspector.active ? inspectionsMessages.targets.statuses.active : inspectionsMessages.targets.statuses.inactive),
              },
              {
                key: "conflicts",
                header: c.conflicts,
                cell: (inspector) =>
                  inspector.conflicts.length ? (
                    <ul className="space-y-1">
                      {inspector.conflicts.map((conflict) => (
                        <li key={conflict.id} className="flex flex-wrap items-start gap-2">
                          <span className="py-1">
                            <Link href={`/admin/inspections/targets/${conflict.targetId}`}>{conflict.targetName}</Link>（{conflict.reason}）
                          </span>
                          {canManage ? (
                            <ConfirmDialog
                              action={removeConflictAction.bind(null, conflict.id)}
                              label={m.removeConflict}
                              ariaLabel={m.removeConflictLabel(inspector.name, conflict.targetName)}
                              question={messages.kit.confirmQuestion(m.removeConflict, `${inspector.name} — ${conflict.targetName}`)}
                            />
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    "—"
                  ),
              },
            ]}
            rowActions={
              canManage
                ? {
                    header: c.actions,
                    cell: (inspector) => (
                      <div className="flex flex-col gap-2">
                        <ButtonForm
                          action={setInspectorActiveAction.bind(null, inspector.id, !inspector.active)}
                          label={inspector.active ? m.deactivate : m.activate}
                          ariaLabel={inspector.active ? m.deactivateLabel(inspector.name) : m.activateLabel(inspector.name)}
                        />
                        <details>
                          <summary className="cursor-pointer text-blue-800">{m.edit}</summary>
                          <div className="mt-2 w-[32rem] max-w-full">
                            <EditInspectorForm inspectorId={inspector.id} values={inspector} sections={sections} />
                          </div>
                        </details>
                      </div>
                    ),
                  }
                : undefined
            }
          />
          {canManage ? <p className="text-sm text-gray-700">{m.conflictHint}</p> : null}
        </div>
      </Panel>
      {canManage ? (
        <>
          <Panel id="create-inspector" title={m.create}>
            <CreateInspectorForm sections={sections} />
          </Panel>
          <Panel id="import-inspectors" title={inspectionsMessages.importForm.title}>
            <ImportForm
              action={importInspectorsAction}
              columns={inspectorColumns}
              templateHref="/api/v1/admin/inspections/inspectors/template"
              label={`${m.title}：${inspectionsMessages.importForm.title}`}
            />
          </Panel>
        </>
      ) : null}
      <Panel id="inspector-versions" title={inspectionsMessages.versions.title}>
        <VersionHistory versions={versions} />
      </Panel>
    </div>
  );
}
