import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { readIdParam } from "@/lib/api/route-params";
import { isPermitted } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/page-guard";
import { NotFoundError } from "@/lib/errors";
import { inspectionsMessages } from "@/lib/i18n/zh-CN/inspections";
import { findTarget, listInspectors, listTargetCategories } from "@/lib/inspections/manage-lists";
import { removeConflictAction } from "../../actions";
import { ButtonForm } from "../../fields";
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
      <h1 className="text-xl font-bold">{inspectionsMessages.title}</h1>
      <InspectionsNav current="targets" />
      <p><Link href="/admin/inspections/targets">← {m.back}</Link></p>
      <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="edit-target">
        <h2 id="edit-target" className="mb-4 text-lg font-semibold">{m.editTitle(target.name)}</h2>
        <EditTargetForm targetId={target.id} values={target} categories={categories.map((entry) => entry.category)} />
      </section>
      <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="target-conflicts">
        <h2 id="target-conflicts" className="text-lg font-semibold">{m.conflicts}</h2>
        <p className="mt-2 mb-4 text-sm text-gray-800">{m.conflictsHelp}</p>
        {target.conflicts.length ? (
          <ul className="mb-4 space-y-2 text-sm" data-testid="target-conflicts">
            {target.conflicts.map((conflict) => (
              <li key={conflict.id} className="flex flex-wrap items-center gap-3">
                <span>{conflict.inspectorName}（{conflict.certificateNumber}）：{conflict.reason}</span>
                {isPermitted(actor.role, "inspection.manage_lists") ? (
                  <ButtonForm action={removeConflictAction.bind(null, conflict.id)} label={inspectionsMessages.inspectors.removeConflict}
                    ariaLabel={inspectionsMessages.inspectors.removeConflictLabel(conflict.inspectorName, target.name)} />
                ) : null}
              </li>
            ))}
          </ul>
        ) : <p className="mb-4 text-sm text-gray-700">{m.noConflicts}</p>}
        <AddConflictForm
          targetId={target.id}
          inspectors={inspectors.items.filter((inspector) => !declared.has(inspector.id)).map((inspector) => ({ id: inspector.id, label: `${inspector.name}（${inspector.certificateNumber}，${inspector.sectionName}）` }))}
        />
      </section>
    </div>
  );
}
