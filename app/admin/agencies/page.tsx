import type { Metadata } from "next";
import Link from "next/link";
import type { CSSProperties } from "react";
import { orderAsTree } from "@/components/agencies/agency-tree";
import { DataTable, type Column } from "@/components/console/data-table";
import { KeyValueTable } from "@/components/console/details";
import { PageHeader } from "@/components/console/page-header";
import { Panel } from "@/components/console/panel";
import { listAgencies, type AgencyDetails } from "@/lib/agency/agencies";
import { agencyImportTemplate } from "@/lib/agency/agency-import-rows";
import { requirePageUser } from "@/lib/auth/page-guard";
import { messages } from "@/lib/i18n";
import type { ImportColumn } from "@/lib/imports";
import { CreateAgencyForm } from "./agency-form";
import { ImportAgenciesForm } from "./import-form";

export const metadata: Metadata = { title: messages.agencies.title };

const m = messages.agencies;

type AgencyRow = AgencyDetails & { depth: number; parentName: string | null };

const columns: Column<AgencyRow>[] = [
  { key: "code", header: m.columns.code, cell: (agency) => agency.code, className: "font-mono whitespace-nowrap" },
  {
    key: "name",
    header: m.columns.name,
    rowHeader: true,
    cell: (agency) => (
      // The tree shows as indentation (the parent column says the same in words).
      // On a phone the row is a card that names the parent: no indentation there.
      <span style={{ "--depth": agency.depth } as CSSProperties} className="inline-block font-normal sm:ps-[calc(var(--depth)*1.25rem)]">
        {agency.depth ? (
          <span aria-hidden="true" className="mr-1 text-gray-500 max-sm:hidden">
            └
          </span>
        ) : null}
        {agency.name}
        {agency.isDefault ? <span className="ml-2 rounded border border-gray-400 px-1 text-xs whitespace-nowrap text-gray-700">{m.defaultBadge}</span> : null}
      </span>
    ),
  },
  { key: "kind", header: m.columns.kind, cell: (agency) => m.kinds[agency.kind], className: "whitespace-nowrap" },
  { key: "parent", header: m.columns.parent, cell: (agency) => agency.parentName ?? "—" },
];

/** 机关管理: every agency of the platform as a tree, and 新增机关 (the platform administrator). */
export default async function AgenciesPage() {
  await requirePageUser("agency.manage");
  const agencies = await listAgencies();
  const names = new Map(agencies.map((agency) => [agency.code, agency.name]));
  const rows: AgencyRow[] = orderAsTree(agencies).map((agency) => ({
    ...agency,
    parentName: agency.parentCode ? (names.get(agency.parentCode) ?? agency.parentCode) : null,
  }));
  return (
    <div className="space-y-6">
      <PageHeader title={m.title} description={m.intro} />
      <DataTable
        caption={m.title}
        columns={columns}
        rows={rows}
        rowKey={(agency) => agency.code}
        empty={m.empty}
        testId="agency-table"
        rowActions={{
          header: m.columns.actions,
          cell: (agency) => (
            <span className="flex flex-wrap gap-x-3 whitespace-nowrap">
              <Link href={`/admin/agencies/${agency.code}`} aria-label={m.editLabel(agency.name)}>
                {m.edit}
              </Link>
              <Link href={`/agencies/${agency.code}`} aria-label={m.viewColumnLabel(agency.name)}>
                {m.viewColumn}
              </Link>
            </span>
          ),
        }}
      />
      <Panel id="create-agency" title={m.create}>
        <CreateAgencyForm parents={rows.map(({ code, name }) => ({ code, name }))} />
      </Panel>
      <Panel id="import-agencies" title={m.importPage.title}>
        <div className="text-sm">
          <p className="leading-6">{m.importPage.intro}</p>
          <details className="mt-3">
            <summary className="cursor-pointer font-semibold">{m.importPage.columnsTitle}</summary>
            <div className="mt-2">
              <KeyValueTable
                rows={(Object.values(agencyImportTemplate.columns) as ImportColumn<unknown>[]).map((column) => [
                  column.header,
                  `${column.required ? `${m.importPage.required}。` : ""}${column.note}`,
                ])}
              />
            </div>
          </details>
          <p className="mt-3 mb-4">
            <a href="/admin/agencies/import/template" download>
              {m.importPage.template}
            </a>{" "}
            <a href="/admin/agencies/import/template?format=csv" download>
              {m.importPage.templateCsv}
            </a>
          </p>
        </div>
        <ImportAgenciesForm />
      </Panel>
    </div>
  );
}
