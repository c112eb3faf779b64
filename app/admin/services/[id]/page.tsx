import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ServiceGuideArticle } from "@/app/(public)/services/service-guide-article";
import { ButtonLink } from "@/components/console/button-link";
import { HistoryList } from "@/components/console/history-list";
import { DoneNotice, Notice } from "@/components/console/notice";
import { PageHeader } from "@/components/console/page-header";
import { Panel } from "@/components/console/panel";
import { ReviewActions } from "@/components/console/review-actions";
import { afterStepNotice, waitingNotice } from "@/components/console/review-notices";
import { StateBadge } from "@/components/console/state-badge";
import { requirePageUser } from "@/lib/auth/page-guard";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { findConsoleService } from "@/lib/services/console-services";
import { registerHistory, registerReviewSteps } from "../../powers/register-console";
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
      <DoneNotice message={notice.done ? afterStepNotice(service.state) : notice.saved ? m.review.saved : null} />
      <PageHeader
        breadcrumbs={[{ href: "/admin/services", label: c.title }]}
        title={service.name}
        meta={
          <>
            <StateBadge workflow="item" state={service.state} /> {m.review.ownerSection}：{service.ownerSectionName} · {m.review.author}：{service.authorName}
            {service.withdrawnAt ? (
              <span className="basis-full text-red-800">
                {m.review.withdrawn(service.withdrawalReason ?? "")}（{service.withdrawnAt}）
              </span>
            ) : null}
          </>
        }
        actions={
          <>
            {service.published ? <ButtonLink href={`/services/${service.id}`}>{c.viewPublic}</ButtonLink> : null}
            {service.canEdit ? (
              <ButtonLink href={`/admin/services/${service.id}/edit`} variant="primary">
                {c.edit}
              </ButtonLink>
            ) : null}
          </>
        }
      />
      {service.hasUnpublishedChanges ? (
        <Notice tone="warning" testId="unpublished-changes">
          {m.review.draftChangesPending}
        </Notice>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Panel id="working" title={m.powers.console.working}>
            <ServiceGuideArticle guide={service.working} formHref={(formId) => `/services/${service.id}/forms/${formId}`} />
          </Panel>
          <Panel id="history" title={m.review.history}>
            <HistoryList events={service.history} {...registerHistory} />
          </Panel>
        </div>
        <Panel id="actions" title={m.review.actions} className="h-fit">
          <ReviewActions
            steps={registerReviewSteps(service.actions)}
            version={service.version}
            run={transitionServiceAction.bind(null, service.id)}
            empty={waitingNotice(service.state, m.review.noActions)}
          />
        </Panel>
      </div>
    </div>
  );
}
