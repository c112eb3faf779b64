import type { Metadata } from "next";
import { PageHeader } from "@/components/console/page-header";
import { Panel } from "@/components/console/panel";
import { requirePageUser } from "@/lib/auth/page-guard";
import { todayInBeijing } from "@/lib/dates";
import { messages } from "@/lib/i18n";
import { mayActOnProposal } from "@/lib/proposals/proposal-access";
import { listSections } from "@/lib/sections/manage-sections";
import { createProposalAction } from "../actions";
import { ProposalForm } from "../proposal-form";

export const metadata: Metadata = { title: messages.proposals.console.create };

export default async function NewProposalPage() {
  const actor = await requirePageUser("proposal.manage");
  const sections = await listSections(actor);
  const m = messages.proposals.console;
  const today = todayInBeijing();
  // Choosing the lead section is 交办: only for those who may assign (lib/proposals/proposal-access.ts).
  const mayAssign = mayActOnProposal(actor, "assign", { leadSectionId: null });
  return (
    <div className="space-y-4">
      <PageHeader breadcrumbs={[{ href: "/admin/proposals", label: m.title }]} title={m.create} />
      {mayAssign ? null : (
        <p className="text-sm text-gray-700" data-testid="register-unassigned">
          {messages.proposals.access.notAssigner}
        </p>
      )}
      <Panel>
        <ProposalForm
          action={createProposalAction}
          sections={sections}
          submitLabel={m.create}
          withAssignment={mayAssign}
          values={{ year: Number(today.slice(0, 4)), session: "", number: "", kind: "suggestion", title: "", proposers: [], receivedOn: today }}
        />
      </Panel>
    </div>
  );
}
