import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Notice } from "@/components/console/notice";
import { PageHeader } from "@/components/console/page-header";
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
      <PageHeader
        breadcrumbs={[
          { href: "/admin/decisions", label: d.console.title },
          { href: `/admin/decisions/${decision.id}`, label: decision.documentNumber },
        ]}
        title={`${d.console.edit}：${d.kindTitles[decision.kind]} ${decision.documentNumber}`}
      />
      {decision.canEdit ? (
        <DecisionForm
          action={updateDecisionAction.bind(null, decision.id)}
          kind={decision.kind}
          values={decision.values}
          version={decision.version}
          submitLabel={d.console.save}
        />
      ) : (
        <Notice tone="warning">{d.console.notEditable}</Notice>
      )}
    </div>
  );
}
