import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StateBadge } from "@/components/console/state-badge";
import { requirePageUser } from "@/lib/auth/page-guard";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { findConsoleService } from "@/lib/services/console-services";
import { ServiceGuideArticle } from "@/app/(public)/services/service-guide-article";
import { RegisterHistory } from "../../powers/register-history";
import { RegisterTransitionPanel } from "../../powers/register-transition-panel";
import { transitionServiceAction } from "../actions";

export const dynamic = "force-dynamic";

const m = messages.registers;
const c = m.services.console;

export const metadata: Metadata = { title: c.title };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string; saved?: string }> };

export default async function ConsoleServicePage({ params, searchParams }: Props) {
  const actor = await requirePageUser("registers.read_console");
  const notice = await searchParams;
  const service = await findConsoleService(actor, Number((await params).id)).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <div className="space-y-6">
      <p><Link href="/admin/services">← {c.title}</Link></p>
      {notice.done ? <p role="status" className="rounded border border-green-700 bg-green-50 px-3 py-2 text-sm" data-testid="form-success">{m.review.done}</p> : null}
      {notice.saved ? <p role="status" className="rounded border border-green-700 bg-green-50 px-3 py-2 text-sm" data-testid="form-success">{m.review.saved}</p> : null}
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-bold">{service.name}</h1>
          <p className="mt-1 flex items-center gap-2 text-sm text-gray-700"><StateBadge state={service.state} /> {m.review.ownerSection}：{service.ownerSectionName} · {m.review.author}：{service.authorName}</p>
          {service.withdrawnAt ? <p className="mt-1 text-sm text-red-800">{m.review.withdrawn(service.withdrawalReason ?? "")}（{service.withdrawnAt}）</p> : null}
        </div>
        <div className="flex gap-2 text-sm">
          {service.published ? <Link href={`/services/${service.id}`} className="rounded border border-gray-500 px-3 py-1">{c.viewPublic}</Link> : null}
          {service.canEdit ? <Link href={`/admin/services/${service.id}/edit`} className="rounded bg-blue-800 px-3 py-1 text-white hover:no-underline">{c.edit}</Link> : null}
        </div>
      </header>
      {service.hasUnpublishedChanges ? <p className="rounded border border-amber-700 bg-amber-50 px-3 py-2 text-sm" data-testid="unpublished-changes">{m.review.draftChangesPending}</p> : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="working">
            <h2 id="working" className="text-lg font-semibold">{m.powers.console.working}</h2>
            <ServiceGuideArticle guide={service.working} formHref={(formId) => `/services/${service.id}/forms/${formId}`} />
          </section>
          <RegisterHistory history={service.history} />
        </div>
        <section className="h-fit rounded border border-gray-300 bg-white p-6" aria-labelledby="actions">
          <h2 id="actions" className="mb-3 text-lg font-semibold">{m.review.actions}</h2>
          <RegisterTransitionPanel actions={service.actions} version={service.version} run={transitionServiceAction.bind(null, service.id)} />
        </section>
      </div>
    </div>
  );
}
