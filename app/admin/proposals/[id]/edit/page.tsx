import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { Notice } from "@/components/console/notice";
import { PageHeader } from "@/components/console/page-header";
import { Panel } from "@/components/console/panel";
import { requirePageUser } from "@/lib/auth/page-guard";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { findConsoleProposal } from "@/lib/proposals/console-proposals";
import { listSections } from "@/lib/sections/manage-sections";
import { updateProposalAction } from "../../actions";
import { ProposalForm } from "../../proposal-form";

export const metadata: Metadata = { title: messages.proposals.console.edit };

export default async function EditProposalPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageUser("proposal.manage");
  const id = Number((await params).id);
  const proposal = await findConsoleProposal(actor, id).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  if (!proposal.can.edit) forbidden();
  const m = messages.proposals.console;
  return (
    <div className="space-y-4">
      <PageHeader
        breadcrumbs={[
          { href: "/admin/proposals", label: m.title },
          { href: `/admin/proposals/${proposal.id}`, label: proposal.title },
        ]}
        title={m.edit}
      />
      {proposal.publicFieldsLocked ? (
        <Notice tone="warning" testId="public-fields-locked">
          {messages.proposals.access.publicFieldsNotice}
        </Notice>
      ) : null}
      <Panel>
        <ProposalForm
          action={updateProposalAction.bind(null, proposal.id)}
          sections={await listSections(actor)}
          submitLabel={m.save}
          withAssignment={false}
          values={{
            year: proposal.year,
            session: proposal.session,
            number: proposal.number,
            kind: proposal.kind,
            title: proposal.title,
            proposers: proposal.proposers,
            receivedOn: proposal.receivedOn,
            version: proposal.version,
          }}
        />
      </Panel>
    </div>
  );
}
