import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ConfirmDialog } from "@/components/console/confirm-dialog";
import { PageHeader } from "@/components/console/page-header";
import { Panel } from "@/components/console/panel";
import { readIdParam } from "@/lib/api/route-params";
import { requirePageUser } from "@/lib/auth/page-guard";
import { isPermitted } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { inspectionsMessages } from "@/lib/i18n/zh-CN/inspections";
import { findTarget, listInspectors, listTargetCategories } from "@/lib/inspections/manage-lists";
import { removeConflictAction } from "../../actions";
import { InspectionsNav } from "../../inspections-nav";
import { AddConflictForm, EditTargetForm } from "../target-forms";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: inspectionsMessages.targets.title };

export default async function TargetPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageUser("inspection.manage_lists");
  const target = await readIdParam(params)
    .then((id) => findTarget(actor, id))
    .catch((error) => {
      if (error instanceof NotFoundError) notFound();
      throw error;
    });
  const [inspectors, categories] = await Promise.all([listInspectors(actor, { status: "active" }), listTargetCategories()]);
  const m = inspectionsMessages.targets;
  const declared = new Set(target.conflicts.map((conflict) => conflict.inspectorId));
  return (
    <div className="space-y-6">
      <PageHeader title={inspectionsMessages.title} breadcrumbs={[{ href: "/admin/inspections/targets", label: m.title }]} />
      <InspectionsNav current="targets" />
      <Panel id="edit-target" title={m.editTitle(target.name)}>
        <EditTargetForm targetId={target.id} values={target} categories={categories.map((entry) => entry.category)} />
      </Panel>
      <Panel id="target-conflicts" title={m.conflicts} description={m.conflictsHelp}>
        {target.conflicts.length ? (
          <ul className="mb-4 space-y-2 text-sm" data-testid="target-conflicts">
            {target.conflicts.map((conflict) => (
              <li key={conflict.id} className="flex flex-wrap items-start gap-3">
                <span className="py-1">
                  {conflict.inspectorName}（{conflict.certificateNumber}）：{conflict.reason}
                </span>
                {isPermitted(actor.role, "inspection.manage_lists") ? (
                  <ConfirmDialog
                    action={removeConflictAction.bind(null, conflict.id)}
                    label={inspectionsMessages.inspectors.removeConflict}
                    ariaLabel={inspectionsMessages.inspectors.removeConflictLabel(conflict.inspectorName, target.name)}
                    question={messages.kit.confirmQuestion(inspectionsMessages.inspectors.removeConflict, `${conflict.inspectorName} — ${target.name}`)}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mb-4 text-sm text-gray-700">{m.noConflicts}</p>
        )}
        <AddConflictForm
          targetId={target.id}
          inspectors={inspectors.items
            .filter((inspector) => !declared.has(inspector.id))
            .map((inspector) => ({ id: inspector.id, label: `${inspector.name}（${inspector.certificateNumber}，${inspector.sectionName}）` }))}
        />
      </Panel>
    </div>
  );
}
