import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/page-guard";
import { listImportBatches } from "@/lib/decisions/console-decisions";
import { formatDateTime } from "@/lib/format";
import { messages } from "@/lib/i18n";

export const dynamic = "force-dynamic";

const m = messages.registers;
const c = m.decisions.console;

export const metadata: Metadata = { title: c.batches };

export default async function ImportBatchesPage() {
  const actor = await requirePageUser("registers.read_console");
  const batches = await listImportBatches(actor);
  return (
    <div className="space-y-4">
      <p><Link href="/admin/decisions">← {c.title}</Link></p>
      <h1 className="text-xl font-bold">{c.batches}</h1>
      <div className="overflow-x-auto rounded border border-gray-300 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-gray-100"><tr>{Object.values(c.batchColumns).map((label) => <th key={label} scope="col" className="px-3 py-2">{label}</th>)}</tr></thead>
          <tbody>
            {batches.map((batch) => (
              <tr key={batch.id} className="border-t border-gray-200">
                <td className="px-3 py-2"><Link href={`/admin/decisions/batches/${batch.id}`}>{c.batch(batch.id)}</Link></td>
                <td className="px-3 py-2">{m.decisionKinds[batch.kind]}</td>
                <td className="px-3 py-2">{c.batchSummary(batch.fileName, batch.rowCount)}</td>
                <td className="px-3 py-2">{formatDateTime(new Date(batch.importedAt))}</td>
                <td className="px-3 py-2">{batch.importedBy}</td>
                <td className="px-3 py-2">{Object.entries(batch.states).map(([state, count]) => `${messages.itemStates[state as keyof typeof messages.itemStates]} ${count}`).join("，")}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {batches.length === 0 ? <p className="p-4 text-gray-700">{c.empty}</p> : null}
      </div>
    </div>
  );
}
