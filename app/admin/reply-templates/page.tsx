import type { Metadata } from "next";
import Link from "next/link";
import { ApplicationsConsoleLinks } from "@/app/admin/applications/_components/console-tabs";
import { applicationOutcomes } from "@/lib/applications/outcomes";
import { requirePageUser } from "@/lib/auth/page-guard";
import { formatDateTime } from "@/lib/format";
import { messages } from "@/lib/i18n";
import { listReplyTemplates } from "@/lib/reply-letters/manage-templates";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: messages.applications.templatesAdmin.title };

export default async function ReplyTemplatesPage() {
  const actor = await requirePageUser("reply_template.manage");
  const templates = await listReplyTemplates(actor);
  const m = messages.applications.templatesAdmin;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">{m.title}</h1>
      <ApplicationsConsoleLinks actor={actor} current="templates" />
      <div className="overflow-x-auto rounded border border-gray-300 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-gray-100">
            <tr>
              <th scope="col" className="px-3 py-2">{m.outcome}</th>
              <th scope="col" className="px-3 py-2">{m.legalBasis}</th>
              <th scope="col" className="whitespace-nowrap px-3 py-2">{m.edited}</th>
              <th scope="col" className="px-3 py-2"><span className="sr-only">{m.edit}</span></th>
            </tr>
          </thead>
          <tbody>
            {templates.map((template) => {
              const outcome = applicationOutcomes.find((entry) => entry.slug === template.outcome)!;
              return (
                <tr key={template.outcome} className="border-t border-gray-200">
                  <td className="px-3 py-2">{outcome.groupName}{outcome.numberInGroup ? ` ${outcome.numberInGroup}. ${outcome.rowName}` : ""}</td>
                  <td className="px-3 py-2 text-gray-800">{template.legalBasis}</td>
                  <td className="whitespace-nowrap px-3 py-2">{template.edited && template.updatedAt ? formatDateTime(template.updatedAt) : m.default}</td>
                  <td className="whitespace-nowrap px-3 py-2"><Link href={`/admin/reply-templates/${template.outcome}`} aria-label={`${m.edit} ${messages.applications.outcomeShortNames[template.outcome]}`}>{m.edit}</Link></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
