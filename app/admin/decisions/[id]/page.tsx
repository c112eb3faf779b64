import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StateBadge } from "@/components/console/state-badge";
import { requirePageUser } from "@/lib/auth/page-guard";
import { findConsoleDecision } from "@/lib/decisions/console-decisions";
import { decisionColumns } from "@/lib/decisions/decision-fields";
import { NotFoundError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { messages } from "@/lib/i18n";
import { RegisterHistory } from "../../powers/register-history";
import { RegisterTransitionPanel } from "../../powers/register-transition-panel";
import { transitionDecisionAction } from "../actions";

export const dynamic = "force-dynamic";

const m = messages.registers;
const d = m.decisions;

export const metadata: Metadata = { title: d.console.title };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string; saved?: string }> };

export default async function ConsoleDecisionPage({ params, searchParams }: Props) {
  const actor = await requirePageUser("registers.read_console");
  const notice = await searchParams;
  const decision = await findConsoleDecision(actor, Number((await params).id)).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const value = (key: string, text: string) => (key === "counterpartyCategory" && text ? m.counterpartyCategories[text as keyof typeof m.counterpartyCategories] : text);
  return (
    <div className="space-y-6">
      <p><Link href="/admin/decisions">← {d.console.title}</Link></p>
      {notice.done ? <p role="status" className="rounded border border-green-700 bg-green-50 px-3 py-2 text-sm" data-testid="form-success">{m.review.done}</p> : null}
      {notice.saved ? <p role="status" className="rounded border border-green-700 bg-green-50 px-3 py-2 text-sm" data-testid="form-success">{m.review.saved}</p> : null}
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-bold">{d.kindTitles[decision.kind]}：{decision.documentNumber}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-gray-700">
            <StateBadge state={decision.state} /> {decision.counterpartyName}
            {decision.batch ? <Link href={`/admin/decisions/batches/${decision.batch.id}`}>{d.console.batch(decision.batch.id)}</Link> : null}
          </p>
          {decision.withdrawnAt ? <p className="mt-1 text-sm text-red-800">{m.review.withdrawn(decision.withdrawalReason ?? "")}</p> : null}
        </div>
        <div className="flex gap-2 text-sm">
          {decision.state === "published" && !decision.expired ? <Link href={`/decisions/${decision.id}`} className="rounded border border-gray-500 px-3 py-1">{d.console.viewPublic}</Link> : null}
          {decision.canEdit ? <Link href={`/admin/decisions/${decision.id}/edit`} className="rounded bg-blue-800 px-3 py-1 text-white hover:no-underline">{d.console.edit}</Link> : null}
        </div>
      </header>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="fields">
            <h2 id="fields" className="sr-only">{d.summary}</h2>
            <table className="w-full border-collapse text-sm" data-testid="decision-fields">
              <tbody>
                {decisionColumns(decision.kind).map((column) => (
                  <tr key={column.key} className="align-top">
                    <th scope="row" className="w-48 border-b border-gray-200 py-2 pr-3 text-left font-medium text-gray-700">{column.key === "penaltyAmount" ? d.fields.penaltyAmountUnit : column.header}</th>
                    <td className="border-b border-gray-200 py-2 whitespace-pre-line">{value(column.key, decision.values[column.key]) || "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <RegisterHistory history={decision.history} />
        </div>
        <div className="space-y-6">
          <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="due">
            <h2 id="due" className="mb-2 text-lg font-semibold">{d.console.due}</h2>
            <p className={decision.overdue ? "font-semibold text-red-700" : ""} data-testid="decision-due">
              {decision.due}
              {decision.overdue ? `（${d.console.overdue}）` : decision.publishedOnTime === true ? `（${d.console.onTime}）` : decision.publishedOnTime === false ? `（${d.console.late}）` : ""}
            </p>
            <details className="mt-2 text-sm"><summary>{d.console.dueExplanation}</summary><p className="mt-1" data-testid="due-explanation">{decision.dueExplanation}</p></details>
            {decision.publishedAt ? <p className="mt-2 text-sm">{m.review.publishedAt}：{formatDateTime(new Date(decision.publishedAt))}</p> : null}
            {decision.publicUntil ? <p className="mt-1 text-sm">{d.publicUntil(decision.publicUntil)}{decision.expired ? `（${d.console.expired}）` : ""}</p> : null}
          </section>
          <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="actions">
            <h2 id="actions" className="mb-3 text-lg font-semibold">{m.review.actions}</h2>
            <RegisterTransitionPanel actions={decision.actions} version={decision.version} run={transitionDecisionAction.bind(null, decision.id)} />
          </section>
        </div>
      </div>
    </div>
  );
}
