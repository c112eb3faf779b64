import type { Metadata } from "next";
import { PageHeader } from "@/components/console/page-header";
import { Panel } from "@/components/console/panel";
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
      <PageHeader breadcrumbs={[{ href: "/admin/proposals", label: m.title }]} title={m.settingsPage.title} />
      <Panel className="max-w-xl">
        <SettingsForm action={updateSettingsAction} months={settings.replyPeriodMonths} />
      </Panel>
    </div>
  );
}
