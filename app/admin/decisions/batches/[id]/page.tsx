import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DoneNotice } from "@/components/console/notice";
import { PageHeader } from "@/components/console/page-header";
import { Panel } from "@/components/console/panel";
import { ReviewActions } from "@/components/console/review-actions";
import { readPositiveInteger } from "@/lib/api/route-params";
import { requirePageUser } from "@/lib/auth/page-guard";
import { findImportBatch } from "@/lib/decisions/console-decisions";
import { NotFoundError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { messages } from "@/lib/i18n";
import { registerReviewSteps } from "../../../powers/register-console";
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
      <DoneNotice message={done ? c.batchDone(done) : null} />
      <PageHeader
        breadcrumbs={[
          { href: "/admin/decisions", label: c.title },
          { href: "/admin/decisions/batches", label: c.batches },
        ]}
        title={`${c.batch(batch.id)}：${m.decisionKinds[batch.kind]}`}
        meta={
          <>
            {c.batchSummary(batch.fileName, batch.rowCount)} · {batch.importedBy} · {formatDateTime(new Date(batch.importedAt))}
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Panel id="batch-states" title={c.batchStates} className="lg:col-span-2">
          <ul className="space-y-1 text-sm" data-testid="batch-states">
            {Object.entries(batch.states).map(([state, count]) => (
              <li key={state}>
                <Link href={`/admin/decisions?batch=${batch.id}&state=${state}`}>{messages.itemStates[state as keyof typeof messages.itemStates]}</Link>：
                {count}
              </li>
            ))}
          </ul>
        </Panel>
        <Panel id="batch-actions" title={c.batchActions} className="h-fit">
          <ReviewActions steps={registerReviewSteps(batch.actions)} run={transitionBatchAction.bind(null, batch.id)} empty={m.review.noActions} />
        </Panel>
      </div>
    </div>
  );
}
