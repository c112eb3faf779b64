import type { Metadata } from "next";
import { DataTable } from "@/components/console/data-table";
import { PageHeader } from "@/components/console/page-header";
import { Panel } from "@/components/console/panel";
import { ButtonForm } from "@/components/forms/button-form";
import { requirePageUser } from "@/lib/auth/page-guard";
import { isPermitted } from "@/lib/auth/permissions";
import { inspectionsMessages } from "@/lib/i18n/zh-CN/inspections";
import { listInspectionItems, listInspectionPowers } from "@/lib/inspections/manage-inspection-items";
import { setInspectionItemActiveAction } from "../actions";
import { InspectionsNav } from "../inspections-nav";
import { CreateInspectionItemForm, EditInspectionItemForm } from "./item-forms";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: inspectionsMessages.items.title };

export default async function InspectionItemsPage() {
  const actor = await requirePageUser("inspection.read_console");
  const [items, powers] = await Promise.all([listInspectionItems(actor), listInspectionPowers(actor)]);
  const usablePowers = powers.filter((power) => power.status !== "cancelled");
  const canManage = isPermitted(actor.role, "inspection.manage_lists");
  const m = inspectionsMessages.items;
  const c = m.columns;
  return (
    <div className="space-y-6">
      <PageHeader title={inspectionsMessages.title} />
      <InspectionsNav current="items" />
      <Panel id="items-title" title={m.title} description={m.intro}>
        <DataTable
          caption={m.title}
          rows={items}
          rowKey={(item) => item.id}
          empty={m.empty}
          testId="inspection-item-table"
          framed={false}
          columns={[
            { key: "name", header: c.name, cell: (item) => item.name },
            { key: "power", header: c.power, cell: (item) => `${item.power.code} ${item.power.name}` },
            { key: "targetScope", header: c.targetScope, cell: (item) => item.targetScope },
            { key: "method", header: c.method, cell: (item) => item.method },
            { key: "status", header: c.status, cell: (item) => (item.active ? m.statuses.active : m.statuses.inactive) },
          ]}
          rowActions={
            canManage
              ? {
                  header: c.actions,
                  cell: (item) => (
                    <div className="flex flex-col gap-2">
                      <ButtonForm
                        action={setInspectionItemActiveAction.bind(null, item.id, !item.active)}
                        label={item.active ? m.deactivate : m.activate}
                        ariaLabel={`${item.active ? m.deactivate : m.activate}：${item.name}`}
                      />
                      <details>
                        <summary className="cursor-pointer text-blue-800">{inspectionsMessages.targets.edit}</summary>
                        <div className="mt-2 w-[36rem] max-w-full">
                          <EditInspectionItemForm
                            itemId={item.id}
                            values={{ powerId: item.power.id, name: item.name, targetScope: item.targetScope, method: item.method }}
                            powers={usablePowers}
                          />
                        </div>
                      </details>
                    </div>
                  ),
                }
              : undefined
          }
        />
      </Panel>
      {canManage ? (
        <Panel id="create-item" title={m.create}>
          {usablePowers.length ? <CreateInspectionItemForm powers={usablePowers} /> : <p className="text-sm text-gray-700">{m.noPowers}</p>}
        </Panel>
      ) : null}
    </div>
  );
}
