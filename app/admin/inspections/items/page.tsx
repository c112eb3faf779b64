import type { Metadata } from "next";
import { isPermitted } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/page-guard";
import { inspectionsMessages } from "@/lib/i18n/zh-CN/inspections";
import { listInspectionItems, listInspectionPowers } from "@/lib/inspections/manage-inspection-items";
import { setInspectionItemActiveAction } from "../actions";
import { ButtonForm } from "../fields";
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
      <h1 className="text-xl font-bold">{inspectionsMessages.title}</h1>
      <InspectionsNav current="items" />
      <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="items-title">
        <h2 id="items-title" className="text-lg font-semibold">{m.title}</h2>
        <p className="mt-2 text-sm text-gray-800">{m.intro}</p>
        {items.length ? (
          <div className="mt-4 overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="inspection-item-table">
              <thead>
                <tr className="border-b border-gray-300">
                  <th scope="col" className="py-2 pr-3">{c.name}</th>
                  <th scope="col" className="py-2 pr-3">{c.power}</th>
                  <th scope="col" className="py-2 pr-3">{c.targetScope}</th>
                  <th scope="col" className="py-2 pr-3">{c.method}</th>
                  <th scope="col" className="py-2 pr-3">{c.status}</th>
                  {canManage ? <th scope="col" className="py-2">{c.actions}</th> : null}
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={item.id} className="border-b border-gray-200 align-top">
                    <td className="py-2 pr-3">{item.name}</td>
                    <td className="py-2 pr-3">{item.power.code} {item.power.name}</td>
                    <td className="py-2 pr-3">{item.targetScope}</td>
                    <td className="py-2 pr-3">{item.method}</td>
                    <td className="py-2 pr-3">{item.active ? m.statuses.active : m.statuses.inactive}</td>
                    {canManage ? (
                      <td className="py-2">
                        <div className="flex flex-col gap-2">
                          <ButtonForm action={setInspectionItemActiveAction.bind(null, item.id, !item.active)} label={item.active ? m.deactivate : m.activate}
                            ariaLabel={`${item.active ? m.deactivate : m.activate}：${item.name}`} />
                          <details>
                            <summary className="cursor-pointer text-blue-800">{inspectionsMessages.targets.edit}</summary>
                            <div className="mt-2 w-[36rem] max-w-full">
                              <EditInspectionItemForm itemId={item.id} values={{ powerId: item.power.id, name: item.name, targetScope: item.targetScope, method: item.method }} powers={usablePowers} />
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
      </section>
      {canManage ? (
        <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="create-item">
          <h2 id="create-item" className="mb-4 text-lg font-semibold">{m.create}</h2>
          {usablePowers.length ? <CreateInspectionItemForm powers={usablePowers} /> : <p className="text-sm text-gray-700">{m.noPowers}</p>}
        </section>
      ) : null}
    </div>
  );
}
