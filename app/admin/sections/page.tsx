import type { Metadata } from "next";
import { PageHeader } from "@/components/console/page-header";
import { Panel } from "@/components/console/panel";
import { requirePageUser } from "@/lib/auth/page-guard";
import { messages } from "@/lib/i18n";
import { listSections } from "@/lib/sections/manage-sections";
import { CreateSectionForm, RenameSectionForm } from "./section-forms";

export const metadata: Metadata = { title: messages.sections.title };

export default async function SectionsPage() {
  const actor = await requirePageUser("section.manage");
  const sections = await listSections(actor);
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
          </li>
        ))}
      </ul>
      <Panel id="create-section" title={m.create}>
        <CreateSectionForm />
      </Panel>
    </div>
  );
}
