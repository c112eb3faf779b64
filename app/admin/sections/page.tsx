import type { Metadata } from "next";
import { PageHeader } from "@/components/console/page-header";
import { Panel } from "@/components/console/panel";
import { requirePageUser } from "@/lib/auth/page-guard";
import { messages } from "@/lib/i18n";
import { listSectionWebhooks } from "@/lib/notifications/section-webhooks";
import { listSections } from "@/lib/sections/manage-sections";
import { AddSectionWebhookForm, CreateSectionForm, RemoveSectionWebhookForm, RenameSectionForm } from "./section-forms";

export const metadata: Metadata = { title: messages.sections.title };

export default async function SectionsPage() {
  const actor = await requirePageUser("section.manage");
  const [sections, webhooks] = await Promise.all([listSections(actor), listSectionWebhooks(actor)]);
  const w = messages.notifications.webhooks;
  const m = messages.sections;
  return (
    <div className="space-y-6">
      <PageHeader title={m.title} />
      <ul className="space-y-3">
        {sections.map((section) => (
          <li key={section.id} className="rounded border border-gray-300 bg-white px-4 pt-4">
            <p className="mb-2 text-sm text-gray-700">
              {m.userCount}：{section.userCount}
            </p>
            <RenameSectionForm section={section} />
            <details className="mb-4" data-testid="section-webhooks">
              <summary className="cursor-pointer font-semibold">
                {w.title}（{webhooks.filter((webhook) => webhook.sectionId === section.id).length}）
              </summary>
              <p className="mt-2 text-sm text-gray-700">{w.intro}</p>
              <ul className="my-2 space-y-2">
                {webhooks
                  .filter((webhook) => webhook.sectionId === section.id)
                  .map((webhook) => (
                    <li key={webhook.id} className="flex flex-wrap items-center gap-2 text-sm">
                      <span className="font-semibold">{w.kinds[webhook.kind]}</span>
                      <code className="break-all">{webhook.address}</code>
                      {webhook.secretHint ? <span className="text-gray-700">{webhook.secretHint}</span> : null}
                      <RemoveSectionWebhookForm webhook={webhook} />
                    </li>
                  ))}
              </ul>
              <AddSectionWebhookForm section={section} />
            </details>
          </li>
        ))}
      </ul>
      <Panel id="create-section" title={m.create}>
        <CreateSectionForm />
      </Panel>
    </div>
  );
}
