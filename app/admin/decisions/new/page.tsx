import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/page-guard";
import { decisionFormDefaults } from "@/lib/decisions/console-decisions";
import { decisionKinds, isDecisionKind } from "@/lib/decisions/decision-fields";
import { messages } from "@/lib/i18n";
import { createDecisionAction } from "../actions";
import { DecisionForm } from "../decision-form";

export const dynamic = "force-dynamic";

const d = messages.registers.decisions;

export const metadata: Metadata = { title: d.console.create };

export default async function NewDecisionPage({ searchParams }: { searchParams: Promise<{ kind?: string }> }) {
  const actor = await requirePageUser("decision.edit");
  const query = await searchParams;
  const kind = isDecisionKind(query.kind) ? query.kind : "license";
  return (
    <div className="space-y-4">
      <p><Link href="/admin/decisions">← {d.console.title}</Link></p>
      <h1 className="text-xl font-bold">{d.console.create}：{d.kindTitles[kind]}</h1>
      <nav aria-label={d.kind} className="flex gap-2 text-sm">
        {decisionKinds.map((value) => (
          <Link key={value} href={`/admin/decisions/new?kind=${value}`} aria-current={value === kind ? "page" : undefined}
            className="rounded border border-gray-400 px-3 py-1 aria-[current=page]:border-blue-800 aria-[current=page]:bg-blue-800 aria-[current=page]:text-white">{d.kindTitles[value]}</Link>
        ))}
      </nav>
      <DecisionForm key={kind} action={createDecisionAction.bind(null, kind)} kind={kind} values={await decisionFormDefaults(actor)} submitLabel={d.console.create} />
    </div>
  );
}
