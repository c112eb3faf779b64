import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/console/page-header";
import { Panel } from "@/components/console/panel";
import { requirePageUser } from "@/lib/auth/page-guard";
import { todayInBeijing } from "@/lib/dates";
import { inspectionsMessages } from "@/lib/i18n/zh-CN/inspections";
import { listInspectionItems } from "@/lib/inspections/manage-inspection-items";
import { listTargetCategories } from "@/lib/inspections/manage-lists";
import { createInspectionAction } from "../actions";
import { InspectionsNav } from "../inspections-nav";
import { PlanForm } from "../plan-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: inspectionsMessages.list.create };

export default async function NewInspectionPage() {
  const actor = await requirePageUser("inspection.edit");
  const [items, categories] = await Promise.all([listInspectionItems(actor, { activeOnly: true }), listTargetCategories()]);
  const today = todayInBeijing();
  return (
    <div className="space-y-6">
      <PageHeader title={inspectionsMessages.title} breadcrumbs={[{ href: "/admin/inspections", label: inspectionsMessages.sections.tasks }]} />
      <InspectionsNav current="tasks" />
      <Panel id="new-inspection" title={inspectionsMessages.list.create}>
        {items.length ? (
          <PlanForm
            action={createInspectionAction}
            items={items}
            categories={categories}
            drawn={false}
            submitLabel={inspectionsMessages.list.create}
            values={{
              title: "",
              year: Number(today.slice(0, 4)),
              description: "",
              itemIds: [],
              targetCategories: [],
              targetCount: "",
              inspectorsPerTarget: 2,
              startOn: "",
              endOn: "",
            }}
          />
        ) : (
          <p className="text-sm text-gray-700">
            {inspectionsMessages.items.empty} <Link href="/admin/inspections/items">{inspectionsMessages.items.title}</Link>
          </p>
        )}
      </Panel>
    </div>
  );
}
