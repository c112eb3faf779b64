import type { Metadata } from "next";
import { Notice } from "@/components/console/notice";
import { PageHeader } from "@/components/console/page-header";
import { Panel } from "@/components/console/panel";
import { findApplicationRules, findHandlingSection } from "@/lib/applications/handling-section";
import { requirePageUser } from "@/lib/auth/page-guard";
import { messages } from "@/lib/i18n";
import { listSections } from "@/lib/sections/manage-sections";
import { ApplicationsConsoleLinks } from "../_components/console-tabs";
import { updateSettingsAction } from "../actions";
import { SettingsForm } from "./settings-form";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: messages.applications.console.settingsForm.title };

export default async function ApplicationSettingsPage() {
  const actor = await requirePageUser("application.configure");
  // The acting user's agency's settings (集约化: each agency its own), among its own sections.
  const [section, sections, rules] = await Promise.all([
    findHandlingSection(undefined, actor.agencyId),
    listSections(actor, { agencyId: actor.agencyId }),
    findApplicationRules(undefined, actor.agencyId),
  ]);
  const m = messages.applications.console.settingsForm;
  return (
    <div className="max-w-2xl space-y-4">
      <PageHeader title={m.title} />
      <ApplicationsConsoleLinks actor={actor} current="settings" />
      <p className="text-sm text-gray-800">{m.intro}</p>
      {!section?.configured ? (
        <Notice tone="warning" role="note">
          {messages.applications.console.noHandlingSection}
        </Notice>
      ) : null}
      <Panel>
        <SettingsForm
          action={updateSettingsAction}
          sections={sections.map((entry) => ({ value: entry.id, label: entry.name }))}
          current={section?.id}
          rules={rules}
        />
      </Panel>
    </div>
  );
}
