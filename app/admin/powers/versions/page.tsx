import type { Metadata } from "next";
import Link from "next/link";
import { DataTable, type Column } from "@/components/console/data-table";
import { PageHeader } from "@/components/console/page-header";
import { Panel } from "@/components/console/panel";
import { queryOf, readSort } from "@/components/console/table-links";
import { requirePageUser } from "@/lib/auth/page-guard";
import { isPermitted } from "@/lib/auth/permissions";
import { todayInBeijing } from "@/lib/dates";
import { formatDateTime } from "@/lib/format";
import { messages } from "@/lib/i18n";
import { listPowerListVersions } from "@/lib/powers/console-powers";
import { publishPowerListVersionAction } from "../actions";
import { PublishVersionForm } from "./publish-version-form";

export const dynamic = "force-dynamic";

const v = messages.registers.powers.versions;

export const metadata: Metadata = { title: v.title };

type VersionRow = Awaited<ReturnType<typeof listPowerListVersions>>[number];

const columns: Column<VersionRow>[] = [
  {
    key: "year",
    header: v.columns.year,
    cell: (version) => <Link href={`/powers?year=${version.year}`}>{version.year}</Link>,
    sortValue: (version) => version.year,
  },
  { key: "entryCount", header: v.columns.entries, cell: (version) => version.entryCount, sortValue: (version) => version.entryCount },
  { key: "retainedLicenses", header: v.columns.retainedLicenses, cell: (version) => version.retainedLicenses },
  { key: "publishedAt", header: v.columns.publishedAt, cell: (version) => formatDateTime(new Date(version.publishedAt)) },
  { key: "publishedBy", header: v.columns.publishedBy, cell: (version) => version.publishedBy },
  { key: "note", header: v.columns.note, cell: (version) => version.note ?? "" },
];

export default async function PowerListVersionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageUser("registers.read_console");
  const query = queryOf(await searchParams);
  const versions = await listPowerListVersions(actor);
  return (
    <div className="space-y-6">
      <PageHeader breadcrumbs={[{ href: "/admin/powers", label: messages.registers.powers.console.title }]} title={v.title} description={v.intro} />
      <DataTable
        caption={v.title}
        columns={columns}
        rows={versions}
        rowKey={(version) => version.year}
        empty={v.empty}
        sort={{ basePath: "/admin/powers/versions", query, current: readSort(query, ["year", "entryCount"]) }}
      />
      <Panel id="publish-version" title={v.publishTitle}>
        {isPermitted(actor.role, "power.publish_version") ? (
          <PublishVersionForm action={publishPowerListVersionAction} defaultYear={Number(todayInBeijing().slice(0, 4))} />
        ) : (
          <p className="text-sm text-gray-700">{v.onlyLeaders}</p>
        )}
      </Panel>
    </div>
  );
}
