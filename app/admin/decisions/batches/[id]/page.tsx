import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { readPositiveInteger } from "@/lib/api/route-params";
import { requirePageUser } from "@/lib/auth/page-guard";
import { findImportBatch } from "@/lib/decisions/console-decisions";
import { NotFoundError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { messages } from "@/lib/i18n";
import { RegisterTransitionPanel } from "../../../powers/register-transition-panel";
import { transitionBatchAction } from "../../actions";

export const dynamic = "force-dynamic";

const m = messages.registers;
const c = m.decisions.console;

export const metadata: Metadata = { title: c.batches };

export default async function ImportBatchPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> }) {
  const actor = await requirePageUser("registers.read_console");
  const done = readPositiveInteger((await searchParams).done ?? null);
  const batch = await findImportBatch(actor, Number((await params).id)).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <div className="space-y-4">
      <p><Link href="/admin/decisions/batches">← {c.batches}</Link></p>
      {done ? <p role="status" className="rounded border border-green-700 bg-green-50 px-3 py-2 text-sm" data-testid="form-success">{c.batchDone(done)}</p> : null}
      <h1 className="text-xl font-bold">{c.batch(batch.id)}：{m.decisionKinds[batch.kind]}</h1>
      <p className="text-sm">{c.batchSummary(batch.fileName, batch.rowCount)} · {batch.importedBy} · {formatDateTime(new Date(batch.importedAt))}</p>
      <div className="grid gap-6 lg:grid-cols-3">
        <section className="rounded border border-gray-300 bg-white p-6 lg:col-span-2" aria-labelledby="batch-states">
          <h2 id="batch-states" className="mb-2 text-lg font-semibold">{c.batchStates}</h2>
          <ul className="space-y-1 text-sm" data-testid="batch-states">
            {Object.entries(batch.states).map(([state, count]) => (
              <li key={state}><Link href={`/admin/decisions?batch=${batch.id}&state=${state}`}>{messages.itemStates[state as keyof typeof messages.itemStates]}</Link>：{count}</li>
            ))}
          </ul>
        </section>
        <section className="h-fit rounded border border-gray-300 bg-white p-6" aria-labelledby="batch-actions">
          <h2 id="batch-actions" className="mb-3 text-lg font-semibold">{c.batchActions}</h2>
          <RegisterTransitionPanel actions={batch.actions} run={transitionBatchAction.bind(null, batch.id)} />
        </section>
      </div>
    </div>
  );
}
