import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/console/page-header";
import { Panel } from "@/components/console/panel";
import { readIdParam } from "@/lib/api/route-params";
import { requirePageUser } from "@/lib/auth/page-guard";
import { NotFoundError } from "@/lib/errors";
import { inspectionsMessages } from "@/lib/i18n/zh-CN/inspections";
import { findConsoleInspection } from "@/lib/inspections/console-inspections";
import { listInspectionItems } from "@/lib/inspections/manage-inspection-items";
import { listTargetCategories } from "@/lib/inspections/manage-lists";
import { updateInspectionAction } from "../../actions";
import { InspectionsNav } from "../../inspections-nav";
import { PlanForm } from "../../plan-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: inspectionsMessages.detail.edit };

export default async function EditInspectionPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageUser("inspection.edit");
  const inspection = await readIdParam(params)
    .then((id) => findConsoleInspection(actor, id))
    .catch((error) => {
      if (error instanceof NotFoundError) notFound();
      throw error;
    });
  const [items, categories] = await Promise.all([listInspectionItems(actor), listTargetCategories()]);
  const chosen = new Set(inspection.items.map((item) => item.id));
  return (
    <div className="space-y-6">
      <PageHeader
        title={inspectionsMessages.title}
        breadcrumbs={[
          { href: "/admin/inspections", label: inspectionsMessages.sections.tasks },
          { href: `/admin/inspections/${inspection.id}`, label: inspection.title },
        ]}
      />
      <InspectionsNav current="tasks" />
      <Panel id="edit-inspection" title={inspectionsMessages.detail.edit}>
        {inspection.canEdit ? (
          <PlanForm
            action={updateInspectionAction.bind(null, inspection.id)}
            categories={categories}
            drawn={inspection.draw !== null}
            submitLabel={inspectionsMessages.targets.save}
            items={items.filter((item) => item.active || chosen.has(item.id))}
            values={{
              title: inspection.title,
              year: inspection.year,
              description: inspection.description,
              itemIds: [...chosen],
              targetCategories: inspection.targetCategories,
              targetCount: inspection.targetCount,
              inspectorsPerTarget: inspection.inspectorsPerTarget,
              startOn: inspection.startOn,
              endOn: inspection.endOn,
              version: inspection.version,
            }}
          />
        ) : (
          <p className="text-sm text-gray-700">{inspectionsMessages.detail.cannotEdit}</p>
        )}
      </Panel>
    </div>
  );
}
