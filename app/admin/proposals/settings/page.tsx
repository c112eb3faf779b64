import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/page-guard";
import { messages } from "@/lib/i18n";
import { getProposalSettings } from "@/lib/proposals/manage-proposals";
import { updateSettingsAction } from "../actions";
import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: messages.proposals.console.settingsPage.title };

export default async function ProposalSettingsPage() {
  const actor = await requirePageUser("proposal.settings");
  const settings = await getProposalSettings(actor);
  const m = messages.proposals.console;
  return (
    <div className="space-y-4">
      <p><Link href="/admin/proposals">← {m.title}</Link></p>
      <h1 className="text-xl font-bold">{m.settingsPage.title}</h1>
      <section className="max-w-xl rounded border border-gray-300 bg-white p-6">
        <SettingsForm action={updateSettingsAction} months={settings.replyPeriodMonths} />
      </section>
    </div>
  );
}
