import type { Metadata } from "next";
import Link from "next/link";
import { ApplicationsConsoleLinks } from "@/app/admin/applications/_components/console-tabs";
import { DataTable } from "@/components/console/data-table";
import { PageHeader } from "@/components/console/page-header";
import { applicationOutcomes } from "@/lib/applications/outcomes";
import { requirePageUser } from "@/lib/auth/page-guard";
import { formatDateTime } from "@/lib/format";
import { messages } from "@/lib/i18n";
import { findReplyTemplateScope, listReplyTemplates, type ReplyTemplateView } from "@/lib/reply-letters/manage-templates";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: messages.applications.templatesAdmin.title };

export default async function ReplyTemplatesPage() {
  const actor = await requirePageUser("reply_template.manage");
  const [templates, scope] = await Promise.all([listReplyTemplates(actor), findReplyTemplateScope(actor)]);
  const m = messages.applications.templatesAdmin;
  const versionOf = (template: ReplyTemplateView) => {
    if (template.source === "builtIn" || !template.updatedAt) return m.default;
    return template.source === "platform" ? m.fromPlatform : formatDateTime(template.updatedAt);
  };
  return (
    <div className="space-y-4">
      <PageHeader title={m.title} />
      <ApplicationsConsoleLinks actor={actor} current="templates" />
      <p className="text-sm text-gray-800" data-testid="template-scope">
        {scope.keepsPlatformTemplates ? m.platformScope : m.agencyScope(scope.platformAgencyName)}
      </p>
      <DataTable
        caption={m.title}
        rows={templates}
        rowKey={(template) => template.outcome}
        empty={null}
        columns={[
          {
            key: "outcome",
            header: m.outcome,
            cell: (template) => {
              const outcome = applicationOutcomes.find((entry) => entry.slug === template.outcome)!;
              return `${outcome.groupName}${outcome.numberInGroup ? ` ${outcome.numberInGroup}. ${outcome.rowName}` : ""}`;
            },
          },
          { key: "legalBasis", header: m.legalBasis, cell: (template) => template.legalBasis, className: "text-gray-800" },
          {
            key: "edited",
            header: m.edited,
            cell: versionOf,
            className: "whitespace-nowrap",
          },
        ]}
        rowActions={{
          header: m.edit,
          hideHeader: true,
          cell: (template) => (
            <Link href={`/admin/reply-templates/${template.outcome}`} aria-label={`${m.edit} ${messages.applications.outcomeShortNames[template.outcome]}`}>
              {m.edit}
            </Link>
          ),
        }}
      />
    </div>
  );
}
