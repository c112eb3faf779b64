import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
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
      <p><Link href={`/admin/proposals/${proposal.id}`}>← {proposal.title}</Link></p>
      <h1 className="text-xl font-bold">{m.edit}</h1>
      {proposal.publicFieldsLocked ? <p className="rounded border border-amber-700 bg-amber-50 px-3 py-2 text-sm" data-testid="public-fields-locked">{messages.proposals.access.publicFieldsNotice}</p> : null}
      <section className="rounded border border-gray-300 bg-white p-6">
        <ProposalForm action={updateProposalAction.bind(null, proposal.id)} sections={await listSections(actor)} submitLabel={m.save} withAssignment={false}
          values={{ year: proposal.year, session: proposal.session, number: proposal.number, kind: proposal.kind, title: proposal.title, proposers: proposal.proposers, receivedOn: proposal.receivedOn, version: proposal.version }} />
      </section>
    </div>
  );
}
