import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/console/data-table";
import { FilterBar, FilterInput, FilterSelect } from "@/components/console/filter-bar";
import { PageHeader } from "@/components/console/page-header";
import { Panel } from "@/components/console/panel";
import { ButtonForm } from "@/components/forms/button-form";
import { readPositiveInteger } from "@/lib/api/route-params";
import { requirePageUser } from "@/lib/auth/page-guard";
import { isPermitted } from "@/lib/auth/permissions";
import { inspectionsMessages } from "@/lib/i18n/zh-CN/inspections";
import { listTargets, listVersionHistory, targetColumns } from "@/lib/inspections/manage-lists";
import { importTargetsAction, setTargetActiveAction } from "../actions";
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
      <PageHeader title={inspectionsMessages.title} />
      <InspectionsNav current="targets" />
      <Panel id="targets-title" title={m.title} description={m.intro}>
        <div className="space-y-4">
          <p className="text-sm" data-testid="target-list-version">
            {result.version ? m.currentVersion(result.version.version, result.version.hash) : m.noVersion}
          </p>
          <FilterBar label={m.filter} submitLabel={m.filter} summary={m.total(result.total)} summaryTestId="result-count">
            <FilterInput name="q" label={m.search} defaultValue={query.q ?? ""} />
            <FilterSelect
              name="category"
              label={m.category}
              defaultValue={query.category ?? ""}
              allLabel={m.allCategories}
              options={result.categories.map((entry) => ({ value: entry.category, label: `${entry.category}（${entry.active}）` }))}
            />
            <FilterSelect
              name="status"
              label={m.status}
              defaultValue={status}
              options={(["active", "inactive", "all"] as const).map((value) => ({ value, label: m.statuses[value] }))}
            />
          </FilterBar>
          <DataTable
            caption={m.title}
            rows={result.items}
            rowKey={(target) => target.id}
            empty={m.empty}
            testId="target-table"
            framed={false}
            paging={{
              page,
              pageSize: result.pageSize,
              total: result.total,
              basePath: "/admin/inspections/targets",
              query: { q: query.q, category: query.category, status: query.status },
            }}
            columns={[
              { key: "id", header: c.id, cell: (target) => target.id },
              {
                key: "name",
                header: c.name,
                cell: (target) => (canManage ? <Link href={`/admin/inspections/targets/${target.id}`}>{target.name}</Link> : target.name),
              },
              { key: "creditCode", header: c.creditCode, cell: (target) => target.creditCode ?? "—", className: "font-mono text-xs" },
              { key: "address", header: c.address, cell: (target) => target.address },
              { key: "category", header: c.category, cell: (target) => target.category },
              { key: "status", header: c.status, cell: (target) => (target.active ? m.statuses.active : m.statuses.inactive) },
              { key: "conflicts", header: c.conflicts, cell: (target) => target.conflictCount || "—" },
            ]}
            rowActions={
              canManage
                ? {
                    header: c.actions,
                    cell: (target) => (
                      <ButtonForm
                        action={setTargetActiveAction.bind(null, target.id, !target.active)}
                        label={target.active ? m.deactivate : m.activate}
                        ariaLabel={target.active ? m.deactivateLabel(target.name) : m.activateLabel(target.name)}
                      />
                    ),
                  }
                : undefined
            }
          />
        </div>
      </Panel>
      {canManage ? (
        <>
          <Panel id="create-target" title={m.create}>
            <CreateTargetForm categories={result.categories.map((entry) => entry.category)} />
          </Panel>
          <Panel id="import-targets" title={inspectionsMessages.importForm.title}>
            <ImportForm
              action={importTargetsAction}
              columns={targetColumns}
              templateHref="/api/v1/admin/inspections/targets/template"
              label={`${m.title}：${inspectionsMessages.importForm.title}`}
            />
          </Panel>
        </>
      ) : null}
      <Panel id="target-versions" title={inspectionsMessages.versions.title}>
        <VersionHistory versions={versions} />
      </Panel>
    </div>
  );
}
