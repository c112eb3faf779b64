import type { Metadata } from "next";
import { PageHeader } from "@/components/console/page-header";
import { TabLinks } from "@/components/console/tab-links";
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
      <PageHeader breadcrumbs={[{ href: "/admin/decisions", label: d.console.title }]} title={`${d.console.create}：${d.kindTitles[kind]}`} />
      <TabLinks
        label={d.kind}
        current={kind}
        tabs={decisionKinds.map((value) => ({ key: value, label: d.kindTitles[value], href: `/admin/decisions/new?kind=${value}` }))}
      />
      <DecisionForm
        key={kind}
        action={createDecisionAction.bind(null, kind)}
        kind={kind}
        values={await decisionFormDefaults(actor)}
        submitLabel={d.console.create}
      />
    </div>
  );
}
