import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/console/data-table";
import { PageHeader } from "@/components/console/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { listImportBatches } from "@/lib/decisions/console-decisions";
import { formatDateTime } from "@/lib/format";
import { messages } from "@/lib/i18n";

export const dynamic = "force-dynamic";

const m = messages.registers;
const c = m.decisions.console;
const columns = c.batchColumns;

export const metadata: Metadata = { title: c.batches };

export default async function ImportBatchesPage() {
  const actor = await requirePageUser("registers.read_console");
  const batches = await listImportBatches(actor);
  return (
    <div className="space-y-4">
      <PageHeader breadcrumbs={[{ href: "/admin/decisions", label: c.title }]} title={c.batches} />
      <DataTable
        caption={c.batches}
        rows={batches}
        rowKey={(batch) => batch.id}
        empty={c.empty}
        columns={[
          { key: "batch", header: columns.batch, cell: (batch) => <Link href={`/admin/decisions/batches/${batch.id}`}>{c.batch(batch.id)}</Link> },
          { key: "kind", header: columns.kind, cell: (batch) => m.decisionKinds[batch.kind] },
          { key: "file", header: columns.file, cell: (batch) => c.batchSummary(batch.fileName, batch.rowCount) },
          { key: "importedAt", header: columns.importedAt, cell: (batch) => formatDateTime(new Date(batch.importedAt)) },
          { key: "importedBy", header: columns.importedBy, cell: (batch) => batch.importedBy },
          {
            key: "states",
            header: columns.states,
            cell: (batch) =>
              Object.entries(batch.states)
                .map(([state, count]) => `${messages.itemStates[state as keyof typeof messages.itemStates]} ${count}`)
                .join("，"),
          },
        ]}
      />
    </div>
  );
}
