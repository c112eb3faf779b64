import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ButtonLink } from "@/components/console/button-link";
import { KeyValueTable, type Detail } from "@/components/console/details";
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
import { findConsolePower } from "@/lib/powers/console-powers";
import { transitionPowerAction } from "../actions";
import { registerHistory, registerReviewSteps } from "../register-console";

export const dynamic = "force-dynamic";

const m = messages.registers;
const f = m.powers.fields;

export const metadata: Metadata = { title: m.powers.console.title };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string; saved?: string }> };

export default async function ConsolePowerPage({ params, searchParams }: Props) {
  const actor = await requirePageUser("registers.read_console");
  const notice = await searchParams;
  const power = await findConsolePower(actor, Number((await params).id)).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const entry = power.working;
  const labels: Record<string, string> = { ...f, sectionName: f.section };
  const rows: Detail[] = [
    [f.code, entry.code],
    [f.type, m.powerTypes[entry.type]],
    [f.section, entry.sectionName],
    [f.status, `${m.powerStatuses[entry.status]}（${entry.effectiveOn}）`],
    [f.statusNote, entry.statusNote ?? "—"],
    [
      f.legalBasis,
      <ul key="basis" className="list-disc pl-5">
        {entry.legalBasis.map((basis) => (
          <li key={basis}>{basis}</li>
        ))}
      </ul>,
    ],
    [f.responsibilities, entry.responsibilities],
    [f.accountability, entry.accountability],
    [m.review.ownerSection, power.ownerSectionName],
    [m.review.author, power.authorName],
    [m.review.publishedAt, power.publishedAt ?? "—"],
  ];
  return (
    <div className="space-y-6">
      <DoneNotice message={notice.done ? afterStepNotice(power.state) : notice.saved ? m.review.saved : null} />
      <PageHeader
        breadcrumbs={[{ href: "/admin/powers", label: m.powers.console.title }]}
        title={entry.name}
        meta={
          <>
            <StateBadge workflow="item" state={power.state} />
            {power.withdrawnAt ? (
              <span className="basis-full text-red-800">
                {m.review.withdrawn(power.withdrawalReason ?? "")}（{power.withdrawnAt}）
              </span>
            ) : null}
          </>
        }
        actions={
          <>
            {power.published ? <ButtonLink href={`/powers/${power.id}`}>{m.powers.console.viewPublic}</ButtonLink> : null}
            {power.canEdit ? (
              <ButtonLink href={`/admin/powers/${power.id}/edit`} variant="primary">
                {m.powers.console.edit}
              </ButtonLink>
            ) : null}
          </>
        }
      />
      {power.unpublishedChanges.length ? (
        <Notice tone="warning" testId="unpublished-changes">
          {m.review.draftChangesPending} {m.powers.console.changedSincePublication}：
          {power.unpublishedChanges.map((field) => labels[field] ?? field).join("、")}
        </Notice>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Panel id="working" title={m.powers.console.working}>
            <KeyValueTable rows={rows} />
          </Panel>
          <Panel id="history" title={m.review.history}>
            <HistoryList events={power.history} {...registerHistory} />
          </Panel>
        </div>
        <Panel id="actions" title={m.review.actions} className="h-fit">
          <ReviewActions
            steps={registerReviewSteps(power.actions)}
            version={power.version}
            run={transitionPowerAction.bind(null, power.id)}
            empty={waitingNotice(power.state, m.review.noActions)}
          />
        </Panel>
      </div>
    </div>
  );
}
