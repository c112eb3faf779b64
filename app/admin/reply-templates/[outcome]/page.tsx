import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
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
      <p><Link href="/admin/reply-templates">← {m.back}</Link></p>
      <h1 className="text-xl font-bold">{m.title}：{messages.applications.outcomeShortNames[template.outcome]}</h1>
      {(await searchParams).reset ? <p role="status" className="rounded border border-green-700 bg-green-50 px-3 py-2 text-sm" data-testid="form-success">{m.resetDone}</p> : null}
      <section className="rounded border border-gray-300 bg-white p-4 text-sm" aria-labelledby="placeholders">
        <h2 id="placeholders" className="font-semibold">{m.intro}</h2>
        <dl className="mt-2 grid grid-cols-[10rem_1fr] gap-1">
          {Object.entries(m.placeholders).map(([placeholder, meaning]) => (
            <div key={placeholder} className="contents"><dt className="font-mono">{placeholder}</dt><dd>{meaning}</dd></div>
          ))}
        </dl>
      </section>
      <section className="rounded border border-gray-300 bg-white p-6">
        <ReplyTemplateForm action={saveReplyTemplateAction.bind(null, template.outcome)} template={template} />
        {template.edited ? <ResetTemplateForm action={resetReplyTemplateAction.bind(null, template.outcome)} /> : null}
      </section>
    </div>
  );
}
