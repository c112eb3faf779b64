import { DataTable } from "@/components/console/data-table";
import { formatDateTime } from "@/lib/format";
import { messages } from "@/lib/i18n";
import { inspectionsMessages as m } from "@/lib/i18n/zh-CN/inspections";

type Version = { version: number; hash: string; summary: string; actorName: string | null; createdAt: Date };

/** The recent versions of a 名录库: what changed, who, when, and the list hash after it. */
export function VersionHistory({ versions }: { versions: Version[] }) {
  const c = m.versions.columns;
  return (
    <DataTable
      caption={m.versions.title}
      rows={versions}
      rowKey={(version) => version.version}
      empty={m.targets.noVersion}
      testId="version-history"
      framed={false}
      columns={[
        { key: "version", header: c.version, cell: (version) => m.detail.listVersion(version.version), className: "whitespace-nowrap" },
        { key: "changedAt", header: c.changedAt, cell: (version) => formatDateTime(version.createdAt), className: "whitespace-nowrap" },
        { key: "actor", header: c.actor, cell: (version) => version.actorName ?? messages.kit.system, className: "whitespace-nowrap" },
        { key: "summary", header: c.summary, cell: (version) => version.summary },
        { key: "hash", header: c.hash, cell: (version) => version.hash, className: "font-mono text-xs break-all" },
      ]}
    />
  );
}
