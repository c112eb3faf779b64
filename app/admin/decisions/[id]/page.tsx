import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ButtonLink } from "@/components/console/button-link";
import { KeyValueTable } from "@/components/console/details";
import { HistoryList } from "@/components/console/history-list";
import { DoneNotice } from "@/components/console/notice";
import { PageHeader } from "@/components/console/page-header";
import { Panel } from "@/components/console/panel";
import { ReviewActions } from "@/components/console/review-actions";
import { afterStepNotice, waitingNotice } from "@/components/console/review-notices";
import { StateBadge } from "@/components/console/state-badge";
import { requirePageUser } from "@/lib/auth/page-guard";
import { findConsoleDecision } from "@/lib/decisions/console-decisions";
import { decisionColumns } from "@/lib/decisions/decision-fields";
import { earliestRemovalDate } from "@/lib/decisions/publicity-rules";
import { NotFoundError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { messages } from "@/lib/i18n";
import { registerHistory, registerReviewSteps } from "../../powers/register-console";
import { decidePublicityRemovalAction, proposePublicityRemovalAction, transitionDecisionAction } from "../actions";
import { DecideRemovalForm, ProposeRemovalForm } from "./removal-forms";

export const dynamic = "force-dynamic";

const m = messages.registers;
const d = m.decisions;

export const metadata: Metadata = { title: d.console.title };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string; saved?: string }> };

export default async function ConsoleDecisionPage({ params, searchParams }: Props) {
  const actor = await requirePageUser("registers.read_console");
  const notice = await searchParams;
  const decision = await findConsoleDecision(actor, Number((await params).id)).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const value = (key: string, text: string) =>
    !text
      ? text
      : key === "counterpartyCategory"
        ? m.counterpartyCategories[text as keyof typeof m.counterpartyCategories]
        : key === "penaltyProcedure"
          ? m.penaltyProcedures[text as keyof typeof m.penaltyProcedures]
          : key === "penaltySeverity"
            ? m.penaltySeverities[text as keyof typeof m.penaltySeverities]
            : text;
  const r = d.removal;
  return (
    <div className="space-y-6">
      <DoneNotice message={notice.done ? afterStepNotice(decision.state) : notice.saved ? m.review.saved : null} />
      <PageHeader
        breadcrumbs={[{ href: "/admin/decisions", label: d.console.title }]}
        title={`${d.kindTitles[decision.kind]}：${decision.documentNumber}`}
        meta={
          <>
            <StateBadge workflow="item" state={decision.state} /> {decision.counterpartyName}
            {decision.batch ? <Link href={`/admin/decisions/batches/${decision.batch.id}`}>{d.console.batch(decision.batch.id)}</Link> : null}
            {decision.withdrawnAt ? <span className="basis-full text-red-800">{m.review.withdrawn(decision.withdrawalReason ?? "")}</span> : null}
          </>
        }
        actions={
          <>
            {decision.state === "published" && !decision.expired && decision.publishedOnline ? (
              <ButtonLink href={`/decisions/${decision.id}`}>{d.console.viewPublic}</ButtonLink>
            ) : null}
            {decision.canEdit ? (
              <ButtonLink href={`/admin/decisions/${decision.id}/edit`} variant="primary">
                {d.console.edit}
              </ButtonLink>
            ) : null}
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Panel id="fields" title={d.summary} titleHidden>
            <KeyValueTable
              labelWidth="w-48"
              testId="decision-fields"
              rows={decisionColumns(decision.kind).map((column) => [
                column.key === "penaltyAmount" ? d.fields.penaltyAmountUnit : column.header,
                value(column.key, decision.values[column.key]) || "—",
              ])}
            />
          </Panel>
          <Panel id="history" title={m.review.history}>
            <HistoryList events={decision.history} {...registerHistory} />
          </Panel>
        </div>
        <div className="space-y-6">
          <Panel id="due" title={d.console.due}>
            <p className={decision.overdue ? "font-semibold text-red-700" : ""} data-testid="decision-due">
              {decision.due}
              {decision.overdue
                ? `（${d.console.overdue}）`
                : decision.publishedOnTime === true
                  ? `（${d.console.onTime}）`
                  : decision.publishedOnTime === false
                    ? `（${d.console.late}）`
                    : ""}
            </p>
            <details className="mt-2 text-sm">
              <summary>{d.console.dueExplanation}</summary>
              <p className="mt-1" data-testid="due-explanation">
                {decision.dueExplanation}
              </p>
            </details>
            {decision.publishedAt ? (
              <p className="mt-2 text-sm">
                {m.review.publishedAt}：{formatDateTime(new Date(decision.publishedAt))}
              </p>
            ) : null}
            {decision.publicUntil ? (
              <p className="mt-1 text-sm">
                {d.publicUntil(decision.publicUntil)}
                {decision.expired ? `（${d.console.expired}）` : ""}
              </p>
            ) : null}
            {decision.publishedOnline ? null : (
              <p className="mt-2 text-sm font-semibold" data-testid="not-published-online">
                {r.notPublishedOnline}
              </p>
            )}
            {decision.publicityRemovedOn ? (
              <p className="mt-2 text-sm" data-testid="publicity-removed">
                {r.removedOn(decision.publicityRemovedOn, decision.removalReason ?? "")}
              </p>
            ) : null}
          </Panel>
          {decision.canProposeRemoval || decision.removals.length ? (
            <Panel id="removal" title={r.title}>
              {decision.removals.length ? (
                <ul className="mb-3 space-y-2 text-sm" data-testid="publicity-removals">
                  {decision.removals.map((removal) => (
                    <li key={removal.id}>
                      <p>
                        {r.entry(removal.removeOn, removal.reason, removal.proposedBy)}（{r.states[removal.state]}
                        {removal.decidedBy ? `，${removal.decidedBy}` : ""}
                        {removal.comment ? `：${removal.comment}` : ""}）
                      </p>
                      {decision.decidableRemovals.includes(removal.id) ? (
                        <DecideRemovalForm action={decidePublicityRemovalAction.bind(null, removal.id)} />
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : null}
              {decision.canProposeRemoval ? (
                <>
                  <p className="mb-2 text-sm">{r.intro}</p>
                  <ProposeRemovalForm
                    action={proposePublicityRemovalAction.bind(null, decision.id)}
                    earliest={earliestRemovalDate(decision.decisionDate, (decision.values.penaltySeverity || null) as "general" | "serious" | null)}
                  />
                </>
              ) : null}
            </Panel>
          ) : null}
          <Panel id="actions" title={m.review.actions}>
            <ReviewActions
              steps={registerReviewSteps(decision.actions)}
              version={decision.version}
              run={transitionDecisionAction.bind(null, decision.id)}
              empty={waitingNotice(decision.state, m.review.noActions)}
            />
          </Panel>
        </div>
      </div>
    </div>
  );
}
