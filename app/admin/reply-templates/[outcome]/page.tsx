import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DoneNotice } from "@/components/console/notice";
import { PageHeader } from "@/components/console/page-header";
import { Panel } from "@/components/console/panel";
import { requirePageUser } from "@/lib/auth/page-guard";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { findReplyTemplateForEditing } from "@/lib/reply-letters/manage-templates";
import { resetReplyTemplateAction, saveReplyTemplateAction } from "../actions";
import { ReplyTemplateForm, ResetTemplateForm } from "./template-form";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: messages.applications.templatesAdmin.title };

export default async function ReplyTemplatePage({ params, searchParams }: { params: Promise<{ outcome: string }>; searchParams: Promise<{ reset?: string }> }) {
  const actor = await requirePageUser("reply_template.manage");
  const { outcome } = await params;
  const template = await findReplyTemplateForEditing(actor, outcome).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const m = messages.applications.templatesAdmin;
  return (
    <div className="max-w-3xl space-y-4">
      <PageHeader
        breadcrumbs={[{ href: "/admin/reply-templates", label: m.title }]}
        title={`${m.title}：${messages.applications.outcomeShortNames[template.outcome]}`}
      />
      <DoneNotice message={(await searchParams).reset ? m.resetDone : null} />
      {template.source === "platform" ? <p className="text-sm text-gray-800">{m.usingPlatform}</p> : null}
      <Panel id="placeholders" title={m.intro} className="text-sm">
        <dl className="grid grid-cols-[10rem_1fr] gap-1">
          {Object.entries(m.placeholders).map(([placeholder, meaning]) => (
            <div key={placeholder} className="contents">
              <dt className="font-mono">{placeholder}</dt>
              <dd>{meaning}</dd>
            </div>
          ))}
        </dl>
      </Panel>
      <Panel>
        <ReplyTemplateForm action={saveReplyTemplateAction.bind(null, template.outcome)} template={template} />
        {template.edited ? <ResetTemplateForm action={resetReplyTemplateAction.bind(null, template.outcome)} /> : null}
      </Panel>
    </div>
  );
}
