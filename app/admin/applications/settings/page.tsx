import type { Metadata } from "next";
import { findHandlingSection } from "@/lib/applications/handling-section";
import { requirePageUser } from "@/lib/auth/page-guard";
import { messages } from "@/lib/i18n";
import { listSections } from "@/lib/sections/manage-sections";
import { updateSettingsAction } from "../actions";
import { ApplicationsConsoleLinks } from "../_components/console-tabs";
import { SettingsForm } from "./settings-form";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: messages.applications.console.settingsForm.title };

export default async function ApplicationSettingsPage() {
  const actor = await requirePageUser("application.configure");
  const [section, sections] = await Promise.all([findHandlingSection(), listSections(actor)]);
  const m = messages.applications.console.settingsForm;
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-xl font-bold">{m.title}</h1>
      <ApplicationsConsoleLinks actor={actor} current="settings" />
      <p className="text-sm text-gray-800">{m.intro}</p>
      {!section?.configured ? <p role="note" className="rounded border border-amber-700 bg-amber-50 px-3 py-2 text-sm">{messages.applications.console.noHandlingSection}</p> : null}
      <section className="rounded border border-gray-300 bg-white p-6">
        <SettingsForm action={updateSettingsAction} sections={sections.map((entry) => ({ value: entry.id, label: entry.name }))} current={section?.id} />
      </section>
    </div>
  );
}
