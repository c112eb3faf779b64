import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth/page-guard";
import { findConsoleDecision } from "@/lib/decisions/console-decisions";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { updateDecisionAction } from "../../actions";
import { DecisionForm } from "../../decision-form";

export const dynamic = "force-dynamic";

const d = messages.registers.decisions;

export const metadata: Metadata = { title: d.console.edit };

export default async function EditDecisionPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageUser("decision.edit");
  const decision = await findConsoleDecision(actor, Number((await params).id)).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <div className="space-y-4">
      <p><Link href={`/admin/decisions/${decision.id}`}>← {decision.documentNumber}</Link></p>
      <h1 className="text-xl font-bold">{d.console.edit}：{d.kindTitles[decision.kind]} {decision.documentNumber}</h1>
      {decision.canEdit
        ? <DecisionForm action={updateDecisionAction.bind(null, decision.id)} kind={decision.kind} values={decision.values} version={decision.version} submitLabel={d.console.save} />
        : <p className="rounded border border-amber-700 bg-amber-50 px-3 py-2 text-sm">{d.console.notEditable}</p>}
    </div>
  );
}
